import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { addToCase, auditEvents, daysAgo, newCase, newPerson, refused } from '../../support/casework.js';
import type { OutcomeFollowup } from '../../../src-main/features/outcomes/contract.js';

const intakeOf = (caseId: string, personId: string, over: Record<string, unknown> = {}) => ({ caseId, personId, phase: 'intake', followedUpOn: daysAgo(29), safety: 2, wellBeing: null, violenceStopped: 'no', comment: 'Hon berättade om sommarstugan', ...over });

describe('outcome follow-ups (outcomes.*)', () => {
  it('saves the intake and the closing follow-up of the victim, changes one on a second save, and lists them intake first', async () => {
    // given a case opened 30 days ago
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    // when the worker saves the intake follow-up, then the closing one
    await call(app.router, 'outcomes.save', intakeOf(caseDetail.id, victim.id));
    const both = await call<OutcomeFollowup[]>(app.router, 'outcomes.save', { caseId: caseDetail.id, personId: victim.id, phase: 'closing', followedUpOn: daysAgo(1), safety: 4, wellBeing: 3, violenceStopped: 'yes', helpRating: 5 });
    // then both are there, intake first, with the worker and the declined rating as null
    expect(both.map((f) => [f.phase, f.safety, f.wellBeing, f.violenceStopped, f.helpRating])).toEqual([
      ['intake', 2, null, 'no', null],
      ['closing', 4, 3, 'yes', 5],
    ]);
    expect(both[0]!.worker.name).toBe('Sara Handläggare');
    expect(both[0]!.comment).toBe('Hon berättade om sommarstugan');
    // when the intake follow-up is saved again, it is changed, not doubled
    const changed = await call<OutcomeFollowup[]>(app.router, 'outcomes.save', intakeOf(caseDetail.id, victim.id, { safety: 1, comment: '' }));
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatchObject({ id: both[0]!.id, safety: 1, comment: null });
    // and the list reads the same, logged
    expect(await call<OutcomeFollowup[]>(app.router, 'outcomes.list', { caseId: caseDetail.id })).toEqual(changed);
    const actions = (await auditEvents(app)).filter((e) => e.action.startsWith('outcomes.')).map((e) => e.action);
    expect(actions).toEqual(['outcomes.create', 'outcomes.create', 'outcomes.update', 'outcomes.read']);
  });

  it('refuses in Swedish, by field: a person not in the case, a closing follow-up before the intake one, a view of the help at intake, a missing rating, a future date — and saves nothing', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const stranger = await newPerson(app, 'Annan', 'Utomstående');
    await call(app.router, 'outcomes.save', intakeOf(caseDetail.id, victim.id, { followedUpOn: daysAgo(10) }));

    const notIn = await refused(app, 'outcomes.save', intakeOf(caseDetail.id, stranger.id));
    expect(notIn.details?.issues).toEqual([{ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet.' }]);
    const early = await refused(app, 'outcomes.save', { ...intakeOf(caseDetail.id, victim.id), phase: 'closing', followedUpOn: daysAgo(11), helpRating: 3 });
    expect(early.details?.issues?.[0]).toMatchObject({ path: 'followedUpOn', code: 'closing_before_intake' });
    expect(early.details?.issues?.[0]?.message).toContain('före den vid aktualisering');
    const help = await refused(app, 'outcomes.save', intakeOf(caseDetail.id, victim.id, { helpRating: 4 }));
    expect(help.details?.issues?.[0]).toMatchObject({ path: 'helpRating', message: 'Synen på hjälpen frågas bara vid avslut.' });
    const missing = await refused(app, 'outcomes.save', { ...intakeOf(caseDetail.id, victim.id), safety: undefined });
    expect(missing.code).toBe('validation');
    expect(JSON.stringify(missing)).toContain('Välj trygghet 1–5 eller ”Vill inte svara”.');
    const six = await refused(app, 'outcomes.save', intakeOf(caseDetail.id, victim.id, { wellBeing: 6 }));
    expect(JSON.stringify(six)).toContain('Välj mående 1–5.');
    const future = await refused(app, 'outcomes.save', intakeOf(caseDetail.id, victim.id, { followedUpOn: daysAgo(-1) }));
    expect(future.details?.issues?.[0]?.code).toBe('future');
    const beforeCase = await refused(app, 'outcomes.save', intakeOf(caseDetail.id, victim.id, { followedUpOn: daysAgo(31) }));
    expect(beforeCase.details?.issues?.[0]?.code).toBe('before_intake');

    const list = await call<OutcomeFollowup[]>(app.router, 'outcomes.list', { caseId: caseDetail.id });
    expect(list.map((f) => [f.personId, f.phase, f.followedUpOn])).toEqual([[victim.id, 'intake', daysAgo(10)]]);
  });

  it('follows up another person of the case on their own, and deletes one follow-up with its own log event', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const child = await newPerson(app, 'Liv', 'Exempelberg');
    await addToCase(app, caseDetail.id, child.id, 'child');
    await call(app.router, 'outcomes.save', intakeOf(caseDetail.id, victim.id));
    const two = await call<OutcomeFollowup[]>(app.router, 'outcomes.save', intakeOf(caseDetail.id, child.id, { safety: 3 }));
    expect(two.map((f) => f.personId).sort()).toEqual([victim.id, child.id].sort());
    const left = await call<OutcomeFollowup[]>(app.router, 'outcomes.delete', { id: two.find((f) => f.personId === child.id)!.id });
    expect(left.map((f) => f.personId)).toEqual([victim.id]);
    expect((await auditEvents(app)).filter((e) => e.action === 'outcomes.delete')).toHaveLength(1);
    expect((await refused(app, 'outcomes.delete', { id: two[0]!.id === left[0]!.id ? two[1]!.id : two[0]!.id })).code).toBe('not_found');
  });
});
