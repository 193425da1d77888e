import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forVariant, internalOnly } from '../../../src-main/print/document-model.js';
import { escapeHtml, pdfLayout } from '../../../src-main/print/pdf-options.js';

describe('the client-copy filter', () => {
  const doc = {
    kind: 'safety_plan',
    person: { name: 'Fia', address: internalOnly({ streetAddress: 'Gömd väg 1' }) },
    sections: [{ text: 'Ring mamma', note: internalOnly('hotad igår') }],
    scoring: internalOnly({ score: 17, suggestedLevel: 'high' }),
  };

  it('drops every internal-only value from the client copy, wherever it sits', () => {
    const c = forVariant(doc, 'client');
    expect(c).toEqual({ kind: 'safety_plan', person: { name: 'Fia', address: null }, sections: [{ text: 'Ring mamma', note: null }], scoring: null });
    expect(JSON.stringify(c)).not.toMatch(/Gömd|hotad|17|\$internal/);
  });

  it('keeps them, unmarked, on the internal copy', () => {
    const i = forVariant(doc, 'internal');
    expect(i.person.address).toEqual({ streetAddress: 'Gömd väg 1' });
    expect(i.sections[0]!.note).toBe('hotad igår');
    expect(JSON.stringify(i)).not.toContain('$internal');
  });

  it('no secret string placed anywhere survives the client filter (property)', () => {
    const secret = 'HEMLIG-7f3a';
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie('node'), { maxKeys: 3 }), tie('secret')),
      secret: fc.constant(null).map(() => internalOnly(secret)),
    }));
    fc.assert(
      fc.property(tree.node, (t) => {
        expect(JSON.stringify(forVariant(t, 'client')) ?? '').not.toContain(secret);
      }),
    );
  });
});

describe('pdf layout', () => {
  it('puts the secrecy marking and page numbers on every page, and escapes the unit name', () => {
    const l = pdfLayout({ unitName: '<script>alert(1)</script> & Co', copyLabel: 'Klientkopia' });
    expect(l.footerTemplate).toContain('Omfattas av sekretess enligt 26 kap. OSL');
    expect(l.footerTemplate).toContain('class="pageNumber"');
    expect(l.footerTemplate).toContain('class="totalPages"');
    expect(l.headerTemplate).not.toContain('<script>');
    expect(l.headerTemplate).toContain('&lt;script&gt;');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
