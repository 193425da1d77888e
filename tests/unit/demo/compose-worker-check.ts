/**
 * Run by generate.test.ts in a child process (`node --import tsx`), where a
 * worker thread can load the TypeScript sources the way `npm run demo` and
 * the benchmark do: composes the same notes in a worker and in this thread
 * and prints whether they are the same.
 */
import { composeTexts, KIND_CODES, lastComposeMode, type ComposeJob } from '../../../src-main/demo/journal-compose.js';
import { TAGS, type NoteCase } from '../../../src-main/demo/journal-text.js';

const nc: NoteCase = {
  victim: { first: 'Åsa', gender: 'kvinna' },
  perpetrator: { first: 'Göran', gender: 'man' },
  relation: 'ex_partner',
  children: [{ first: 'Märta', gender: 'kvinna', age: 9, school: 'Björkhagaskolan' }],
  interpreterLanguage: 'arabiska',
  violence: ['physical', 'psychological', 'digital'],
  source: 'report_police',
  city: 'Påhittköping',
  services: ['skyddat boende'],
  colleagues: ['Vera', 'Olle'],
  mask: TAGS.b | TAGS.s | TAGS.o | TAGS.P | TAGS.t | TAGS.x | TAGS.d | TAGS.y | TAGS.w | TAGS.h | TAGS.u,
};
const n = 3000;
const job: ComposeJob = { notes: [nc], seeds: new Uint32Array(n), caseIndexes: new Int32Array(n), kinds: new Uint8Array(n), days: new Float64Array(n), extra: new Map() };
for (let i = 0; i < n; i++) {
  job.seeds[i] = (i * 2654435761) >>> 0;
  job.kinds[i] = i % KIND_CODES.length;
  job.days[i] = Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000;
}
const viaWorker = [...composeTexts(job, true)];
const mode = lastComposeMode();
const inThread = [...composeTexts(job, false)];
const same = viaWorker.length === n && viaWorker.every((t, i) => t === inThread[i]);
process.stdout.write(`RESULT ${JSON.stringify({ mode, same, n: viaWorker.length })}\n`);
