import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PrintedDocumentView } from '../../../src-renderer/app/PrintApp';
import type { PrintedDocument } from '../../../src-main/features/print/models';

const HOSTILE = '<script>window.hacked = 1</script><b>fet</b><img src=x onerror="window.hacked=2">';

function safetyPlan(variant: 'client' | 'internal'): PrintedDocument {
  const internal = <T,>(v: T) => (variant === 'internal' ? v : null);
  return {
    kind: 'safety_plan',
    letterhead: { unitName: `Enheten ${HOSTILE}`, logo: null, title: 'Säkerhetsplan', caseNumber: '2026-0001', printedOn: '2026-11-23', printedBy: 'Nora', variant },
    person: { name: `Elin ${HOSTILE}`, personalNumber: null, protectionLevel: 'skyddad_folkbokforing', address: internal(null), addressWithheld: true },
    intro: null,
    version: 2,
    madeOn: '2026-11-23',
    reviewOn: '2026-12-23',
    madeWith: 'Elin',
    workerName: 'Nora',
    sections: [
      { key: 'warning_signs', kind: 'text', title: 'Varningstecken', text: HOSTILE },
      { key: 'pack_list', kind: 'items', title: 'Packa', items: [{ text: 'Pass', checked: true }], other: '' },
      { key: 'emergency_numbers', kind: 'numbers', title: 'Viktiga nummer', numbers: [{ label: 'Nödsamtal', number: '112' }] },
    ],
    shelterAddress: internal('Hemliga gatan 7'),
    internalNote: internal('Intern notering'),
  };
}

describe('printed documents', () => {
  it('print what a person typed as text: no element, no script from a name or a note', () => {
    const { container } = render(<PrintedDocumentView doc={safetyPlan('internal')} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    expect(container.textContent).toContain('<script>window.hacked = 1</script>');
  });

  it('the client copy shows no internal section and no address line; the internal copy marks its internal parts', () => {
    const client = render(<PrintedDocumentView doc={safetyPlan('client')} />);
    expect(client.container.textContent).not.toMatch(/Hemliga gatan|Intern notering|Endast internt|Adress/);
    expect(screen.getByText('Klientkopia')).toBeTruthy();
    expect(client.container.textContent).toContain('Omfattas av sekretess enligt 26 kap. OSL');
    client.unmount();
    const internal = render(<PrintedDocumentView doc={safetyPlan('internal')} />);
    expect(internal.container.textContent).toContain('Hemliga gatan 7');
    expect(internal.container.textContent).toContain('Skyddad – skrivs aldrig ut');
    expect(internal.container.querySelectorAll('.print-internal')).toHaveLength(2);
  });
});
