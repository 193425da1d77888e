import type { Rng } from './prng.js';

/**
 * Name parts for demo people. First names sound real; surnames are made up
 * from a "made-up" word and a common Swedish surname ending, so every demo
 * person is recognisably fictional ("Påhittsson", "Exempelberg",
 * "Testdotter"). Some parts carry å, ä, ö or é, so that search folding
 * ("ostl" → "Östlåtsas…") gets exercised.
 */

export const WOMEN_FIRST_NAMES = [
  'Anna', 'Maria', 'Sara', 'Emma', 'Åsa', 'Märta', 'Linnéa', 'Maja', 'Ebba', 'Elin',
  'Karin', 'Anna-Karin', 'Sofia', 'Fatima', 'Amina', 'Leyla', 'Jelena', 'Agnieszka', 'Hanna', 'Ida',
  'Lena', 'Birgitta', 'Ingrid', 'Saga', 'Wilma', 'Alva', 'Agnes', 'Malin', 'Therese', 'Jenny',
  'Zeynep', 'Noor', 'Dalia', 'Signe', 'Astrid', 'Klara', 'Tove', 'Frida', 'Johanna', 'Lovisa',
  'Ängla', 'Görel', 'Britt-Marie', 'Ulla', 'Aisha', 'Mona', 'Pernilla', 'Sanna', 'Nora', 'Vera',
] as const;

export const MEN_FIRST_NAMES = [
  'Erik', 'Lars', 'Björn', 'Göran', 'Jöns', 'Örjan', 'Anders', 'Johan', 'Mikael', 'Ahmed',
  'Ali', 'Mohammed', 'Omar', 'Per', 'Nils', 'Olle', 'Jonas', 'Mattias', 'Kent', 'Håkan',
  'Stefan', 'Tobias', 'Ludvig', 'Sixten', 'Måns', 'Love', 'Elias', 'Hugo', 'Liam', 'Noah',
  'Jan-Åke', 'Sören', 'Rasmus', 'Viktor', 'Oskar', 'Adam', 'Dragan', 'Tomasz', 'Yusuf', 'Karl',
  'Pär', 'Gösta', 'Axel', 'Filip', 'Isak', 'Emil', 'Hassan', 'Patrik', 'Magnus', 'Leo',
] as const;

/** Gender-neutral and less common names, used for gender 'annat' and 'okant'. */
export const OTHER_FIRST_NAMES = ['Kim', 'Robin', 'Alex', 'Eli', 'Charlie', 'Sam', 'Mika', 'Noa', 'Tintin', 'Kaj'] as const;

/** Invented first halves: words meaning "test", "made-up", "example", "pretend", "practice"… */
export const SURNAME_STEMS = [
  'Påhitt', 'Exempel', 'Test', 'Låtsas', 'Övnings', 'Fiktiv', 'Demo', 'Prov', 'Skiss', 'Mall',
  'Dikt', 'Fantasi', 'Östlåtsas', 'Ärtpåhitt', 'Låtsat', 'Modell', 'Attrapp', 'Kuliss', 'Sago', 'Drömm',
] as const;

export const SURNAME_ENDINGS = [
  'sson', 'dotter', 'berg', 'ström', 'lund', 'qvist', 'gren', 'ås', 'holm', 'dal',
  'bäck', 'man', 'hed', 'löf', 'sjö', 'by', 'fors', 'ek', 'mark', 'vik',
] as const;

export function inventedSurname(rng: Rng): string {
  const surname = rng.pick(SURNAME_STEMS) + rng.pick(SURNAME_ENDINGS);
  // A few double surnames, as many Swedes have.
  if (rng.chance(0.04)) return `${surname}-${rng.pick(SURNAME_STEMS)}${rng.pick(SURNAME_ENDINGS)}`;
  return surname;
}

export function firstNameFor(rng: Rng, gender: 'kvinna' | 'man' | 'annat' | 'okant'): string {
  if (gender === 'kvinna') return rng.pick(WOMEN_FIRST_NAMES);
  if (gender === 'man') return rng.pick(MEN_FIRST_NAMES);
  return rng.chance(0.5) ? rng.pick(OTHER_FIRST_NAMES) : rng.pick(rng.chance(0.5) ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES);
}

/** Every surname the generator can produce starts with one of the stems: a test can check that a name is a demo name. */
export function isDemoSurname(lastName: string): boolean {
  return SURNAME_STEMS.some((s) => lastName.startsWith(s));
}
