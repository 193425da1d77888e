import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { call, unlockedApp } from '../../support/temp.js';
import { generateCases, rng, writeCases, type GeneratedCase } from '../../support/statistics-data.js';
import type { Dashboard, ExportFile, ExportPreview } from '../../../src-main/features/statistics/contract.js';
import type { OutcomeRow } from '../../../src-main/features/statistics/figures/outcomes.js';

const TODAY = '2026-11-23';
const PERIOD = { from: '2025-01', to: '2025-12' };
type Stopped = 'yes' | 'partly' | 'no' | 'unknown';

/** One generated follow-up pair, as the test knows it. */
interface Followed {
  g: GeneratedCase;
  intake: { safety: number | null; wellBeing: number | null; stopped: Stopped };
  closing: { safety: number | null; wellBeing: number | null; stopped: Stopped; help: number | null } | null;
  comment: string;
}

/** Writes the cases, then intake follow-ups for most and closing ones for most of the closed cases; some ratings declined. */
async function given(seed: number, n: number, years = [2025]) {
  const app = await unlockedApp();
  const cases = generateCases(seed, n, years);
  await writeCases(app, cases, TODAY);
  const r = rng(seed + 1);
  const rating = () => (r.chance(0.12) ? null : r.int(1, 5));
  const stopped = () => r.pick(['yes', 'partly', 'no', 'unknown'] as const);
  const db = app.core.requireSession().db;
  const followed: Followed[] = [];
  for (const [i, g] of cases.entries()) {
    if (r.chance(0.15)) continue;
    const row = await db.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.main_person_id').select(['c.id', 'c.main_person_id']).where('p.first_name', '=', g.firstName).executeTakeFirstOrThrow();
    const f: Followed = { g, intake: { safety: rating(), wellBeing: rating(), stopped: stopped() }, closing: null, comment: `kommentarord${i}q` };
    await call(app.router, 'outcomes.save', { caseId: row.id, personId: row.main_person_id, phase: 'intake', followedUpOn: g.intakeDate, safety: f.intake.safety, wellBeing: f.intake.wellBeing, violenceStopped: f.intake.stopped, comment: f.comment });
    if (g.closed && g.closed.date <= TODAY && r.chance(0.85)) {
      f.closing = { safety: rating(), wellBeing: rating(), stopped: stopped(), help: rating() };
      await call(app.router, 'outcomes.save', { caseId: row.id, personId: row.main_person_id, phase: 'closing', followedUpOn: g.closed.date, safety: f.closing.safety, wellBeing: f.closing.wellBeing, violenceStopped: f.closing.stopped, helpRating: f.closing.help, comment: `${f.comment} avslut` });
    }
    followed.push(f);
  }
  return { app, cases, followed };
}

/** The outcome figures computed here in plain JavaScript from what the test wrote — not from the feature's counts. */
function expected(followed: Followed[], from: string, to: string) {
  const pairs = followed.filter((f) => f.closing && f.g.closed && f.g.closed.date.slice(0, 7) >= from && f.g.closed.date.slice(0, 7) <= to);
  const groups = new Map<string, Followed[]>();
  const put = (k: string, f: Followed) => groups.set(k, [...(groups.get(k) ?? []), f]);
  for (const f of pairs) {
    put('all', f);
    const types = [...new Set(f.g.services.filter((s) => s.startDate <= TODAY).map((s) => s.type))];
    if (types.length === 0) put('none', f);
    for (const t of types) put(t, f);
  }
  const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
  const change = (fs: Followed[], k: 'safety' | 'wellBeing') => fs.filter((f) => f.intake[k] !== null && f.closing![k] !== null).map((f) => f.closing![k]! - f.intake[k]!);
  return new Map(
    [...groups].map(([k, fs]) => [
      k,
      {
        pairs: fs.length,
        safety: mean(change(fs, 'safety')),
        safetyN: change(fs, 'safety').length,
        wellBeing: mean(change(fs, 'wellBeing')),
        stoppedIn: fs.filter((f) => f.intake.stopped === 'yes').length,
        stoppedOut: fs.filter((f) => f.closing!.stopped === 'yes').length,
        help: mean(fs.filter((f) => f.closing!.help !== null).map((f) => f.closing!.help!)),
      },
    ]),
  );
}

const asExpected = (r: OutcomeRow) => ({ pairs: r.pairs, safety: r.safetyChange.mean, safetyN: r.safetyChange.answered, wellBeing: r.wellBeingChange.mean, stoppedIn: r.stoppedAtIntake.yes, stoppedOut: r.stoppedAtClosing.yes, help: r.help.mean });

describe('statistics: the outcome follow-up', () => {
  it('pairs the intake and closing follow-ups of cases closed in the period and gives the same figures by service as an independent count', async () => {
    // given 60 generated cases of 2025 with follow-ups, some ratings declined
    const { app, followed } = await given(21, 60);
    // when the dashboard for 2025 is read
    const d = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    // then every row and the total match the count made here
    const e = expected(followed, '2025-01', '2025-12');
    expect(e.get('all')!.pairs).toBeGreaterThan(8);
    expect(asExpected(d.outcomes.total)).toEqual(e.get('all'));
    expect(new Map(d.outcomes.rows.map((r) => [r.code, asExpected(r)]))).toEqual(new Map([...e].filter(([k]) => k !== 'all')));
    // and a case with two services counts in both rows, but once in the total
    expect(d.outcomes.rows.reduce((a, r) => a + r.pairs, 0)).toBeGreaterThanOrEqual(d.outcomes.total.pairs);
    const labels: Record<string, string> = { support_talks: 'Stödsamtal', protected_housing: 'Skyddat boende', children_talks: 'Samtal för barn (t.ex. Trappan)', financial_aid: 'Ekonomiskt bistånd' };
    for (const r of d.outcomes.rows) expect(r.label).toBe(r.code === 'none' ? null : labels[r.code]);

    // when a closing follow-up changes, the kept month is counted again
    const one = followed.find((f) => f.closing && f.g.closed!.date.startsWith('2025'))!;
    const db = app.core.requireSession().db;
    const c = await db.selectFrom('cases as c').innerJoin('persons as p', 'p.id', 'c.main_person_id').select(['c.id', 'c.main_person_id']).where('p.first_name', '=', one.g.firstName).executeTakeFirstOrThrow();
    one.closing = { ...one.closing!, safety: 5, help: 1 };
    await call(app.router, 'outcomes.save', { caseId: c.id, personId: c.main_person_id, phase: 'closing', followedUpOn: one.g.closed!.date, safety: 5, wellBeing: one.closing.wellBeing, violenceStopped: one.closing.stopped, helpRating: 1 });
    const again = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    expect(asExpected(again.outcomes.total)).toEqual(expected(followed, '2025-01', '2025-12').get('all'));
  });

  it('sets the total of the same period a year earlier beside the period, for a year and for months chosen freely', async () => {
    // given generated cases of 2024 and 2025 with follow-ups
    const { app, followed } = await given(8, 90, [2024, 2025]);
    for (const [period, previous] of [
      [PERIOD, { from: '2024-01', to: '2024-12' }],
      [{ from: '2025-03', to: '2025-08' }, { from: '2024-03', to: '2024-08' }],
    ] as const) {
      // when the dashboard is read
      const d = await call<Dashboard>(app.router, 'statistics.dashboard', period);
      // then the year-earlier total is the count made here of the pairs closed in that period, and the period's own is unchanged
      const before = expected(followed, previous.from, previous.to).get('all');
      expect(before?.pairs ?? 0, `${period.from}`).toBeGreaterThan(2);
      expect(asExpected(d.outcomes.previousTotal)).toEqual(before);
      expect(asExpected(d.outcomes.total)).toEqual(expected(followed, period.from, period.to).get('all'));
      expect(d.outcomes.previousTotal.code).toBe('all');
    }
    // and the export closes its outcome table with that total, its figures shown where enough people are behind them (threshold 5)
    const d = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    const p = d.outcomes.previousTotal;
    expect(p.pairs).toBeGreaterThanOrEqual(5);
    const preview = await call<ExportPreview>(app.router, 'statistics.exportPreview', PERIOD);
    const row = preview.rows.find((r) => r[0] === 'Samma period året innan, alla uppföljda')!;
    const decimal = (m: number) => `${m < 0 ? '\u2212' : ''}${Math.abs(m).toFixed(1).replace('.', ',')}`;
    expect(row.slice(0, 3)).toEqual(['Samma period året innan, alla uppföljda', p.pairs, p.safetyChange.answered >= 5 ? decimal(p.safetyChange.mean!) : '..']);
  });

  it('exports the outcome table with suppression: a row under the threshold shows no figure at all; no comment leaves the unit', async () => {
    const { app, followed } = await given(5, 45);
    await call(app.router, 'statistics.updateSettings', { suppressionThreshold: 3 });
    const d = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    const preview = await call<ExportPreview>(app.router, 'statistics.exportPreview', PERIOD);
    const at = preview.rows.findIndex((r) => String(r[0]).startsWith('Utfall:'));
    expect(at).toBeGreaterThan(0);
    const body = preview.rows.slice(at + 2, at + 3 + d.outcomes.rows.length);
    // a row per service (and the total), in the dashboard's order
    expect(body.map((r) => r[0])).toEqual([...d.outcomes.rows.map((r) => (r.code === 'none' ? 'Utan insats' : r.label)), 'Alla uppföljda (varje person en gång)']);
    const rows = [...d.outcomes.rows, d.outcomes.total];
    let small = 0;
    body.forEach((cells, i) => {
      const r = rows[i]!;
      if (r.pairs < 3) {
        small++;
        // a mean of one or two people is not anonymous: none is shown
        expect(cells.slice(1)).toEqual(['<3', '..', '..', '..', '..', '..']);
      } else if (typeof cells[1] === 'number') {
        expect(cells[1]).toBe(r.pairs);
        const mean = cells[2];
        if (r.safetyChange.answered >= 3 && mean !== '..') expect(mean).toBe(`${r.safetyChange.mean! < 0 ? '\u2212' : ''}${Math.abs(r.safetyChange.mean!).toFixed(1).replace('.', ',')}`);
        if (r.safetyChange.answered < 3) expect(mean === '..' || mean === '–').toBe(true);
      } else {
        expect(cells.slice(2)).toEqual(['..', '..', '..', '..', '..']);
      }
    });
    expect(small).toBeGreaterThan(0);
    // and the same period a year earlier, with no cases, closes the table
    expect(preview.rows[at + 3 + d.outcomes.rows.length]).toEqual(['Samma period året innan, alla uppföljda', 0, '–', '–', '–', '–', '–']);
    // as the quality table's median of a year with no cases: a figure that does not exist is a dash, not an empty cell
    expect(preview.rows.find((r) => String(r[0]).startsWith('Mediantid'))![2]).toBe('–');
    // and the files hold the same cells, and none of the comments, names or dates
    const csv = Buffer.from((await call<ExportFile>(app.router, 'statistics.export', { period: PERIOD, format: 'csv' })).base64, 'base64');
    const parsed = Papa.parse<string[]>(csv.subarray(3).toString('utf8'), { delimiter: ';' }).data;
    expect(parsed.find((r) => r[0]?.startsWith('Utfall:'))).toBeTruthy();
    const xlsxFile = await call<ExportFile>(app.router, 'statistics.export', { period: PERIOD, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsxFile.base64, 'base64') as unknown as ArrayBuffer);
    const cellsText: string[] = [];
    wb.getWorksheet('Statistik')!.eachRow((row) => row.eachCell((c) => cellsText.push(String(c.value))));
    const all = `${csv.toString('utf8')}\n${cellsText.join('\n')}\n${JSON.stringify(preview)}`;
    for (const f of followed) for (const secret of [f.comment, 'kommentarord', f.g.firstName, f.g.lastName, f.g.intakeDate]) expect(all.includes(secret), secret).toBe(false);
  });
});
