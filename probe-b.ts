import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openSqlite, createKysely } from './src-main/db/connection.js';
import { journalMatchExpression } from './src-main/features/journal/terms.js';
const sqlite = openSqlite('/tmp/fts-store/plain.db', null, { plaintext: true, readonly: true });
const db = createKysely(sqlite);
const w = JSON.parse(readFileSync('/tmp/fts-store/workload.json', 'utf8')) as Record<string, string[]>;
function p(a: number[], q: number) { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; }
const E: number[] = [], F: number[] = [], R: number[] = [], G: number[] = [];
const rows: [number, number, number, number, number, string][] = [];
for (let rep = 0; rep < 2; rep++) for (const q of w.ftsPairs!) {
  let t = performance.now();
  const m = (await journalMatchExpression(db, q))!;
  const e = performance.now() - t; t = performance.now();
  const first = await sql<{ rowid: number; n: number }>`WITH m AS MATERIALIZED (SELECT rowid FROM journal_fts WHERE journal_fts MATCH ${m} ORDER BY rowid DESC LIMIT 1000) SELECT rowid, (SELECT count(*) FROM m) AS n FROM m ORDER BY rowid DESC LIMIT 25`.execute(db);
  const f = performance.now() - t; t = performance.now();
  const n = first.rows[0]?.n ?? 0;
  let page = first.rows.map((r) => r.rowid);
  if (n > 1 && n < 1000) page = (await sql<{ rowid: number }>`SELECT rowid FROM journal_fts WHERE journal_fts MATCH ${m} ORDER BY rank LIMIT 25`.execute(db)).rows.map((r) => r.rowid);
  const r = performance.now() - t; t = performance.now();
  await db.selectFrom('journal_entries as j').innerJoin('cases as c', 'c.id', 'j.case_id').select(['j.seq', 'j.text', 'c.case_number']).where('j.seq', 'in', page.length ? page : [0]).execute();
  const g = performance.now() - t;
  if (rep === 1) { E.push(e); F.push(f); R.push(r); G.push(g); rows.push([e + f + r + g, e, f, r, n, m]); }
}
console.log('expand', p(E, .5).toFixed(2), p(E, .95).toFixed(2), 'first', p(F, .5).toFixed(2), p(F, .95).toFixed(2), 'rank', p(R, .5).toFixed(2), p(R, .95).toFixed(2), 'get', p(G, .5).toFixed(2), p(G, .95).toFixed(2));
rows.sort((a, b) => b[0] - a[0]);
for (const r of rows.slice(0, 12)) console.log(r.slice(0, 4).map((x) => (x as number).toFixed(1)).join(' '), r[4], (r[5] as string).slice(0, 120));
