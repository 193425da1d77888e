/**
 * The benchmark's queries, drawn from the data: built in the store-building
 * child (on the plain copy, which holds exactly the vault's rows) and handed
 * to the measuring process as JSON, so that drawing them — full result lists
 * sorted in memory, thousands of tries — does not weigh on the measured
 * process's memory.
 */
import type { SqliteHandle } from '../../src-main/db/connection.js';
import { Rng } from '../../src-main/demo/prng.js';
import { foldForSearch } from '../../src-main/domain/search-text.js';
import { CASE_STATUSES, INTAKE_SOURCES, VIOLENCE_TYPES } from '../../src-main/domain/vocabulary.js';

export interface Cursor {
  intakeDate: string;
  id: string;
}

export type ListInput = Record<string, unknown> & { after?: Cursor };

export interface Workload {
  nameTyping: string[];
  nameTwoWords: string[];
  nameFixed: string[];
  numberFull: string[];
  numberPartial: string[];
  casePage2: Cursor;
  caseDeepCursors: Cursor[];
  caseIds: string[];
  personIds: string[];
  /** Full-text searches: a fixed list of what a worker looks for, content words from the notes, the same as typed (prefixes), and word pairs. */
  ftsFixed: string[];
  ftsWords: string[];
  ftsPrefixes: string[];
  ftsPairs: string[];
  /** Case-list filters: for each, first pages and pages deep into its result. */
  lists: { key: string; label: string; first: ListInput[]; deep: ListInput[] }[];
}

/** Searches a worker might type, with Swedish letters and folded forms (folding must find "Östlåtsas…" from "ostl"). */
const FIXED_NAME_QUERIES = ['ostl', 'Östl', 'östlåtsas', 'asa', 'åsa', 'Åsa Ö', 'göran', 'gora', 'pahitt', 'påhittsson', 'exempelb', 'testd', 'anna-karin', 'björn ö', 'linnea', 'märta', 'marta', 'zzz', 'qwerty', 'mohammed test'];

/** What a worker looks for in the journal: facts, places, agencies, names (also folded), as words and phrases. */
const FIXED_FTS_QUERIES = [
  'kontaktförbud', 'stryptag', 'barnahus', 'skyddat boende', 'tolk arabiska', 'polisanmälan', 'hyresvärden', 'Kronofogden', 'förskolan', 'BUP',
  'Trappan', 'kvinnojouren', 'FREDA', 'Patriark', 'målsägandebiträde', 'huvudförhandling', 'umgänge', 'vårdnadstvist', 'säkerhetsplanen', 'trygghetslarm',
  'skyddad folkbokföring', 'försörjningsstöd', 'migrän', 'Islandsmodellen', 'orosanmälan', 'Alternativ till våld', 'hedersrelaterat', 'GPS-sändare', 'sociala medier', 'Åsa',
  'asa', 'Märta skolan', 'marta', 'Göran', 'Påhittköping', 'Exempelstad', 'överträdelse kontaktförbud', 'tingsrätten', 'barnfridsbrott', 'SIP',
];

/** Words no one searches a journal for (with five letters or more; shorter words are not drawn). */
const NOT_SEARCHED = new Set(['berättar', 'klienten', 'handläggaren', 'enligt', 'mellan', 'sedan', 'eftersom', 'också', 'därför', 'kommer', 'skulle', 'själv', 'andra', 'några', 'flera', 'alltid', 'fortfarande', 'tillsammans', 'samma', 'efter', 'under', 'innan', 'genom', 'utan', 'varje', 'vilket', 'hennes', 'honom', 'henne', 'finns', 'detta', 'denna', 'dessa', 'vilka', 'vidare', 'inför']);

interface PersonRow {
  id: string;
  first_name: string;
  last_name: string;
  number_kind: string;
  personal_number: string | null;
}

/**
 * Realistic queries drawn from the data. Search runs as the worker types,
 * so the main name mix is every keystroke of "first last" or "last first"
 * for people who are there; a second mix is finished two-word queries.
 */
export function buildWorkload(sqlite: SqliteHandle, seed: number): Workload {
  const rng = new Rng(seed ^ 0x5eed);
  const maxRowid = (sqlite.prepare('SELECT max(rowid) AS n FROM persons').get() as { n: number }).n;
  const byRowid = sqlite.prepare('SELECT id, first_name, last_name, number_kind, personal_number FROM persons WHERE rowid = ?');
  const randomPerson = (): PersonRow => {
    for (;;) {
      const row = byRowid.get(rng.int(1, maxRowid)) as PersonRow | undefined;
      if (row) return row;
    }
  };
  const typed = (s: string) => (rng.chance(0.5) ? foldForSearch(s) : s.toLowerCase());
  const prefix = (s: string, min: number, max: number) => s.slice(0, rng.int(Math.min(min, s.length), Math.min(max, s.length)));

  const nameTyping: string[] = [];
  while (nameTyping.length < 1500) {
    const p = randomPerson();
    const first = typed(p.first_name);
    const last = typed(p.last_name);
    const x = rng.next();
    const full = x < 0.6 ? `${first} ${last}` : x < 0.85 ? `${last} ${first}` : last;
    for (let k = 1; k <= full.length; k++) nameTyping.push(full.slice(0, k));
  }
  const nameTwoWords: string[] = [];
  for (let i = 0; i < 400; i++) {
    const p = randomPerson();
    const first = p.first_name.split(/[\s-]/)[0]!;
    const last = p.last_name;
    const c = i % 3;
    nameTwoWords.push(c === 0 ? `${typed(first)} ${typed(prefix(last, 1, 4))}` : c === 1 ? `${typed(first)} ${typed(last)}` : `${typed(prefix(last, 4, 10))} ${typed(prefix(first, 1, 3))}`);
  }

  const numberFull: string[] = [];
  const numberPartial: string[] = [];
  while (numberFull.length < 300) {
    const p = randomPerson();
    if (p.number_kind !== 'personnummer' && p.number_kind !== 'samordningsnummer') continue;
    const n = p.personal_number!; // YYYYMMDD-NNNC
    const i = numberFull.length;
    numberFull.push([n, n.slice(2), n.replace('-', '')][i % 3]!);
    numberPartial.push([n.slice(0, 8), n.slice(2, 8), n.slice(0, 6), n.slice(0, 4), `${n.slice(0, 8)}-${n.slice(9, 11)}`][i % 5]!);
  }

  const order = sqlite.prepare('SELECT intake_date AS intakeDate, id FROM cases ORDER BY intake_date DESC, id DESC').all() as Cursor[];
  const lo = Math.min(50, order.length - 1);
  const caseDeepCursors = Array.from({ length: 300 }, () => order[rng.int(lo, Math.max(lo, order.length - 60))]!);

  // Full text: content words of random notes (so common topics come up as often as they are written about), as typed and in pairs.
  const maxSeq = (sqlite.prepare('SELECT max(seq) AS n FROM journal_entries').get() as { n: number | null }).n ?? 0;
  const noteBySeq = sqlite.prepare('SELECT text FROM journal_entries WHERE seq = ?');
  const contentWords = (): string[] => {
    for (;;) {
      const row = noteBySeq.get(rng.int(1, Math.max(1, maxSeq))) as { text: string } | undefined;
      if (!row) continue;
      const words = [...new Set((row.text.match(/\p{L}{5,}/gu) ?? []).filter((w) => !NOT_SEARCHED.has(w.toLowerCase())))];
      if (words.length >= 2) return words;
    }
  };
  const ftsWords: string[] = [];
  const ftsPrefixes: string[] = [];
  const ftsPairs: string[] = [];
  while (ftsWords.length < 300) {
    const words = contentWords();
    const w = rng.pick(words);
    ftsWords.push(typed(w));
    // Typing it: every keystroke from the third letter until one before the end.
    const t = typed(w);
    for (let k = 3; k < Math.min(t.length, 7); k++) ftsPrefixes.push(t.slice(0, k));
    let v = rng.pick(words);
    for (let k = 0; k < 5 && v === w; k++) v = rng.pick(words);
    if (v !== w) ftsPairs.push(`${typed(w)} ${typed(v)}`);
  }

  // Case-list filters. Each input's deep page starts after a row picked at random depth in that filter's own result.
  const workers = (sqlite.prepare('SELECT id FROM workers').all() as { id: string }[]).map((r) => r.id);
  const years = order.length > 0 ? [Number(order.at(-1)!.intakeDate.slice(0, 4)), Number(order[0]!.intakeDate.slice(0, 4))] : [2020, 2020];
  const day = (y: number, dayOfYear: number) => new Date(Date.UTC(y, 0, 1) + dayOfYear * 86_400_000).toISOString().slice(0, 10);
  const period = (): { from: string; to: string } => {
    const y = rng.int(years[0]!, years[1]!);
    const start = rng.int(0, 330);
    const len = rng.pick([30, 91, 182, 365]);
    return { from: day(y, start), to: day(y, start + len) };
  };
  const matching = (f: ListInput): Cursor[] => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status) (where.push('c.status = ?'), params.push(f.status));
    if (f.workerId) (where.push('c.assigned_worker_id = ?'), params.push(f.workerId));
    if (f.intakeSource) (where.push('c.intake_source = ?'), params.push(f.intakeSource));
    if (f.from) (where.push('c.intake_date >= ?'), params.push(f.from));
    if (f.to) (where.push('c.intake_date <= ?'), params.push(f.to));
    if (f.violenceType) (where.push('EXISTS (SELECT 1 FROM case_violence_types v WHERE v.case_id = c.id AND v.violence_type = ?)'), params.push(f.violenceType));
    return sqlite.prepare(`SELECT c.intake_date AS intakeDate, c.id FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.intake_date DESC, c.id DESC`).all(...params) as Cursor[];
  };
  const filters: { key: string; label: string; make: () => ListInput }[] = [
    { key: 'status', label: 'status', make: () => ({ status: rng.pick(CASE_STATUSES) }) },
    { key: 'worker', label: 'workerId', make: () => ({ workerId: rng.pick(workers) }) },
    { key: 'violence', label: 'violenceType', make: () => ({ violenceType: rng.pick(VIOLENCE_TYPES) }) },
    { key: 'source', label: 'intakeSource', make: () => ({ intakeSource: rng.pick(INTAKE_SOURCES) }) },
    { key: 'period', label: 'period (from–to)', make: () => period() },
    { key: 'status_worker', label: 'status + workerId', make: () => ({ status: rng.pick(CASE_STATUSES), workerId: rng.pick(workers) }) },
    { key: 'violence_period', label: 'violenceType + period', make: () => ({ violenceType: rng.pick(VIOLENCE_TYPES), ...period() }) },
    { key: 'status_source_period', label: 'status + intakeSource + period', make: () => ({ status: rng.pick(CASE_STATUSES), intakeSource: rng.pick(INTAKE_SOURCES), ...period() }) },
    { key: 'all_five', label: 'status + worker + violence + source + period', make: () => ({ status: rng.pick(CASE_STATUSES), workerId: rng.pick(workers), violenceType: rng.pick(VIOLENCE_TYPES), intakeSource: rng.pick(INTAKE_SOURCES), ...period() }) },
  ];
  const lists = filters.map((f) => {
    const first: ListInput[] = [];
    const deep: ListInput[] = [];
    for (let tries = 0; (first.length < 60 || deep.length < 60) && tries < 3000; tries++) {
      const input = f.make();
      if (first.length < 60) first.push(input);
      // A deep page needs a result longer than a few pages.
      if (deep.length < 60) {
        const rows = matching(input);
        if (rows.length >= 150 || (tries > 2000 && rows.length > 60)) deep.push({ ...input, after: rows[rng.int(50, rows.length - 10)]! });
      }
    }
    return { key: f.key, label: f.label, first, deep };
  });

  return {
    nameTyping,
    nameTwoWords,
    nameFixed: FIXED_NAME_QUERIES,
    numberFull,
    numberPartial,
    casePage2: order[Math.min(49, order.length - 1)]!,
    caseDeepCursors,
    caseIds: Array.from({ length: 500 }, () => rng.pick(order).id),
    personIds: Array.from({ length: 500 }, () => randomPerson().id),
    ftsFixed: FIXED_FTS_QUERIES,
    ftsWords,
    ftsPrefixes,
    ftsPairs,
    lists,
  };
}

