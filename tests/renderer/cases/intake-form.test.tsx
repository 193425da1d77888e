import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { todayIso } from '../../../src-renderer/app/dates';
import { luhnCheckDigit } from '../../../src-main/domain/personal-number';
import { installFakeBridge, refuse, type FakeHandlers } from '../fake-bridge';
import { descriptionOf } from '../field';
import { EXISTING_ID, PERSON_ID, caseDetail, caseViewHandlers, person, session } from '../fixtures';

type User = ReturnType<typeof userEvent.setup>;

/** A valid made-up number from Skatteverket's test range (serial 98x–99x). */
function number(yyyymmdd: string, serial: string): string {
  return `${yyyymmdd}-${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
}
const CHILD_NUMBER = number('20150314', '982');
const PERPETRATOR_NUMBER = number('19790521', '991');
const MAIN_NUMBER = number('19840612', '986');

function openIntake(handlers: FakeHandlers, personId?: string) {
  const bridge = installFakeBridge({ ...caseViewHandlers(), ...handlers });
  navigate(personId ? { name: 'case-new', personId } : { name: 'case-new' });
  render(<Shell session={session} />);
  return { bridge, user: userEvent.setup() };
}

const row = (name: string) => within(screen.getByRole('group', { name }));

/** Types a new person into a row (or the main person's part) that is set to "Ny person". */
async function fillNewPerson(user: User, scope: ReturnType<typeof within>, first: string, last: string, pnr: string) {
  await user.click(scope.getByLabelText('Ny person'));
  await user.type(scope.getByLabelText('Förnamn'), first);
  await user.type(scope.getByLabelText('Efternamn'), last);
  await user.type(scope.getByLabelText('Personnummer eller samordningsnummer'), pnr);
  await user.selectOptions(scope.getByLabelText('Kön'), 'kvinna');
}

async function fillFacts(user: User) {
  await user.selectOptions(screen.getByLabelText('Källa'), 'islandsmodellen');
  await user.click(screen.getByLabelText('Fysiskt'));
}

describe('intake flow (Ny aktualisering)', () => {
  it('opens from the person’s page with that person as main person, and saves with the contract’s input', async () => {
    // Given the intake opened from a person's page ("Öppna ärende")
    const { bridge, user } = openIntake({
      'persons.get': () => person({ protectionLevel: 'fingerade' }),
      'cases.create': (input) => caseDetail({ intakeDate: input.intakeDate, intakeSource: input.intakeSource, violenceTypes: input.violenceTypes }),
    }, PERSON_ID);
    const main = await screen.findByRole('group', { name: 'Huvudperson (våldsutsatt)' });
    expect(await within(main).findByText('Anna Svensson')).toBeTruthy();
    expect(within(main).getByText('Skyddad identitet')).toBeTruthy();
    expect((screen.getByLabelText('Aktualiseringsdatum') as HTMLInputElement).value).toBe(todayIso());
    await user.selectOptions(screen.getByLabelText('Källa'), 'islandsmodellen');
    await user.click(screen.getByLabelText('Psykiskt'));
    await user.click(screen.getByLabelText('Fysiskt'));
    // When saved
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    // Then one cases.create with the contract's input (types in the vocabulary's order), and the case is shown without a second read
    expect(bridge.callsTo('cases.create')).toEqual([{ mainPersonId: PERSON_ID, intakeDate: todayIso(), intakeSource: 'islandsmodellen', violenceTypes: ['physical', 'psychological'] }]);
    expect(await screen.findByRole('heading', { name: 'Ärende 2025-0001' })).toBeTruthy();
    expect(bridge.callsTo('cases.get')).toHaveLength(0);
  });

  it('checks the fields before sending: forms of violence, date format, source, and a person for every row', async () => {
    const { bridge, user } = openIntake({ 'persons.get': () => person() }, PERSON_ID);
    await screen.findByText('Anna Svensson');
    const date = screen.getByLabelText('Aktualiseringsdatum');
    await user.clear(date);
    await user.type(date, '03/01/2025');
    await user.click(screen.getByRole('button', { name: 'Lägg till barn' }));
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    expect(descriptionOf('Aktualiseringsdatum')).toContain('Datum skrivs ÅÅÅÅ-MM-DD.');
    expect(descriptionOf('Källa')).toContain('Välj hur ärendet kom in.');
    expect(screen.getByText('Välj minst en våldsform.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Våldsformer' }).getAttribute('aria-describedby')).toContain('case-types-error');
    expect(row('Barn 1').getByLabelText('Förnamn').getAttribute('aria-invalid')).toBe('true');
    // And the focus goes to the first field to fix
    expect(document.activeElement).toBe(screen.getByLabelText('Aktualiseringsdatum'));
    expect(bridge.callsTo('cases.create')).toHaveLength(0);
  });

  it('sends the victim, two children and the person using violence in one call, and shows server errors at the right row', async () => {
    // Given a new main person, two children (one picked from the register) and a person using violence
    const { bridge, user } = openIntake({
      'persons.search': () => [{ id: EXISTING_ID, firstName: 'Lisa', lastName: 'Svensson', numberKind: 'personnummer', personalNumber: '20170101-0000', birthYear: 2017, protectionLevel: 'none' }],
      'cases.create': () =>
        refuse({
          code: 'validation',
          message: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
          details: {
            issues: [
              { path: 'people.2.person.newPerson.identity.value', code: 'personal_number_checksum', message: 'Kontrollsiffran stämmer inte (servern).' },
              { path: 'people.0.childExposure', code: 'custom', message: 'Välj hur barnet utsatts (servern).' },
              { path: 'mainNewPerson.lastName', code: 'custom', message: 'Otillåtna tecken (servern).' },
            ],
          },
        }),
    });
    await fillNewPerson(user, within(screen.getByRole('group', { name: 'Huvudperson (våldsutsatt)' })), 'Sara', 'Ek', MAIN_NUMBER);
    await fillFacts(user);
    await user.click(screen.getByRole('button', { name: 'Lägg till barn' }));
    await fillNewPerson(user, row('Barn 1'), 'Mio', 'Ek', CHILD_NUMBER);
    await user.click(row('Barn 1').getByLabelText('Båda'));
    await user.click(screen.getByRole('button', { name: 'Lägg till barn' }));
    await user.click(row('Barn 2').getByLabelText('Finns i registret'));
    await user.type(row('Barn 2').getByLabelText('Sök person'), 'Lisa');
    await user.click(await row('Barn 2').findByRole('button', { name: /Lisa Svensson/ }));
    await user.click(row('Barn 2').getByLabelText('Har sett/hört våldet'));
    await user.click(screen.getByRole('button', { name: 'Lägg till våldsutövare' }));
    await fillNewPerson(user, row('Våldsutövare 1'), 'Kent', 'Ek', PERPETRATOR_NUMBER);
    // When saved
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    // Then one call carries everyone
    const [input] = bridge.callsTo('cases.create');
    expect(input?.mainNewPerson).toMatchObject({ firstName: 'Sara', lastName: 'Ek', identity: { kind: 'personnummer', value: MAIN_NUMBER } });
    expect(input?.people).toEqual([
      { person: { newPerson: { firstName: 'Mio', lastName: 'Ek', identity: { kind: 'personnummer', value: CHILD_NUMBER }, gender: 'kvinna', protectionLevel: 'none' } }, role: 'child', childExposure: 'both' },
      { person: { personId: EXISTING_ID }, role: 'child', childExposure: 'witnessed' },
      { person: { newPerson: { firstName: 'Kent', lastName: 'Ek', identity: { kind: 'personnummer', value: PERPETRATOR_NUMBER }, gender: 'kvinna', protectionLevel: 'none' } }, role: 'perpetrator' },
    ]);
    // And each refusal sits at its own field: people.2 is the person using violence, people.0 the first child
    await screen.findByText('Kontrollsiffran stämmer inte (servern).');
    const perpetrator = screen.getByRole('group', { name: 'Våldsutövare 1' });
    const perpetratorNumber = within(perpetrator).getByLabelText('Personnummer eller samordningsnummer');
    expect(perpetratorNumber.getAttribute('aria-invalid')).toBe('true');
    expect(perpetrator.textContent).toContain('Kontrollsiffran stämmer inte (servern).');
    expect(row('Barn 1').getByLabelText('Personnummer eller samordningsnummer').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('group', { name: 'Barn 1' }).textContent).toContain('Välj hur barnet utsatts (servern).');
    expect(screen.getByRole('group', { name: 'Huvudperson (våldsutsatt)' }).textContent).toContain('Otillåtna tecken (servern).');
    // And nothing typed is lost
    expect((row('Våldsutövare 1').getByLabelText('Förnamn') as HTMLInputElement).value).toBe('Kent');
    expect(row('Barn 2').getByText('Lisa Svensson')).toBeTruthy();
  });

  it('places server errors by the row order at saving time, even if a row was removed after', async () => {
    const { user } = openIntake({
      'persons.get': () => person(),
      'cases.create': () => refuse({ code: 'validation', message: 'Uppgifterna är inte giltiga.', details: { issues: [{ path: 'people.1.person.newPerson.firstName', code: 'custom', message: 'Fel i förnamnet (servern).' }] } }),
    }, PERSON_ID);
    await screen.findByText('Anna Svensson');
    await fillFacts(user);
    await user.click(screen.getByRole('button', { name: 'Lägg till barn' }));
    await fillNewPerson(user, row('Barn 1'), 'Mio', 'Ek', CHILD_NUMBER);
    await user.click(screen.getByRole('button', { name: 'Lägg till våldsutövare' }));
    await fillNewPerson(user, row('Våldsutövare 1'), 'Kent', 'Ek', PERPETRATOR_NUMBER);
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    await screen.findByText('Fel i förnamnet (servern).');
    // When the first row is removed, the error stays with the person using violence
    await user.click(screen.getByRole('button', { name: 'Ta bort Barn 1' }));
    expect(screen.getByRole('group', { name: 'Våldsutövare 1' }).textContent).toContain('Fel i förnamnet (servern).');
  });

  it('on a number already registered, names the row and offers "Använd befintlig person", keeping the other rows', async () => {
    // Given a child and a person using violence, where the latter's number is already registered
    let creates = 0;
    const { bridge, user } = openIntake({
      'persons.get': () => person(),
      'persons.search': ({ query }) => (query === PERPETRATOR_NUMBER ? [{ id: EXISTING_ID, firstName: 'Kent', lastName: 'Registrerad', numberKind: 'personnummer', personalNumber: PERPETRATOR_NUMBER, birthYear: 1979, protectionLevel: 'none' }] : []),
      'cases.create': (input) => {
        creates += 1;
        if (creates === 1) refuse({ code: 'conflict', message: 'Det finns redan en person med det numret. Den befintliga personen öppnas i stället.', details: { existingId: EXISTING_ID } });
        return caseDetail({ intakeSource: input.intakeSource });
      },
    }, PERSON_ID);
    await screen.findByText('Anna Svensson');
    await fillFacts(user);
    await user.click(screen.getByRole('button', { name: 'Lägg till barn' }));
    await fillNewPerson(user, row('Barn 1'), 'Mio', 'Ek', CHILD_NUMBER);
    await user.click(screen.getByRole('button', { name: 'Lägg till våldsutövare' }));
    await fillNewPerson(user, row('Våldsutövare 1'), 'Kent', 'Ek', PERPETRATOR_NUMBER);
    // When saved
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    // Then the worker is told which row, and that row offers the registered person
    expect(await screen.findByText(/^Våldsutövare 1: personnumret finns redan i registret/)).toBeTruthy();
    const use = await row('Våldsutövare 1').findByRole('button', { name: 'Använd befintlig person' });
    expect(row('Våldsutövare 1').getByText(/Kent Registrerad/)).toBeTruthy();
    expect(row('Barn 1').queryByRole('button', { name: 'Använd befintlig person' })).toBeNull();
    // When the worker takes the registered person
    await user.click(use);
    // Then that row is the registered person, and everything else is still there
    expect(row('Våldsutövare 1').getByText('Kent Registrerad')).toBeTruthy();
    expect((row('Barn 1').getByLabelText('Förnamn') as HTMLInputElement).value).toBe('Mio');
    expect((screen.getByLabelText('Fysiskt') as HTMLInputElement).checked).toBe(true);
    // And saving again sends the row as {personId}, the child still as a new person
    await user.click(screen.getByRole('button', { name: 'Spara ärende' }));
    expect(await screen.findByRole('heading', { name: 'Ärende 2025-0001' })).toBeTruthy();
    const second = bridge.callsTo('cases.create')[1];
    expect(second?.people?.[1]).toEqual({ person: { personId: EXISTING_ID }, role: 'perpetrator' });
    expect(second?.people?.[0]?.person).toMatchObject({ newPerson: { firstName: 'Mio', identity: { value: CHILD_NUMBER } } });
  });
});
