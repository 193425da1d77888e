import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { call, unlockedApp } from '../../support/temp.js';
import { auditEvents, refused } from '../../support/casework.js';
import { generateCases, writeCases, type GeneratedCase } from '../../support/statistics-data.js';
import type { Dashboard, ExportFile, ExportPreview, StatisticsSettings } from '../../../src-main/features/statistics/contract.js';
import { freezeStatisticsThrough } from '../../../src-main/features/statistics/month-store.js';

const TODAY = '2026-11-23';
const PERIOD = { from: '2025-01', to: '2025-06' };
const inPeriod = (date: string, from: string, to: string) => date.slice(0, 7) >= from && date.slice(0, 7) <= to;

/** The figures computed here from the generated cases, in plain JavaScript — not with the feature's SQL. */
function expected(cases: GeneratedCase[], from: string, to: string) {
  const opened = cases.filter((c) => inPeriod(c.intakeDate, from, to));
  const count = <T extends string>(xs: T[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const band = (c: GeneratedCase) => {
    const age = Number(c.intakeDate.slice(0, 4)) - c.birthYear;
    return age <= 11 ? '0-11' : age <= 17 ? '12-17' : age <= 24 ? '18-24' : age <= 44 ? '25-44' : age <= 64 ? '45-64' : '65+';
  };
  const days = opened.filter((c) => c.firstContactDays !== null).map((c) => c.firstContactDays!).sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  const children = opened.flatMap((c) => c.children);
  const decisions = cases.flatMap((c) => [...c.decisions.filter((d) => d.date <= TODAY).map((d) => ({ outcome: d.outcome, date: d.date })), ...c.children.filter((k) => k.ownDecision).map(() => ({ outcome: 'granted' as const, date: c.intakeDate }))]);
  const closed = cases.filter((c) => c.closed && c.closed.date <= TODAY && inPeriod(c.closed.date, from, to));
  return {
    opened: opened.length,
    withService: opened.filter((c) => c.services.some((s) => s.startDate <= TODAY)).length,
    goalMet: closed.filter((c) => c.closed!.reason === 'goal_met').length,
    source: count(opened.map((c) => c.source)),
    gender: count(opened.map((c) => c.gender)),
    age: count(opened.map(band)),
    relation: count(opened.map((c) => c.relation ?? 'unknown')),
    violence: count(opened.flatMap((c) => c.violence)),
    children: count(children.map((k) => k.exposure)),
    childrenOwn: children.filter((k) => k.ownDecision).length,
    childrenAll: children.length,
    services: count(cases.flatMap((c) => c.services.filter((s) => s.startDate <= TODAY && inPeriod(s.startDate, from, to)).map((s) => s.type))),
    decisions: count(decisions.filter((d) => inPeriod(d.date, from, to)).map((d) => d.outcome)),
    closing: count(closed.map((c) => c.closed!.reason)),
    median,
  };
}

function asMap(d: Dashboard, id: string, which: 'current' | 'previous') {
  const b = d.breakdowns.find((x) => x.id === id)!;
  return new Map(b.categories.filter((c) => c[which] > 0).map((c) => [c.code, c[which]]));
}

async function given(n = 70, seed = 8) {
  const app = await unlockedApp();
  const cases = generateCases(seed, n, [2024, 2025]);
  await writeCases(app, cases, TODAY);
  return { app, cases };
}

describe('statistics', () => {
  it('gives the same figures as an independent count of the generated cases, for the period and the same months a year earlier', async () => {
    // given 70 generated cases over two years
    const { app, cases } = await given();
    await call(app.router, 'statistics.updateSettings', { adultPopulation: 40_000 });
    // when the dashboard for the first half of 2025 is read
    const d = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    // then every figure matches the count made here
    expect(d.comparison).toEqual({ from: '2024-01', to: '2024-06' });
    for (const [which, from, to] of [['current', '2025-01', '2025-06'], ['previous', '2024-01', '2024-06']] as const) {
      const e = expected(cases, from, to);
      const kf = Object.fromEntries(d.keyFigures.map((k) => [k.id, k]));
      expect(kf.cases_opened![which]).toBe(e.opened);
      expect(kf.cases_with_service![which]).toBe(e.withService);
      expect(kf.closed_goal_met![which]).toBe(e.goalMet);
      expect(kf.cases_opened![which === 'current' ? 'currentPer10k' : 'previousPer10k']).toBeCloseTo((e.opened / 40_000) * 10_000, 1);
      expect(asMap(d, 'source', which)).toEqual(e.source);
      expect(asMap(d, 'gender', which)).toEqual(e.gender);
      expect(asMap(d, 'age_band', which)).toEqual(e.age);
      expect(asMap(d, 'relation', which)).toEqual(e.relation);
      expect(asMap(d, 'violence_type', which)).toEqual(e.violence);
      expect(asMap(d, 'children', which)).toEqual(e.children);
      expect(asMap(d, 'services', which)).toEqual(e.services);
      expect(asMap(d, 'decisions', which)).toEqual(e.decisions);
      expect(asMap(d, 'closing_reason', which)).toEqual(e.closing);
      const own = d.quality.childrenWithOwnDecision;
      expect(which === 'current' ? [own.current, own.currentOf] : [own.previous, own.previousOf]).toEqual([e.childrenOwn, e.childrenAll]);
      expect(d.quality.medianDaysToFirstContact[which]).toBe(e.median);
    }
    // and new cases per month of 2025 against 2024
    for (const { month, current, previous } of d.monthly.months) {
      const m = String(month).padStart(2, '0');
      expect(current).toBe(cases.filter((c) => c.intakeDate.startsWith(`2025-${m}`)).length);
      expect(previous).toBe(cases.filter((c) => c.intakeDate.startsWith(`2024-${m}`)).length);
    }
  });

  it('exports CSV for Swedish Excel and XLSX with the preview’s cells, no names, numbers or note words, small counts suppressed; the export is logged', async () => {
    const { app, cases } = await given(40, 3);
    const preview = await call<ExportPreview>(app.router, 'statistics.exportPreview', PERIOD);
    const csv = await call<ExportFile>(app.router, 'statistics.export', { period: PERIOD, format: 'csv' });
    const xlsx = await call<ExportFile>(app.router, 'statistics.export', { period: PERIOD, format: 'xlsx' });
    // then the CSV has a BOM, semicolons, and parses back to exactly the preview's cells
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { delimiter: ';', skipEmptyLines: false }).data.slice(0, -1);
    const asText = (r: (string | number)[]) => r.map((c) => (typeof c === 'number' ? String(c).replace('.', ',') : c));
    expect(parsed).toEqual(preview.rows.map((r) => (r.length === 0 ? [''] : asText(r))));
    expect(csv.preview.rows).toEqual(preview.rows);
    // and the XLSX holds the same cells, numbers as numbers
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Statistik')!;
    preview.rows.forEach((r, i) => r.forEach((c, j) => expect(ws.getRow(i + 1).getCell(j + 1).value ?? '').toEqual(c)));
    // and no cell shows a count under the threshold
    for (const r of preview.rows) for (const c of r.slice(1)) if (typeof c === 'number' && Number.isInteger(c)) expect(c === 0 || c >= 5).toBe(true);
    expect(preview.rows.flat()).toContain('<5');
    // and none of the store's names, numbers or note words are in either file
    const xml = unzipText(Buffer.from(xlsx.base64, 'base64'));
    expect(xml).toContain('Nya ärenden per månad');
    for (const g of cases) for (const secret of [g.firstName, g.lastName, g.noteWord, g.intakeDate]) for (const h of [bytes.toString('utf8'), xml]) expect(h.includes(secret)).toBe(false);
    // and the export is an audit event with who, when and which period
    const events = (await auditEvents(app)).filter((e) => e.action === 'statistics.export');
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[0]!.detail!)).toMatchObject({ from: '2025-01', to: '2025-06', format: 'csv', threshold: 5 });
    expect(events[0]!.worker_id).toBe(app.workerId);
  });

  it('keeps monthly counts current through every change, and frozen months survive the deletion of their cases (retention)', async () => {
    // given a dashboard read once (its months are now kept)
    const { app, cases } = await given(30, 11);
    const before = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    const opened = (d: Dashboard) => d.keyFigures.find((k) => k.id === 'cases_opened')!.current;
    expect(opened(before)).toBe(expected(cases, '2025-01', '2025-06').opened);
    // when a case is added in the period, a service started in it and the case closed with the goal met
    const extra = generateCases(99, 1, [2025]).map((c) => ({ ...c, intakeDate: '2025-03-10', services: [{ type: 'support_talks', startDate: '2025-03-12' }], closed: { date: '2025-05-02', reason: 'goal_met' as const }, decisions: [] }));
    await writeCases(app, extra, TODAY);
    const after = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    // then the kept months were counted again
    const e = expected([...cases, ...extra], '2025-01', '2025-06');
    expect(opened(after)).toBe(e.opened);
    expect(after.keyFigures.find((k) => k.id === 'cases_with_service')!.current).toBe(e.withService);
    expect(after.keyFigures.find((k) => k.id === 'closed_goal_met')!.current).toBe(e.goalMet);
    expect(asMap(after, 'services', 'current')).toEqual(e.services);
    // and a changed gender moves the case between categories
    const session = app.core.requireSession();
    const main = await session.db.selectFrom('cases').select('main_person_id').where('intake_date', '=', '2025-03-10').executeTakeFirstOrThrow();
    await call(app.router, 'persons.update', { id: main.main_person_id, firstName: 'Ny', lastName: 'Persson', identity: { kind: 'none', birthYear: 1980 }, gender: 'annat', protectionLevel: 'none' });
    const regendered = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    expect(asMap(regendered, 'gender', 'current').get('annat') ?? 0).toBe((e.gender.get('annat') ?? 0) + (extra[0]!.gender === 'annat' ? 0 : 1));
    // when retention freezes the months and deletes every case that came in during 2025
    await session.db.transaction().execute((trx) => freezeStatisticsThrough(trx, '2025-12'));
    await session.db.transaction().execute(async (trx) => {
      const ids = (await trx.selectFrom('cases').select('id').where('intake_date', '>=', '2025-01-01').where('intake_date', '<', '2026-01-01').execute()).map((r) => r.id);
      await trx.deleteFrom('journal_entries').where('case_id', 'in', ids).execute();
      await trx.deleteFrom('cases').where('id', 'in', ids).execute();
    });
    // then last year's figures are unchanged
    const kept = await call<Dashboard>(app.router, 'statistics.dashboard', PERIOD);
    expect(kept.keyFigures).toEqual(regendered.keyFigures);
    expect(kept.breakdowns).toEqual(regendered.breakdowns);
    expect(await session.db.selectFrom('cases').select('id').where('intake_date', '>=', '2025-01-01').where('intake_date', '<', '2026-01-01').execute()).toEqual([]);
  });

  it('neutralises formula-like text from the unit’s own service labels', async () => {
    const { app } = await given(12, 5);
    await call(app.router, 'services.saveType', { code: 'support_talks', label: '=HYPERLINK("http://x","y")', active: true });
    const preview = await call<ExportPreview>(app.router, 'statistics.exportPreview', PERIOD);
    const texts = preview.rows.flat().filter((c): c is string => typeof c === 'string');
    expect(texts).toContain(`'=HYPERLINK("http://x","y")`);
    for (const t of texts) expect(/^[=+\-@\t\r]/.test(t)).toBe(false);
  });

  it('keeps the threshold at 3 or more, refuses a backwards period in Swedish, and lets only a samordnare change settings', async () => {
    const app = await unlockedApp();
    const low = await refused(app, 'statistics.updateSettings', { suppressionThreshold: 2 });
    expect(low.message + JSON.stringify(low.details)).toContain('lägre än 3');
    const back = await refused(app, 'statistics.dashboard', { from: '2025-06', to: '2025-01' });
    expect(JSON.stringify(back)).toContain('Periodens början ligger efter dess slut.');
    const s = await call<StatisticsSettings>(app.router, 'statistics.updateSettings', { suppressionThreshold: 7 });
    expect(s).toEqual({ suppressionThreshold: 7, adultPopulation: null, riskAssessmentDays: 14 });
    const preview = await call<ExportPreview>(app.router, 'statistics.exportPreview', PERIOD);
    expect(preview.threshold).toBe(7);
  });
});

/** The text of every file inside an XLSX (a zip of XML parts), read with the zip's own headers and zlib, to search for secrets. */
function unzipText(buf: Buffer): string {
  const parts: string[] = [];
  for (let at = 0; buf.readUInt32LE(at) === 0x04034b50; ) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const start = at + 30 + nameLen + extraLen;
    if (buf.readUInt16LE(at + 6) & 0x08) throw new Error('zip with data descriptors: sizes not in the local header');
    const data = buf.subarray(start, start + size);
    parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at = start + size;
  }
  if (parts.length === 0) throw new Error('not a zip');
  return parts.join('\n');
}
