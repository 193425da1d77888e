import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, unlockedApp } from '../../support/temp.js';
import { addSecondWorker, auditEvents, daysAgo, newCase, refused } from '../../support/casework.js';
import type { JournalEntry, JournalSearchHit, JournalSearchResult } from '../../../src-main/features/journal/contract.js';
import { ftsMatchExpression, searchWords } from '../../../src-main/features/journal/fts-query.js';
import { RANK_WINDOW } from '../../../src-main/features/journal/queries.js';
import { withSignedGuard } from '../../../src-main/features/journal/service.js';
import { ConflictError } from '../../../src-main/domain/errors.js';

const SIGNED_MESSAGE = 'En signerad anteckning kan inte ändras. Skriv en rättelse.';

describe('journal: draft, sign, correct', () => {
  it('a draft is edited, signed, then refused further edits; a correction refers to it and both show in order with who wrote and signed', async () => {
    // given a case and a draft written by the worker
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const draft = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(3), text: 'Hembesök. Klienten berättade om hot.' });
    expect(draft).toMatchObject({ status: 'draft', signedBy: null, signedAt: null, corrects: null, editable: true, author: { id: app.workerId, name: 'Sara Handläggare' } });

    // when the draft is edited and then signed
    const edited = await call<JournalEntry>(app.router, 'journal.updateDraft', { id: draft.id, entryDate: daysAgo(2), text: '  Hembesök. Klienten berättade om hot och slag.  ' });
    expect(edited.text).toBe('Hembesök. Klienten berättade om hot och slag.');
    expect(edited.entryDate).toBe(daysAgo(2));
    const signed = await call<JournalEntry>(app.router, 'journal.sign', { id: draft.id });

    // then it is signed by the worker and can no longer be edited or deleted
    expect(signed).toMatchObject({ status: 'signed', signedBy: { id: app.workerId, name: 'Sara Handläggare' }, editable: false });
    expect(Date.parse(signed.signedAt!)).not.toBeNaN();
    const editError = await refused(app, 'journal.updateDraft', { id: draft.id, entryDate: daysAgo(2), text: 'Ändrad i efterhand' });
    expect(editError).toMatchObject({ code: 'conflict', message: SIGNED_MESSAGE });
    expect(await refused(app, 'journal.deleteDraft', { id: draft.id })).toMatchObject({ code: 'conflict' });
    expect(await refused(app, 'journal.sign', { id: draft.id })).toMatchObject({ code: 'conflict' });

    // when a correction is written and signed
    const correction = await call<JournalEntry>(app.router, 'journal.correct', { entryId: draft.id, entryDate: daysAgo(1), text: 'Rättelse: det var knuffar, inte slag.' });
    expect(correction).toMatchObject({ status: 'draft', caseId: caseDetail.id, corrects: { id: draft.id, entryDate: daysAgo(2) } });
    await call(app.router, 'journal.sign', { id: correction.id });
    const later = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Telefonsamtal.' });
    const earlier = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(10), text: 'Första kontakt.' });

    // then the journal lists all in date order, the original pointing at its correction
    const journal = await call<JournalEntry[]>(app.router, 'journal.list', { caseId: caseDetail.id });
    expect(journal.map((e) => e.id)).toEqual([earlier.id, draft.id, correction.id, later.id]);
    const original = journal[1]!;
    expect(original).toMatchObject({ text: 'Hembesök. Klienten berättade om hot och slag.', status: 'signed', correctedBy: [correction.id], author: { name: 'Sara Handläggare' }, signedBy: { name: 'Sara Handläggare' } });
    expect(journal[2]).toMatchObject({ status: 'signed', corrects: { id: draft.id, entryDate: daysAgo(2) }, correctedBy: [] });
    expect(journal[0]).toMatchObject({ status: 'draft', editable: true, corrects: null });
  });

  it('refuses to correct a draft: the draft is edited instead', async () => {
    // given a draft
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const draft = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text: 'Utkast' });
    // when it is "corrected"
    const error = await refused(app, 'journal.correct', { entryId: draft.id, entryDate: daysAgo(0), text: 'Rättelse' });
    // then it is refused with a Swedish message, and nothing is added
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/utkast/i);
    expect(await call<JournalEntry[]>(app.router, 'journal.list', { caseId: caseDetail.id })).toHaveLength(1);
  });

  it('answers not_found for an unknown case or entry', async () => {
    const app = await unlockedApp();
    const missing = '22222222-2222-4222-8222-222222222222';
    expect(await refused(app, 'journal.list', { caseId: missing })).toMatchObject({ code: 'not_found', message: 'Ärendet finns inte.' });
    expect(await refused(app, 'journal.create', { caseId: missing, entryDate: daysAgo(0), text: 'x' })).toMatchObject({ code: 'not_found' });
    expect(await refused(app, 'journal.updateDraft', { id: missing, entryDate: daysAgo(0), text: 'x' })).toMatchObject({ code: 'not_found', message: 'Anteckningen finns inte.' });
    expect(await refused(app, 'journal.sign', { id: missing })).toMatchObject({ code: 'not_found' });
    expect(await refused(app, 'journal.correct', { entryId: missing, entryDate: daysAgo(0), text: 'x' })).toMatchObject({ code: 'not_found' });
    expect(await refused(app, 'journal.deleteDraft', { id: missing })).toMatchObject({ code: 'not_found' });
  });

  it('validates text and date with Swedish messages on the field', async () => {
    // given a case
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const base = { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Text' };
    // when the input breaks a rule, then the field is named and nothing is written
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ text: '   ' }, 'text', /Skriv anteckningen/],
      [{ text: 'x'.repeat(20_001) }, 'text', /Högst 20[\s\u00a0]000 tecken/],
      [{ text: 'a\u0002b' }, 'text', /otillåtna tecken/],
      [{ entryDate: daysAgo(-2) }, 'entryDate', /framtiden/],
      [{ entryDate: '2026-02-30' }, 'entryDate', /kalendern/],
      [{ entryDate: '1 mars' }, 'entryDate', /ÅÅÅÅ-MM-DD/],
    ];
    for (const [patch, path, message] of cases) {
      const error = await refused(app, 'journal.create', { ...base, ...patch });
      expect(error.code, JSON.stringify(patch).slice(0, 40)).toBe('validation');
      const issue = error.details?.issues?.find((i) => i.path === path);
      expect(issue?.message, path).toMatch(message);
    }
    expect(await call<JournalEntry[]>(app.router, 'journal.list', { caseId: caseDetail.id })).toHaveLength(0);
    // a text at the limit, with line breaks and tabs, is fine
    const long = await call<JournalEntry>(app.router, 'journal.create', { ...base, text: `Rad ett\n\tRad två\r\n${'x'.repeat(20_000 - 18)}` });
    expect(long.text).toHaveLength(20_000);
  });
});

describe('journal: another worker', () => {
  it('cannot edit, delete or sign my draft, but sees it and may correct what I signed', async () => {
    // given my draft and my signed entry, and a colleague
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const mine = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(2), text: 'Mitt utkast' });
    const signed = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(1), text: 'Min signerade' });
    await call(app.router, 'journal.sign', { id: signed.id });
    const colleague = await addSecondWorker(app);
    await colleague.switchTo();
    expect(app.core.requireSession().worker.id).toBe(colleague.id);

    // when the colleague tries to change my draft
    const edit = await refused(app, 'journal.updateDraft', { id: mine.id, entryDate: daysAgo(2), text: 'Kollegans text' });
    const del = await refused(app, 'journal.deleteDraft', { id: mine.id });
    const sign = await refused(app, 'journal.sign', { id: mine.id });

    // then each is forbidden with a Swedish message
    expect(edit).toMatchObject({ code: 'forbidden', message: 'Bara den som skrev utkastet kan ändra det.' });
    expect(del).toMatchObject({ code: 'forbidden', message: 'Bara den som skrev utkastet kan ta bort det.' });
    expect(sign.code).toBe('forbidden');
    const seen = await call<JournalEntry[]>(app.router, 'journal.list', { caseId: caseDetail.id });
    expect(seen.map((e) => [e.text, e.editable])).toEqual([
      ['Mitt utkast', false],
      ['Min signerade', false],
    ]);

    // and the colleague's correction of my signed entry, signed by them, shows both names
    const correction = await call<JournalEntry>(app.router, 'journal.correct', { entryId: signed.id, entryDate: daysAgo(0), text: 'Kollegans rättelse' });
    await call(app.router, 'journal.sign', { id: correction.id });
    await colleague.switchBack();
    const journal = await call<JournalEntry[]>(app.router, 'journal.list', { caseId: caseDetail.id });
    expect(journal.map((e) => [e.text, e.author.name, e.signedBy?.name ?? null])).toEqual([
      ['Mitt utkast', 'Sara Handläggare', null],
      ['Min signerade', 'Sara Handläggare', 'Sara Handläggare'],
      ['Kollegans rättelse', 'Olle Kollega', 'Olle Kollega'],
    ]);
    // and my draft is still mine to delete
    await call(app.router, 'journal.deleteDraft', { id: mine.id });
    expect(await call<JournalEntry[]>(app.router, 'journal.list', { caseId: caseDetail.id })).toHaveLength(2);
  });

  it('a samordnare may sign a colleague\u2019s draft, and is recorded as the signer', async () => {
    // given a draft by a handläggare
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const colleague = await addSecondWorker(app);
    await colleague.switchTo();
    const theirs = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Kollegans utkast' });
    // when the samordnare (the first worker) signs it
    await colleague.switchBack();
    const signed = await call<JournalEntry>(app.router, 'journal.sign', { id: theirs.id });
    // then author and signer differ
    expect(signed).toMatchObject({ author: { name: 'Olle Kollega' }, signedBy: { name: 'Sara Handläggare' } });
  });
});

describe('journal: the database guards signed entries', () => {
  it('refuses an UPDATE of a signed row even through raw SQL', async () => {
    // given a signed entry
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const e = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Slutgiltig' });
    await call(app.router, 'journal.sign', { id: e.id });
    const db = app.core.requireSession().db;
    // when code bypasses the service, then the trigger aborts each change
    await expect(sql`UPDATE journal_entries SET text = 'ändrad' WHERE id = ${e.id}`.execute(db)).rejects.toThrow(/immutable/);
    await expect(db.updateTable('journal_entries').set({ status: 'draft', signed_at: null, signed_by: null }).where('id', '=', e.id).execute()).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER' });
    await expect(db.updateTable('journal_entries').set({ entry_date: '2000-01-01' }).where('id', '=', e.id).execute()).rejects.toThrow();
    const row = await db.selectFrom('journal_entries').select(['text', 'status', 'entry_date']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ text: 'Slutgiltig', status: 'signed', entry_date: daysAgo(0) });
  });

  it('turns the trigger\u2019s refusal into the Swedish conflict, should a write ever get past the checks', async () => {
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const e = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Slutgiltig' });
    await call(app.router, 'journal.sign', { id: e.id });
    const db = app.core.requireSession().db;
    const attempt = withSignedGuard(() => db.updateTable('journal_entries').set({ text: 'x' }).where('id', '=', e.id).execute());
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(withSignedGuard(() => db.updateTable('journal_entries').set({ text: 'x' }).where('id', '=', e.id).execute())).rejects.toThrow(SIGNED_MESSAGE);
    // other errors pass through unchanged
    await expect(withSignedGuard(() => Promise.reject(new Error('annat')))).rejects.toThrow('annat');
  });
});

describe('journal: full-text search', () => {
  async function seeded() {
    const app = await unlockedApp();
    const a = await newCase(app, 'Ankarsvärd');
    const b = await newCase(app, 'Bergström');
    const texts: [string, string][] = [
      [a.caseDetail.id, 'Klienten berättade att han slog henne i köket. Barnen hörde bråket.'],
      [a.caseDetail.id, 'Samtal om skyddat boende. Klienten är rädd.'],
      [b.caseDetail.id, 'Polisen ringde efter en anmälan om misshandel.'],
      [b.caseDetail.id, 'Ekonomiskt bistånd beviljat för hyran.'],
    ];
    const ids: string[] = [];
    for (const [caseId, text] of texts) ids.push((await call<JournalEntry>(app.router, 'journal.create', { caseId, entryDate: daysAgo(1), text })).id);
    return { app, a, b, ids };
  }
  const search = async (app: Awaited<ReturnType<typeof unlockedApp>>, query: string, limit?: number): Promise<JournalSearchHit[]> => {
    const result = await call<JournalSearchResult>(app.router, 'journal.search', limit ? { query, limit } : { query });
    expect(result.order).toBe('best_match');
    return result.hits;
  };

  it('finds a word regardless of case and diacritics, and by prefix, with the case number and a marked snippet', async () => {
    // given entries in two cases
    const { app, a, ids } = await seeded();
    // when searching without diacritics, in capitals, and by the start of a word
    const plain = await search(app, 'koket');
    const caps = await search(app, 'KÖKET');
    const prefix = await search(app, 'misshand');
    // then the entry is found, with its case and a snippet whose match is marked
    expect(plain.map((h) => h.entryId)).toEqual([ids[0]]);
    expect(caps.map((h) => h.entryId)).toEqual([ids[0]]);
    expect(plain[0]).toMatchObject({ caseId: a.caseDetail.id, caseNumber: a.caseDetail.caseNumber, entryDate: daysAgo(1), status: 'draft' });
    expect(plain[0]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['köket']);
    expect(plain[0]!.snippet.map((p) => p.text).join('')).toContain('slog henne i köket.');
    expect(prefix.map((h) => h.entryId)).toEqual([ids[2]]);
    expect(prefix[0]!.snippet.find((p) => p.match)?.text).toBe('misshandel');
  });

  it('requires every word and ranks the better match first', async () => {
    const { app, ids } = await seeded();
    expect((await search(app, 'klienten rädd')).map((h) => h.entryId)).toEqual([ids[1]]);
    expect((await search(app, 'klienten')).map((h) => h.entryId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await search(app, 'klienten polisen')).toEqual([]);
    expect(await search(app, 'klienten', 1)).toHaveLength(1);
  });

  it('treats hostile input as words: never throws, never matches everything', async () => {
    // given four entries
    const { app } = await seeded();
    const hostile = [
      '"',
      '""',
      '"köket',
      'köket"',
      '*',
      '* OR *',
      'NEAR(köket barnen)',
      'NEAR',
      'köket NEAR/2 barnen',
      '^köket',
      'text:köket',
      'text : boende',
      '{text}: köket',
      '-köket',
      '(',
      ')',
      '()',
      'köket OR polisen',
      'köket AND polisen',
      'NOT köket',
      'köket NOT barnen',
      'OR',
      'AND',
      "'; DROP TABLE journal_entries; --",
      'x" OR "a',
      '\\',
      '+',
      '.',
      '\u0000',
      'a'.repeat(200),
      '🙂',
      '\u0308',
      'k*',
    ];
    for (const q of hostile) {
      // when searched, then it answers (no throw) and never with all four
      const r = await app.router.invoke('journal.search', { query: q });
      expect(r.ok, q).toBe(true);
      if (r.ok) expect((r.value as JournalSearchResult).hits.length, q).toBeLessThan(4);
    }
    // and operators are only words: "köket OR polisen" needs both words, which no entry has
    expect(await search(app, 'köket OR polisen')).toEqual([]);
    // a column filter is only two words, and no entry has a word starting with "text"
    expect(await search(app, 'text:köket')).toEqual([]);
    // quotes and operators around a real word still find it
    expect((await search(app, '"köket')).length).toBe(1);
    expect((await search(app, '^köket*')).length).toBe(1);
    expect((await search(app, '(köket)')).length).toBe(1);
    // and the table is intact
    expect(await app.core.requireSession().db.selectFrom('journal_entries').select('id').execute()).toHaveLength(4);
  });

  it('builds the MATCH expression from words only', () => {
    expect(ftsMatchExpression('köket OR "slag*')).toBe('"köket"* "OR"* "slag"*');
    expect(ftsMatchExpression('text:x NEAR(a b)')).toBe('"text"* "x"* "NEAR"* "a"* "b"*');
    expect(ftsMatchExpression('  *^:()"\'  ')).toBeNull();
    expect(ftsMatchExpression('')).toBeNull();
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(searchWords('Köket köket KÖKET')).toEqual(['Köket']);
    expect(searchWords('o\u0308rat')).toEqual(['örat']);
  });

  it('finds a draft after its text changed, and no longer finds a deleted draft', async () => {
    const { app, ids } = await seeded();
    await call(app.router, 'journal.updateDraft', { id: ids[3], entryDate: daysAgo(1), text: 'Tolk bokad till nästa möte.' });
    expect(await search(app, 'hyran')).toEqual([]);
    expect((await search(app, 'tolk')).map((h) => h.entryId)).toEqual([ids[3]]);
    await call(app.router, 'journal.deleteDraft', { id: ids[3] });
    expect(await search(app, 'tolk')).toEqual([]);
  });
});

describe('journal: search with very many matches', () => {
  it('shows the newest first instead of ranking, and says so', async () => {
    // given more entries containing a word than are ranked by relevance
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const db = app.core.requireSession().db;
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${RANK_WINDOW + 4})
      INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
      SELECT 'bulk-' || i, ${caseDetail.id}, '2026-01-01', ${app.workerId}, 'Uppföljande samtal nummer ' || i, 'draft', NULL, NULL, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n`.execute(db);
    const newest = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Uppföljande samtal, det senaste' });
    // when searching for the common word
    const result = await call<JournalSearchResult>(app.router, 'journal.search', { query: 'samtal', limit: 5 });
    // then the newest written come first, and the order says so
    expect(result.order).toBe('newest');
    expect(result.hits.map((h) => h.entryId)).toEqual([newest.id, `bulk-${RANK_WINDOW + 4}`, `bulk-${RANK_WINDOW + 3}`, `bulk-${RANK_WINDOW + 2}`, `bulk-${RANK_WINDOW + 1}`]);
    expect(result.hits[0]!.snippet.find((p) => p.match)?.text).toBe('samtal');
    // and a rarer word among them is still ranked
    const rare = await call<JournalSearchResult>(app.router, 'journal.search', { query: 'senaste' });
    expect(rare).toMatchObject({ order: 'best_match', hits: [{ entryId: newest.id }] });
  });
});

describe('journal: the access log', () => {
  it('logs every read and write in the same transaction with ids only, and searches with a count only', async () => {
    // given a case
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const before = (await auditEvents(app)).length;
    // when the journal is written, read and searched
    const e = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Hemlig anteckningstext Zebrafink' });
    await call(app.router, 'journal.updateDraft', { id: e.id, entryDate: daysAgo(0), text: 'Hemlig anteckningstext Zebrafink igen' });
    await call(app.router, 'journal.sign', { id: e.id });
    const c = await call<JournalEntry>(app.router, 'journal.correct', { entryId: e.id, entryDate: daysAgo(0), text: 'Rättelse Zebrafink' });
    await call(app.router, 'journal.deleteDraft', { id: c.id });
    await call(app.router, 'journal.list', { caseId: caseDetail.id });
    await call(app.router, 'journal.search', { query: 'zebrafink' });
    // then each left an event, with no text in it
    const events = (await auditEvents(app)).slice(before);
    expect(events.map((x) => x.action)).toEqual(['journal.create', 'journal.update', 'journal.sign', 'journal.correct', 'journal.delete_draft', 'journal.read', 'journal.search']);
    expect(events.find((x) => x.action === 'journal.read')).toMatchObject({ entity_type: 'case', entity_id: caseDetail.id });
    expect(events.find((x) => x.action === 'journal.sign')).toMatchObject({ entity_type: 'journal_entry', entity_id: e.id, worker_id: app.workerId });
    expect(JSON.parse(events.at(-1)!.detail!)).toEqual({ results: 1 });
    for (const x of events) expect(`${x.detail}`.toLowerCase()).not.toMatch(/zebrafink|hemlig|rättelse/);
  });

  it('writes no event when a write is refused', async () => {
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const e = await call<JournalEntry>(app.router, 'journal.create', { caseId: caseDetail.id, entryDate: daysAgo(0), text: 'Text' });
    await call(app.router, 'journal.sign', { id: e.id });
    const before = (await auditEvents(app)).length;
    await refused(app, 'journal.updateDraft', { id: e.id, entryDate: daysAgo(0), text: 'Ny' });
    await refused(app, 'journal.deleteDraft', { id: e.id });
    expect((await auditEvents(app)).length).toBe(before);
  });
});
