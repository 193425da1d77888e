import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { auditEvents } from '../../support/casework.js';
import { oldClosedCase, personWithNumber, testNumber } from '../../support/privacy.js';
import type { RegisterExtract } from '../../../src-main/features/privacy/extract.js';

describe('register extract (registerutdrag)', () => {
  it('holds everything about the person and nothing about the others in the same case', async () => {
    const app = await unlockedApp();
    const elin = await personWithNumber(app, 'Elin', 'Påhittsdotter', testNumber('19870214', '982'), 'skyddad_folkbokforing');
    const rolfNumber = testNumber('19830730', '985');
    const rolf = await personWithNumber(app, 'Rolf', 'Exempelgren', rolfNumber);
    const alva = await personWithNumber(app, 'Alva', 'Påhittsdotter', testNumber('20160412', '983'));
    const c = await oldClosedCase(app, elin, { intake: '2024-03-01', closedOn: '2024-09-30', note: `Rolf Exempelgren (${rolfNumber}) hotade Elin. Alva såg det.`, others: [{ person: rolf, role: 'perpetrator' }, { person: alva, role: 'child' }] });
    await call(app.router, 'decisions.create', { caseId: c.id, personId: alva.id, serviceType: 'children_talks', outcome: 'granted', decisionDate: '2024-03-05', legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef' });

    const x = await call<RegisterExtract>(app.router, 'privacy.extract', { personId: elin.id });
    expect(x.person).toMatchObject({ firstName: 'Elin', lastName: 'Påhittsdotter', protectionLevel: 'skyddad_folkbokforing', address: null, addressWithheld: true });
    expect(x.cases).toHaveLength(1);
    expect(x.cases[0]).toMatchObject({ caseNumber: c.caseNumber, roles: ['victim'], isMainPerson: true, status: 'closed' });
    expect(x.cases[0]!.journal.map((j) => j.text)).toEqual(['[annan person] ([annan person]) hotade Elin. [annan person] såg det.']);
    expect(x.cases[0]!.decisions).toHaveLength(1);
    expect(x.cases[0]!.services).toHaveLength(1);
    expect(x.withheld).toMatchObject({ otherPersons: 2, maskedMentions: 3, decisionsForOthers: 1 });
    expect(x.access.map((a) => a.action)).toEqual(expect.arrayContaining(['persons.create', 'cases.create']));
    const text = JSON.stringify(x);
    for (const other of ['Rolf', 'Exempelgren', 'Alva', rolfNumber, 'Hemliga gatan', 'children_talks']) expect(text, other).not.toContain(other);
  });

  it('gives the person who used violence their role and dates, never the victim\'s journal', async () => {
    const app = await unlockedApp();
    const elin = await personWithNumber(app, 'Elin', 'Påhittsdotter', testNumber('19870214', '982'));
    const rolf = await personWithNumber(app, 'Rolf', 'Exempelgren', testNumber('19830730', '985'));
    await oldClosedCase(app, elin, { intake: '2024-03-01', closedOn: '2024-09-30', note: 'Elin har flyttat till en skyddad adress i Norrby.', others: [{ person: rolf, role: 'perpetrator' }] });
    const x = await call<RegisterExtract>(app.router, 'privacy.extract', { personId: rolf.id });
    expect(x.cases[0]).toMatchObject({ roles: ['perpetrator'], isMainPerson: false, journal: [], decisions: [], services: [] });
    expect(x.withheld.casesWithoutJournal).toBe(1);
    const text = JSON.stringify(x);
    for (const secret of ['Elin', 'Påhittsdotter', 'Norrby', 'skyddad adress']) expect(text, secret).not.toContain(secret);
  });

  it('logs looking at it and producing it, each with the person\'s id only', async () => {
    const app = await unlockedApp();
    const elin = await personWithNumber(app, 'Elin', 'Påhittsdotter', testNumber('19870214', '982'));
    await call(app.router, 'privacy.extract', { personId: elin.id });
    await call(app.router, 'privacy.extractProduced', { personId: elin.id });
    const events = (await auditEvents(app)).filter((e) => e.action.startsWith('privacy.extract'));
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['privacy.extract_preview', elin.id],
      ['privacy.extract_print', elin.id],
    ]);
  });
});
