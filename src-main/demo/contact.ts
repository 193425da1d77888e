import { isAddressProtected, type CaseRole } from '../domain/vocabulary.js';
import { foldForSearch } from '../domain/search-text.js';
import type { DemoContext, DemoPerson } from './context.js';
import { Weighted, type Rng } from './prng.js';

/**
 * Contact details, language and interpreter need, as `persons.create` stores
 * them (postal code `NNN NN`, phone in the characters the form accepts).
 * Victims are usually reachable; a child lives with the victim; the person
 * using violence is less often known in detail. Everyone with a protected
 * address (skyddad folkbokföring, fingerade personuppgifter) has one stored —
 * the app must show it as withheld, and only a logged "show" reveals it.
 *
 * All of it is invented: street names from a list of common Swedish
 * street-name parts in made-up places ("Påhittköping"), e-mail at the
 * example domains reserved for documentation, and phone numbers from the
 * small ranges the Swedish telecom regulator (PTS) sets aside for fiction.
 */

const STREET_STEMS = [
  'Björk', 'Lind', 'Ek', 'Tall', 'Gran', 'Rönn', 'Hassel', 'Lönn', 'Asp', 'Sälg', 'Alm', 'Ask', 'Blåbärs', 'Lingon', 'Hjortron', 'Smultron',
  'Körsbärs', 'Äppel', 'Plommon', 'Päron', 'Sjö', 'Skogs', 'Ängs', 'Åkers', 'Berg', 'Dal', 'Kvarn', 'Skol', 'Kyrk', 'Stations', 'Torg', 'Park',
  'Hamn', 'Bruks', 'Mejeri', 'Smedje', 'Prästgårds', 'Solros', 'Vallmo', 'Klöver', 'Blåklints', 'Snickar', 'Murar', 'Väver', 'Fiskar', 'Bagar',
  'Skomakar', 'Tegel', 'Sågverks', 'Järnvägs', 'Post', 'Gästgivar', 'Norr', 'Söder', 'Öster', 'Väster', 'Mellan', 'Trädgårds', 'Humle', 'Rosen',
] as const;
const STREET_ENDINGS = ['gatan', 'vägen', 'stigen', 'gränd', 'backen', 'allén', 'slingan', 'ringen', 'torget', 'plan'] as const;
const STREET_ENDING = new Weighted<string>(STREET_ENDINGS.map((e, i) => [e, [30, 30, 12, 6, 6, 3, 5, 4, 2, 2][i]!] as const));

/** Made-up places: the unit's own municipality most often, and a few around it. */
const PLACES = new Weighted<readonly [city: string, postalBase: number]>([
  [['Påhittköping', 61230], 64],
  [['Exempelstad', 61340], 9],
  [['Låtsasby', 61470], 6],
  [['Övningsvik', 61550], 5],
  [['Testhamra', 61620], 5],
  [['Skissinge', 61780], 4],
  [['Fiktivsund', 61890], 4],
  [['Sagoholm', 61910], 3],
]);

/** Languages recorded for people who do not speak Swedish at home, roughly as common in a Swedish violence unit. */
const LANGUAGES = new Weighted<string>([
  ['arabiska', 24],
  ['somaliska', 9],
  ['persiska', 7],
  ['dari', 6],
  ['tigrinja', 6],
  ['kurdiska (sorani)', 5],
  ['turkiska', 5],
  ['polska', 5],
  ['bosniska', 4],
  ['serbiska', 3],
  ['ryska', 4],
  ['ukrainska', 5],
  ['engelska', 6],
  ['spanska', 4],
  ['thailändska', 4],
  ['finska', 3],
]);

/** First names that hint at a language (the generator's name lists are mixed on purpose). */
const NAME_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  Fatima: ['arabiska', 'somaliska'], Amina: ['somaliska', 'arabiska'], Leyla: ['kurdiska (sorani)', 'turkiska', 'persiska'], Zeynep: ['turkiska'],
  Noor: ['arabiska', 'dari'], Dalia: ['arabiska'], Aisha: ['somaliska', 'arabiska'], Ahmed: ['arabiska', 'somaliska'], Ali: ['arabiska', 'persiska', 'dari'],
  Mohammed: ['arabiska', 'somaliska'], Omar: ['arabiska', 'somaliska'], Hassan: ['arabiska', 'somaliska'], Yusuf: ['somaliska', 'turkiska'],
  Jelena: ['serbiska', 'bosniska'], Dragan: ['serbiska', 'bosniska'], Agnieszka: ['polska'], Tomasz: ['polska'],
};

/** Phone numbers for fiction (PTS): mobile 070-174 06 05…99, Göteborg 031-390 06 00…99, Stockholm 08-465 004 00…99. */
function phoneNumber(rng: Rng): string {
  const x = rng.next();
  if (x < 0.8) return `070-174 06 ${String(rng.int(5, 99)).padStart(2, '0')}`;
  if (x < 0.9) return `031-390 06 ${String(rng.int(0, 99)).padStart(2, '0')}`;
  return `08-465 004 ${String(rng.int(0, 99)).padStart(2, '0')}`;
}

function address(rng: Rng): { streetAddress: string; postalCode: string; city: string } {
  const [city, base] = PLACES.draw(rng);
  let street = `${rng.pick(STREET_STEMS)}${STREET_ENDING.draw(rng)} ${rng.int(1, rng.chance(0.7) ? 40 : 140)}`;
  const y = rng.next();
  if (y < 0.12) street += ` ${rng.pick(['A', 'B', 'C'])}`;
  else if (y < 0.5) street += `, lgh ${rng.int(10, 17)}${String(rng.int(1, 4)).padStart(2, '0')}`;
  const code = String(base + rng.int(0, 29));
  return { streetAddress: street, postalCode: `${code.slice(0, 3)} ${code.slice(3)}`, city };
}

function email(rng: Rng, p: DemoPerson): string {
  const ascii = (s: string) => foldForSearch(s).replace(/[^a-z0-9]+/g, '');
  const first = ascii(p.firstName.split(/[\s-]/)[0]!);
  const last = ascii(p.lastName.split('-')[0]!);
  const local = rng.chance(0.6) ? `${first}.${last}` : rng.chance(0.5) ? `${first}${rng.int(1, 99)}` : `${first[0] ?? 'x'}${last}`;
  return `${local}@${rng.pick(['example.com', 'example.org', 'example.net'])}`;
}

interface Odds {
  address: number;
  phone: number;
  email: number;
  /** Chance of a language other than Swedish being recorded. */
  foreign: number;
}

const ODDS: Readonly<Record<CaseRole, Odds>> = {
  victim: { address: 0.85, phone: 0.9, email: 0.35, foreign: 0.2 },
  perpetrator: { address: 0.65, phone: 0.6, email: 0.12, foreign: 0.18 },
  child: { address: 0.8, phone: 0.2, email: 0.03, foreign: 0 },
  other: { address: 0.4, phone: 0.55, email: 0.15, foreign: 0.1 },
};

export function planContactDetails(ctx: DemoContext): void {
  const rng = ctx.rng('contact-details');
  const role = new Map<string, CaseRole>();
  const parentOf = new Map<string, string>();
  const rank: Record<CaseRole, number> = { victim: 0, perpetrator: 1, child: 2, other: 3 };
  for (const c of ctx.cases) {
    for (const m of c.members) {
      const had = role.get(m.personId);
      if (had === undefined || rank[m.role] < rank[had]) role.set(m.personId, m.role);
      if (m.role === 'child' && !parentOf.has(m.personId)) parentOf.set(m.personId, c.mainPersonId);
    }
  }
  const byId = new Map(ctx.persons.map((p) => [p.id, p]));
  const nowYear = ctx.now.getUTCFullYear();

  // Adults first, so that a child can share the address and language of the parent it came in with.
  const order = [...ctx.persons].sort((a, b) => (role.get(a.id) === 'child' ? 1 : 0) - (role.get(b.id) === 'child' ? 1 : 0));
  for (const p of order) {
    const r = role.get(p.id) ?? 'other';
    const odds = ODDS[r];
    const parent = r === 'child' ? byId.get(parentOf.get(p.id) ?? '') : undefined;
    const protectedAddress = isAddressProtected(p.protectionLevel);
    if (parent && parent.streetAddress && rng.chance(0.85)) {
      p.streetAddress = parent.streetAddress;
      p.postalCode = parent.postalCode;
      p.city = parent.city;
    } else if (protectedAddress || rng.chance(odds.address)) {
      Object.assign(p, address(rng));
    }
    const age = nowYear - Number(p.birthDate.slice(0, 4));
    if (rng.chance(r === 'child' ? (age >= 12 ? 0.45 : 0) : protectedAddress ? 0.95 : odds.phone)) p.phone = phoneNumber(rng);
    if (age >= 15 && rng.chance(odds.email)) p.email = email(rng, p);

    if (parent) {
      // A child usually has the parent's language; interpreters are for the adults.
      p.language = parent.language;
      p.interpreterNeeded = parent.interpreterNeeded && age >= 12 && rng.chance(0.15);
      continue;
    }
    const hints = NAME_LANGUAGE[p.firstName];
    const foreign = rng.chance(hints ? 0.6 : odds.foreign);
    if (foreign) {
      p.language = hints && rng.chance(0.7) ? rng.pick(hints) : LANGUAGES.draw(rng);
      p.interpreterNeeded = rng.chance(p.language === 'engelska' ? 0.2 : 0.62);
    } else if (rng.chance(0.06)) p.language = 'svenska';
  }
}
