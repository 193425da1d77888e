import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { todayIso } from '../../../src-renderer/app/dates';
import { installFakeBridge } from '../fake-bridge';
import { descriptionOf } from '../field';
import { PERSON_ID, caseDetail, person, session } from '../fixtures';

function openForm() {
  const bridge = installFakeBridge({
    'persons.get': () => person({ protectionLevel: 'fingerade' }),
    'cases.create': (input) => caseDetail({ intakeDate: input.intakeDate, intakeSource: input.intakeSource, violenceTypes: input.violenceTypes }),
  });
  navigate({ name: 'case-new', personId: PERSON_ID });
  render(<Shell session={session} />);
  return { bridge, user: userEvent.setup() };
}

describe('open-case form', () => {
  it('requires at least one form of violence', async () => {
    // Given the form for a person, with a source but no violence type ticked
    const { bridge, user } = openForm();
    await screen.findByText('Anna Svensson');
    await user.selectOptions(screen.getByLabelText('Källa'), 'report_police');
    // When it is saved
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    // Then the worker is told to choose one, at the group of checkboxes, and nothing is sent
    expect(screen.getByText('Välj minst en våldsform.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Våldsformer' }).getAttribute('aria-describedby')).toContain('case-types-error');
    expect(bridge.callsTo('cases.create')).toHaveLength(0);
  });

  it('refuses a date that is not written ÅÅÅÅ-MM-DD and a missing source', async () => {
    // Given a date typed the American way and no source
    const { bridge, user } = openForm();
    const date = screen.getByLabelText('Aktualiseringsdatum');
    await user.clear(date);
    await user.type(date, '03/01/2025');
    await user.click(screen.getByLabelText('Fysiskt'));
    // When saved
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    // Then both fields say what is wrong
    expect(descriptionOf('Aktualiseringsdatum')).toContain('Datum skrivs ÅÅÅÅ-MM-DD.');
    expect(descriptionOf('Källa')).toContain('Välj hur ärendet kom in.');
    expect(bridge.callsTo('cases.create')).toHaveLength(0);
  });

  it('opens the case with today as intake date by default and shows it', async () => {
    // Given the form with a source and two violence types
    const { bridge, user } = openForm();
    expect((screen.getByLabelText('Aktualiseringsdatum') as HTMLInputElement).value).toBe(todayIso());
    await user.selectOptions(screen.getByLabelText('Källa'), 'islandsmodellen');
    await user.click(screen.getByLabelText('Psykiskt'));
    await user.click(screen.getByLabelText('Fysiskt'));
    // When saved
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    // Then cases.create gets the contract's input (types in the vocabulary's order) and the case is shown
    expect(bridge.callsTo('cases.create')).toEqual([{ mainPersonId: PERSON_ID, intakeDate: todayIso(), intakeSource: 'islandsmodellen', violenceTypes: ['physical', 'psychological'] }]);
    expect(await screen.findByRole('heading', { name: 'Ärende 2025-0001' })).toBeTruthy();
    expect(screen.getByText('Islandsmodellen')).toBeTruthy();
    // And the just-created case is not read a second time
    expect(bridge.callsTo('cases.get')).toHaveLength(0);
  });
});
