import { foldForSearch } from './search-text.js';
import { VOCABULARY_SV } from './vocabulary-sv.js';
import {
  CASE_STATUSES,
  CLOSING_REASONS,
  GENDERS,
  INTAKE_SOURCES,
  RELATIONS,
  VIOLENCE_TYPES,
  type CaseStatus,
  type ClosingReason,
  type Gender,
  type IntakeSource,
  type Relation,
  type ViolenceType,
} from './vocabulary.js';

/**
 * The words a unit's own case log uses for Fristad's fixed vocabularies:
 * the Swedish names of the screen (vocabulary-sv.ts), the codes themselves,
 * and the everyday words and abbreviations units write in Excel ("fys, psyk",
 * "polisen", "f.d. sambo", "avslutad"). Matching folds case, diacritics,
 * punctuation and a trailing "våld", so "Fysiskt våld", "FYSISKT" and "fys."
 * are the same word. Pure: text in, codes out.
 */

const folded = new Map<string, string>();

/**
 * A cell's word folded for matching: lower case, no diacritics, punctuation
 * as space, "våld" at the end dropped. A log repeats the same few words ten
 * thousand times, so the results are remembered (a bounded table, emptied
 * when full).
 */
export function foldWord(text: string): string {
  let key = folded.get(text);
  if (key !== undefined) return key;
  key = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ vald$/, '')
    .trim();
  if (folded.size >= 5000) folded.clear();
  folded.set(text, key);
  return key;
}

type Words<C extends string> = Record<C, readonly string[]>;

const SOURCE_WORDS: Words<IntakeSource> = {
  own_application: ['ansokan', 'egen', 'eget initiativ', 'sjalv', 'soker sjalv', 'sokt sjalv', 'egen kontakt', 'sjalvmant'],
  report_police: ['polis', 'polisen', 'polisanmalan', 'anmalan polis', 'orosanmalan polis', 'orosanmalan fran polis'],
  report_school: ['skola', 'skolan', 'forskola', 'forskolan', 'elevhalsa', 'elevhalsan', 'anmalan skola', 'orosanmalan skola', 'orosanmalan fran skola'],
  report_health_care: ['sjukvard', 'sjukvarden', 'halso och sjukvard', 'halso och sjukvarden', 'vard', 'varden', 'vardcentral', 'vardcentralen', 'akuten', 'bvc', 'mvc', 'psykiatri', 'psykiatrin', 'barnmorska', 'anmalan sjukvard', 'orosanmalan sjukvard'],
  report_other_authority: ['myndighet', 'annan myndighet', 'forsakringskassan', 'arbetsformedlingen', 'kriminalvarden', 'migrationsverket', 'anmalan myndighet'],
  report_public: ['allmanheten', 'allmanhet', 'privatperson', 'anhorig', 'anhoriga', 'granne', 'vanner', 'anmalan allmanheten', 'orosanmalan allmanheten'],
  islandsmodellen: ['islandsmodell', 'im'],
  screening_other_agency: ['screening', 'screening annan verksamhet', 'rutinmassiga fragor', 'screeningfragor'],
  transfer_municipality: ['overflytt', 'overflyttning', 'annan kommun', 'flytt fran annan kommun', 'overflytt kommun'],
  womens_shelter: ['jour', 'jouren', 'kvinnojouren', 'tjejjour', 'tjejjouren'],
};

const VIOLENCE_WORDS: Words<ViolenceType> = {
  physical: ['fysisk', 'fys', 'misshandel'],
  psychological: ['psykisk', 'psyk', 'hot', 'kontroll'],
  sexual: ['sexuell', 'sex', 'sexuella overgrepp', 'valdtakt'],
  economic: ['ekonomisk', 'ek', 'ekon'],
  material: ['materiell', 'mat', 'skadegorelse'],
  latent: ['lat'],
  neglect: ['forsummelse', 'vanvard', 'omsorgssvikt'],
  honour_related: ['hedersrelaterat', 'heder', 'hedersvald', 'hrv', 'hedersrelaterat vald och fortryck', 'tvangsaktenskap', 'barnaktenskap', 'konsstympning', 'kvinnlig konsstympning'],
  digital: ['digital', 'dig', 'natvald', 'natet', 'it', 'it vald'],
};

const RELATION_WORDS: Words<Relation> = {
  partner: ['partner', 'sambo', 'make', 'maka', 'gift', 'pojkvan', 'flickvan', 'partnerrelation', 'nuvarande partner'],
  ex_partner: ['fd partner', 'f d partner', 'fore detta partner', 'ex', 'expartner', 'ex partner', 'fd sambo', 'f d sambo', 'fd make', 'fd maka', 'f d make', 'f d maka', 'tidigare partner'],
  parent: ['foralder', 'foraldrar', 'mamma', 'pappa', 'mor', 'far', 'styvforalder', 'styvpappa', 'styvmamma'],
  child: ['barn', 'son', 'dotter', 'vuxet barn', 'styvbarn'],
  sibling: ['syskon', 'bror', 'syster', 'broder'],
  other_relative: ['slakting', 'annan slakting', 'slakt', 'svarfar', 'svarmor', 'kusin', 'farbror', 'morbror', 'faster', 'moster'],
  other_close: ['narstaende', 'annan narstaende', 'ovrig', 'annan'],
};

const GENDER_WORDS: Words<Gender> = {
  kvinna: ['k', 'kv', 'kvinna', 'flicka', 'tjej', 'f', 'female'],
  man: ['m', 'man', 'pojke', 'kille', 'male'],
  annat: ['annat', 'annan', 'icke binar', 'ickebinar', 'x'],
  okant: ['okant', 'vet ej', 'uppgift saknas', 'ok'],
};

const STATUS_WORDS: Words<CaseStatus> = {
  intake: ['aktualisering', 'aktualiserad', 'aktualiserat', 'inkommen', 'inkommet', 'ny', 'nytt'],
  investigation: ['utredning', 'utreds', 'under utredning', 'utredande'],
  ongoing: ['pagaende', 'pagaende insatser', 'insats', 'insatser', 'aktiv', 'aktivt', 'oppen', 'oppet'],
  closed: ['avslutat', 'avslutad', 'avslut', 'stangt', 'stangd', 'klar', 'klart', 'avslutat arende'],
};

const CLOSING_WORDS: Words<ClosingReason> = {
  goal_met: ['malet uppnatt', 'mal uppnatt', 'uppnatt'],
  goal_partly_met: ['delvis uppnatt', 'delvis', 'malet delvis uppnatt'],
  goal_not_met: ['inte uppnatt', 'ej uppnatt', 'malet inte uppnatt', 'malet ej uppnatt'],
  moved_away: ['flyttat', 'flytt', 'flyttade', 'avflyttad', 'utflyttad', 'flyttat fran kommunen'],
  declined_help: ['avbojt', 'avbojt stod', 'avbojt fortsatt stod', 'tackat nej', 'vill inte ha stod', 'avbojer'],
  other: ['annat', 'ovrigt', 'annan orsak'],
};

/** One lookup table: the code, its Swedish name and every listed word, folded. A word claimed twice is a mistake in the lists. */
function lookup<C extends string>(codes: readonly C[], names: Record<C, string>, words: Words<C>): ReadonlyMap<string, C> {
  const map = new Map<string, C>();
  for (const code of codes) {
    for (const w of [code, names[code], ...words[code]]) {
      const key = foldWord(w);
      const taken = map.get(key);
      if (taken !== undefined && taken !== code) throw new Error(`import vocabulary: "${w}" means both ${taken} and ${code}`);
      map.set(key, code);
    }
  }
  return map;
}

const SOURCES = lookup(INTAKE_SOURCES, VOCABULARY_SV.intakeSource, SOURCE_WORDS);
const VIOLENCE = lookup(VIOLENCE_TYPES, VOCABULARY_SV.violenceType, VIOLENCE_WORDS);
const RELATION = lookup(RELATIONS, VOCABULARY_SV.relation, RELATION_WORDS);
const GENDER = lookup(GENDERS, VOCABULARY_SV.gender, GENDER_WORDS);
const STATUS = lookup(CASE_STATUSES, { intake: 'Aktualisering', investigation: 'Utredning', ongoing: 'Pågående insatser', closed: 'Avslutat' }, STATUS_WORDS);
const CLOSING = lookup(CLOSING_REASONS, VOCABULARY_SV.closingReason, CLOSING_WORDS);

/** "Anmälan från polis", "orosanmälan från polisen": the words "anmälan från" / "orosanmälan från" before a source are dropped when the rest is known. */
function withoutReportPrefix(key: string): string {
  return key.replace(/^(oros)?anmalan (fran )?/, '');
}

export const matchIntakeSource = (text: string): IntakeSource | null => {
  const key = foldWord(text);
  return SOURCES.get(key) ?? SOURCES.get(withoutReportPrefix(key)) ?? null;
};
export const matchRelation = (text: string): Relation | null => RELATION.get(foldWord(text)) ?? null;
export const matchGender = (text: string): Gender | null => GENDER.get(foldWord(text)) ?? null;
export const matchStatus = (text: string): CaseStatus | null => STATUS.get(foldWord(text)) ?? null;
export const matchClosingReason = (text: string): ClosingReason | null => CLOSING.get(foldWord(text)) ?? null;
export const matchViolenceType = (text: string): ViolenceType | null => VIOLENCE.get(foldWord(text)) ?? null;

/**
 * The violence types of one cell: several words separated by comma,
 * semicolon, slash, plus, "och" or a line break — "fysiskt, psykiskt",
 * "Fys/Psyk", "psykiskt och ekonomiskt våld". Each word not understood is
 * returned as written, for the row's reason.
 *
 * @example parseViolenceTypes('fys, psykiskt och ek') // { types: ['physical', 'psychological', 'economic'], unknown: [] }
 */
export function parseViolenceTypes(cell: string): { types: ViolenceType[]; unknown: string[] } {
  const words = cell
    .split(/[,;/+&\n\r]+|\s+och\s+/i)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const types: ViolenceType[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const t = matchViolenceType(w);
    if (t === null) unknown.push(w);
    else if (!types.includes(t)) types.push(t);
  }
  return { types, unknown };
}

/** The words accepted for each code, for the README and the refusal messages: the Swedish name first. */
export function acceptedWords(kind: 'source' | 'violence' | 'relation' | 'gender' | 'status' | 'closing'): string {
  const names: Record<string, Record<string, string>> = {
    source: VOCABULARY_SV.intakeSource,
    violence: VOCABULARY_SV.violenceType,
    relation: VOCABULARY_SV.relation,
    gender: VOCABULARY_SV.gender,
    status: { intake: 'Aktualisering', investigation: 'Utredning', ongoing: 'Pågående', closed: 'Avslutat' },
    closing: VOCABULARY_SV.closingReason,
  };
  return Object.values(names[kind]!).join(', ');
}
