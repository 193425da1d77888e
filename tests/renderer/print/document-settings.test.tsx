import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DocumentSettingsPanel } from '../../../src-renderer/features/settings/DocumentSettingsPanel';
import { installFakeBridge, refuse } from '../fake-bridge';

const builtin = { id: 'fristad.riskbedomning', version: 1, kind: 'risk_assessment' as const, title: 'Fristads riskbedömning', source: 'builtin' as const };

describe('importing a unit’s own template', () => {
  it('lists every problem of a refused file by its place, and sends the file’s text', async () => {
    // Given a samordnare and a file the server refuses with two problems
    const bridge = installFakeBridge({
      'templates.list': () => [builtin],
      'print.logo': () => ({ logo: null }),
      'templates.import': () =>
        refuse({
          code: 'validation',
          message: 'Mallen i ”egen.json” kan inte användas: 2 fel hittades.',
          details: { issues: [{ path: 'title', code: 'template', message: 'title: saknas' }, { path: 'sections[0].questions[1].kind', code: 'template', message: 'sections[0].questions[1].kind: frågetypen (kind) ska vara yes_no, scale, choice eller text' }] },
        }),
    });
    render(<DocumentSettingsPanel isCoordinator />);
    expect(await screen.findByText('Fristads riskbedömning')).toBeTruthy();
    const user = userEvent.setup();
    // When the file is chosen
    await user.upload(screen.getByLabelText('Importera egen mall (JSON)…'), new File(['{"format":"fristad.template/1"}'], 'egen.json', { type: 'application/json' }));
    // Then the report names the file and each problem with its path
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Mallen i ”egen.json” kan inte användas: 2 fel hittades.');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['title: saknas', 'sections[0].questions[1].kind: frågetypen (kind) ska vara yes_no, scale, choice eller text']);
    expect(bridge.callsTo('templates.import')).toEqual([{ fileName: 'egen.json', text: '{"format":"fristad.template/1"}' }]);
  });

  it('offers no import to a handläggare', async () => {
    installFakeBridge({ 'templates.list': () => [builtin], 'print.logo': () => ({ logo: null }) });
    render(<DocumentSettingsPanel isCoordinator={false} />);
    expect(await screen.findByText('Fristads riskbedömning')).toBeTruthy();
    expect(screen.queryByLabelText('Importera egen mall (JSON)…')).toBeNull();
  });
});
