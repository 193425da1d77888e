import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LogReviewPanel } from '../../../src-renderer/features/privacy/LogReviewPanel';
import { installFakeBridge } from '../fake-bridge';

const emptyLog = { 'workers.list': () => [], 'privacy.logSearch': () => ({ rows: [], next: null }) } as const;

describe('log review: checking the chain', () => {
  it('says plainly when the newest events were removed, though every remaining link holds', async () => {
    installFakeBridge({ ...emptyLog, 'privacy.logVerify': () => ({ checked: 40, firstBroken: null, removedAtEnd: 3 }) });
    render(<LogReviewPanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Kontrollera loggens kedja' }));
    expect(await screen.findByText('De 3 senaste händelserna saknas i loggen, efter de 40 som finns kvar: de har tagits bort. Kontakta IT och spara en säkerhetskopia.')).toBeTruthy();
  });

  it('says the log is whole when nothing is missing', async () => {
    installFakeBridge({ ...emptyLog, 'privacy.logVerify': () => ({ checked: 40, firstBroken: null, removedAtEnd: 0 }) });
    render(<LogReviewPanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Kontrollera loggens kedja' }));
    expect(await screen.findByText('Loggen är obruten: 40 händelser kontrollerade.')).toBeTruthy();
  });
});
