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

  it('includes the person\'s own assessments, plans and placements (the shelter by name and phone, never its address), not those of others in the case', async () => {
    const app = await unlockedApp();
    const elin = await personWithNumber(app, 'Elin', 'Påhittsdotter', testNumber('19870214', '982'));
    const rolf = await personWithNumber(app, 'Rolf', 'Exempelgren', testNumber('19830730', '985'));
    const alva = await personWithNumber(app, 'Alva', 'Påhittsdotter', testNumber('20160412', '983'));
    const c = await call<{ id: string }>(app.router, 'cases.create', { mainPersonId: elin.id, intakeDate: '2026-03-01', intakeSource: 'report_police', violenceTypes: ['physical'], people: [{ person: { personId: rolf.id }, role: 'perpetrator' }, { person: { personId: alva.id }, role: 'child' }] });
    const risk = (personId: string, judgement: string) =>
      call(app.router, 'riskAssessments.create', { caseId: c.id, personId, template: { id: 'fristad.riskbedomning', version: 1 }, assessedOn: '2026-03-02', answers: {}, level: 'high', levelReason: 'Hot om att döda.', judgement, internalNote: 'Intern: polisen underrättad.' });
    await risk(elin.id, 'Hög risk: Rolf Exempelgren har hotat att döda.');
    await risk(alva.id, 'Alva är rädd för att gå till skolan.');
    await call(app.router, 'actionPlans.create', { caseId: c.id, personId: elin.id, status: 'active', goals: ['Eget boende före sommaren'], actions: [], followUpOn: '2026-05-01', workerSignedOn: null, personSignedOn: null });
    const shelter = await call<{ id: string }>(app.router, 'shelters.create', { name: 'Kvinnojouren Linden', operatorType: 'womens_shelter', contactPhone: '010-123 45 67', streetAddress: 'Lönnvägen 3', postalCode: '123 45', city: 'Norrby', firstPrice: { validFrom: '2026-01-01', adultOre: 120_000, childOre: 60_000 } });
    await call(app.router, 'placements.create', {
      caseId: c.id,
      personId: elin.id,
      shelterId: shelter.id,
      decisionDate: '2026-03-03',
      startDate: '2026-03-03',
      children: [{ personId: alva.id, decisionRef: 'Dnr 2026:14', consent: 'sole_custody', schooling: 'school_at_shelter' }],
    });

    // Her own outcome follow-up (a worker's comment on it stays internal), and the child's
    await call(app.router, 'outcomes.save', { caseId: c.id, personId: elin.id, phase: 'intake', followedUpOn: '2026-03-04', safety: 2, wellBeing: null, violenceStopped: 'no', comment: 'Intern: rädd att Rolf hittar henne.' });
    await call(app.router, 'outcomes.save', { caseId: c.id, personId: alva.id, phase: 'intake', followedUpOn: '2026-03-04', safety: 3, wellBeing: 3, violenceStopped: 'unknown' });

    const x = await call<RegisterExtract>(app.router, 'privacy.extract', { personId: elin.id });
    const docs = x.cases[0]!.documents;
    expect(docs.outcomeFollowups).toEqual([{ phase: 'intake', followedUpOn: '2026-03-04', safety: 2, wellBeing: null, violenceStopped: 'no', helpRating: null }]);
    expect(docs.riskAssessments).toEqual([expect.objectContaining({ assessedOn: '2026-03-02', level: 'high', judgement: 'Hög risk: [annan person] har hotat att döda.' })]);
    expect(docs.actionPlans).toEqual([expect.objectContaining({ status: 'active', goals: ['Eget boende före sommaren'] })]);
    expect(docs.placements).toEqual([{ asChild: false, shelterName: 'Kvinnojouren Linden', shelterPhone: '010-123 45 67', startDate: '2026-03-03', endDate: null }]);
    expect(x.withheld).toMatchObject({ internalNotes: 2, shelterAddresses: 1, documentsForOthers: 2 });
    const text = JSON.stringify(x);
    for (const secret of ['Lönnvägen', 'Norrby', 'Intern:', 'skolan', 'Rolf', 'Exempelgren']) expect(text, secret).not.toContain(secret);

    // The child's own extract: the placement she came along to, no one else's assessments.
    const child = await call<RegisterExtract>(app.router, 'privacy.extract', { personId: alva.id });
    expect(child.cases[0]!.documents.placements).toEqual([expect.objectContaining({ asChild: true, shelterName: 'Kvinnojouren Linden' })]);
    expect(child.cases[0]!.documents.riskAssessments).toEqual([expect.objectContaining({ judgement: 'Alva är rädd för att gå till skolan.' })]);
    expect(child.cases[0]!.documents.actionPlans).toEqual([]);
    expect(JSON.stringify(child)).not.toContain('Lönnvägen');
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
