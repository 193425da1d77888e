import { CLOSING_REASONS, GENDERS, INTAKE_SOURCES, RELATIONS, VIOLENCE_TYPES, type ClosingReason, type Gender, type IntakeSource, type Relation, type ViolenceType } from '../../src-main/domain/vocabulary.js';
import type { CaseDetail } from '../../src-main/features/cases/contract.js';
import type { Router } from '../../src-main/api/router.js';

/** One generated case as the test knows it — the truth the dashboard is checked against. */
export interface GeneratedCase {
  intakeDate: string;
  source: IntakeSource;
  gender: Gender;
  birthYear: number;
  relation: Relation | null;
  violence: ViolenceType[];
  firstContactDays: number | null;
  children: { exposure: 'witnessed' | 'subjected' | 'both'; ownDecision: boolean }[];
  services: { type: string; startDate: string }[];
  decisions: { outcome: 'granted' | 'partly_granted' | 'refused'; date: string }[];
  closed: { date: string; reason: ClosingReason } | null;
  firstName: string;
  lastName: string;
  noteWord: string;
}

/** A small deterministic generator (mulberry32) so a failing run can be repeated. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const SERVICE_TYPES = ['support_talks', 'protected_housing', 'children_talks', 'financial_aid'];

/** Generates `n` cases with intake in the given years (all in the past), ready to be written through the router. */
export function generateCases(seed: number, n: number, years: number[]): GeneratedCase[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const intakeDate = `${r.pick(years)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const services = r.chance(0.6) ? Array.from({ length: r.int(1, 2) }, () => ({ type: r.pick(SERVICE_TYPES), startDate: plusDays(intakeDate, r.int(0, 40)) })) : [];
    return {
      intakeDate,
      source: r.pick(INTAKE_SOURCES),
      gender: r.chance(0.8) ? 'kvinna' : r.pick(GENDERS),
      birthYear: r.int(1940, 2022),
      relation: r.chance(0.85) ? r.pick(RELATIONS) : null,
      violence: [...new Set([r.pick(VIOLENCE_TYPES), ...(r.chance(0.5) ? [r.pick(VIOLENCE_TYPES)] : [])])],
      firstContactDays: r.chance(0.8) ? r.int(0, 20) : null,
      children: Array.from({ length: r.chance(0.5) ? r.int(1, 2) : 0 }, () => ({ exposure: r.pick(['witnessed', 'subjected', 'both'] as const), ownDecision: r.chance(0.4) })),
      services,
      decisions: r.chance(0.5) ? [{ outcome: r.pick(['granted', 'partly_granted', 'refused'] as const), date: plusDays(intakeDate, r.int(0, 30)) }] : [],
      closed: r.chance(0.5) ? { date: plusDays(intakeDate, r.int(10, 200)), reason: r.pick(CLOSING_REASONS) } : null,
      firstName: `Förnamn${String.fromCharCode(65 + (i % 26))}${i}`,
      lastName: `Efternamnsson${i}`,
      noteWord: `hemligord${i}x`,
    };
  });
}

/** Writes the generated cases through the router (persons, children, services, decisions, closing, a signed note). */
/** Calls the router (no test-runner imports here: the end-to-end tests use this file too). */
async function call<T = unknown>(router: Router, channel: string, input: unknown): Promise<T> {
  const r = await router.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export async function writeCases(app: { router: Router }, cases: GeneratedCase[], today: string): Promise<void> {
  for (const g of cases) {
    const detail = await call<CaseDetail>(app.router, 'cases.create', {
      mainNewPerson: { firstName: g.firstName, lastName: g.lastName, identity: { kind: 'none', birthYear: g.birthYear }, gender: g.gender, protectionLevel: 'none' },
      intakeDate: g.intakeDate,
      intakeSource: g.source,
      violenceTypes: g.violence,
      relation: g.relation,
      firstContactDate: g.firstContactDays === null ? null : plusDays(g.intakeDate, g.firstContactDays),
      people: g.children.map((c, k) => ({ person: { newPerson: { firstName: `Barn${k}${g.firstName}`, lastName: g.lastName, identity: { kind: 'none', birthYear: 2018 }, gender: 'okant', protectionLevel: 'none' } }, role: 'child', childExposure: c.exposure })),
    });
    const childIds = detail.persons.filter((p) => p.role === 'child').map((p) => p.personId);
    for (const [k, c] of g.children.entries()) {
      if (c.ownDecision) await call(app.router, 'decisions.create', { caseId: detail.id, personId: childIds[k], serviceType: 'children_talks', outcome: 'granted', decisionDate: g.intakeDate, legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef' });
    }
    for (const s of g.services) if (s.startDate <= today) await call(app.router, 'services.create', { caseId: detail.id, personId: detail.mainPersonId, serviceType: s.type, startDate: s.startDate });
    for (const d of g.decisions) if (d.date <= today) await call(app.router, 'decisions.create', { caseId: detail.id, personId: detail.mainPersonId, serviceType: 'support_talks', outcome: d.outcome, decisionDate: d.date, legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef' });
    if (g.closed && g.closed.date <= today) await call(app.router, 'cases.setStatus', { id: detail.id, status: 'closed', date: g.closed.date, closingReason: g.closed.reason });
    await call(app.router, 'journal.create', { caseId: detail.id, entryDate: g.intakeDate, text: `Samtal om ${g.noteWord} med ${g.firstName}` });
  }
}
