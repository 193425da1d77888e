import type { Gender, IntakeSource, Relation, ViolenceType } from '../domain/vocabulary.js';
import type { Rng } from './prng.js';

/**
 * Swedish journal notes for demo cases, composed from sentence templates
 * about the daily work of a violence unit: calls and messages, meetings and
 * home visits, safety planning and risk assessment, children and school,
 * police and court, housing, money, interpreters, collaboration, decisions,
 * closing. A note has an opening for its kind, body sentences drawn
 * without repetition until it reaches its length, and a closing line;
 * long notes get "Bedömning" and "Planering" paragraphs.
 *
 * Templates name the people of the case ({v} the victim, {p} the person
 * using violence, {b} the children…), dates near the entry date, places,
 * schools and agencies, so the full-text index sees a realistic spread of
 * words: a few very frequent ones, many domain words, a long tail of names,
 * numbers and places.
 *
 * Template syntax: `{slot}` is filled from the case, `[a|b|c]` picks one
 * (an empty choice makes a part optional), and leading `@xy ` tags say what
 * the case must have for the sentence to fit (see TAGS).
 */

export interface NoteChild {
  first: string;
  gender: Gender;
  age: number;
  school: string;
}

export interface NotePerson {
  first: string;
  gender: Gender;
}

/** What a case's notes can talk about. Built once per case. */
export interface NoteCase {
  victim: NotePerson;
  perpetrator: NotePerson | null;
  relation: Relation | null;
  children: NoteChild[];
  /** The language an interpreter is booked for, if anyone in the case needs one. */
  interpreterLanguage: string | null;
  violence: readonly ViolenceType[];
  source: IntakeSource;
  city: string;
  /** Labels (lower case) of the services granted in the case. */
  services: string[];
  colleagues: string[];
  /** Requirement bits (TAGS) the case satisfies. */
  mask: number;
}

export type NoteKind =
  | 'intake'
  | 'phone'
  | 'no_answer'
  | 'message'
  | 'meeting'
  | 'home_visit'
  | 'safety'
  | 'child_talk'
  | 'school'
  | 'preschool'
  | 'police'
  | 'housing'
  | 'economy'
  | 'interpreter'
  | 'collab'
  | 'assessment'
  | 'perpetrator'
  | 'followup'
  | 'decision'
  | 'closing'
  | 'correction';

/** Extra facts for one note. */
export interface NoteFacts {
  /** The entry date (ms, midnight UTC). */
  dayMs: number;
  /** For a decision note: the service's label and the legal ground; for a correction: the corrected entry's date. */
  serviceLabel?: string;
  legalGround?: string;
  outcome?: 'granted' | 'partly_granted' | 'refused';
  correctsDate?: string;
  closingReason?: string | null;
  /** For a decision note: who applied (a first name), when not the victim. */
  applicant?: string;
}

/** Requirement tags: one letter each. */
export const TAGS = {
  b: 1 << 0, // children in the case
  s: 1 << 1, // a child of school age (6–17)
  f: 1 << 2, // a child of preschool age (under 6)
  P: 1 << 3, // the person using violence is known in the case
  t: 1 << 4, // an interpreter is needed
  h: 1 << 5, // protected housing granted
  k: 1 << 6, // the victim has a protected address
  x: 1 << 7, // former partner: separated
  e: 1 << 8, // economic violence
  d: 1 << 9, // digital violence
  r: 1 << 10, // honour-related violence
  y: 1 << 11, // physical violence
  q: 1 << 12, // sexual violence
  u: 1 << 13, // some service granted
  c: 1 << 14, // couple still living together (partner)
  w: 1 << 15, // the victim is a woman
  o: 1 << 16, // a child old enough for a talk of its own (4 or older)
} as const;
type Tag = keyof typeof TAGS;

// ---------------------------------------------------------------- compiling templates

interface Gen {
  rng: Rng;
  nc: NoteCase;
  facts: NoteFacts;
  /** The child this note is about (for notes about one child), chosen among those of the right age. */
  child: NoteChild | null;
  childAges: readonly [number, number];
  /** Whether the victim / the child has been named in this note yet: after that, a pronoun now and then. */
  victimNamed: boolean;
  childNamed: boolean;
}

type Expand = (g: Gen) => string;

interface Template {
  need: number;
  /** Sentences of one group contradict each other: a note uses at most one of them. */
  group: string | null;
  run: Expand;
}

function parse(src: string, slots: Readonly<Record<string, Expand>>): Expand {
  let i = 0;
  const seq = (): Expand[] => {
    const parts: Expand[] = [];
    let lit = '';
    const flush = () => {
      if (lit) {
        const s = lit;
        parts.push(() => s);
        lit = '';
      }
    };
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === '[') {
        flush();
        i++;
        const alts: Expand[] = [];
        for (;;) {
          const inner = seq();
          alts.push(join(inner));
          const end = src[i];
          i++;
          if (end === ']') break;
          if (end !== '|') throw new Error(`unclosed [ in template: ${src}`);
        }
        const n = alts.length;
        parts.push((g) => alts[Math.floor(g.rng.next() * n)]!(g));
      } else if (ch === ']' || ch === '|') {
        break;
      } else if (ch === '{') {
        flush();
        const close = src.indexOf('}', i);
        const name = src.slice(i + 1, close);
        const slot = slots[name];
        if (!slot) throw new Error(`unknown slot {${name}} in template: ${src}`);
        parts.push(slot);
        i = close + 1;
      } else {
        lit += ch;
        i++;
      }
    }
    flush();
    return parts;
  };
  const join = (parts: Expand[]): Expand => {
    if (parts.length === 0) return () => '';
    if (parts.length === 1) return parts[0]!;
    return (g) => {
      let s = '';
      for (const p of parts) s += p(g);
      return s;
    };
  };
  const out = join(seq());
  if (i < src.length) throw new Error(`unbalanced template: ${src}`);
  return out;
}

function compile(list: readonly string[]): Template[] {
  return list.map((src) => {
    let need = 0;
    let group: string | null = null;
    const g = /^~(\w+) /.exec(src);
    if (g) {
      group = g[1]!;
      src = src.slice(g[0].length);
    }
    let body = src;
    const m = /^@(\w+) /.exec(src);
    if (m) {
      for (const t of m[1]!) {
        const bit = TAGS[t as Tag];
        if (bit === undefined) throw new Error(`unknown tag ${t} in: ${src}`);
        need |= bit;
      }
      body = src.slice(m[0].length);
    }
    return { need, group, run: parse(body, SLOTS) };
  });
}

// ---------------------------------------------------------------- words

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const NUMBER_WORDS = ['två', 'tre', 'fyra', 'fem', 'sex'];

const cap = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));
const possessive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);
const pick = <T>(g: Gen, items: readonly T[]): T => items[Math.floor(g.rng.next() * items.length)]!;

function formatDate(g: Gen, ms: number): string {
  const d = new Date(ms);
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const x = g.rng.next();
  if (x < 0.35) return `den ${day} ${MONTHS[month]}`;
  if (x < 0.6) return `${day}/${month + 1}`;
  if (x < 0.8) return `${WEEKDAYS[d.getUTCDay()]} ${day}/${month + 1}`;
  return d.toISOString().slice(0, 10);
}

function time(g: Gen): string {
  const h = g.rng.int(8, 16);
  const m = pick(g, ['00', '00', '15', '30', '30', '45']);
  return g.rng.chance(0.7) ? `kl. ${h}.${m}` : `kl ${h}`;
}

const pron = (gender: Gender) => (gender === 'kvinna' ? ['hon', 'henne', 'hennes'] : gender === 'man' ? ['han', 'honom', 'hans'] : ['hen', 'hen', 'hens']);

function victimRef(g: Gen): string {
  return g.rng.chance(0.72) ? g.nc.victim.first : 'klienten';
}

/** The victim as the subject of a sentence: the name (or "klienten") first, later sometimes just "hon". */
function victimSubject(g: Gen): string {
  if (g.victimNamed && g.rng.chance(0.35)) return pron(g.nc.victim.gender)[0]!;
  g.victimNamed = true;
  return victimRef(g);
}

function perpRole(g: Gen): string {
  const p = g.nc.perpetrator;
  const male = !p || p.gender !== 'kvinna';
  switch (g.nc.relation) {
    case 'partner':
      return pick(g, male ? ['sambon', 'maken', 'partnern', 'pojkvännen'] : ['sambon', 'hustrun', 'partnern', 'flickvännen']);
    case 'ex_partner':
      return pick(g, male ? ['exmaken', 'f.d. sambon', 'expartnern', 'den f.d. pojkvännen'] : ['exfrun', 'f.d. sambon', 'expartnern']);
    case 'parent':
      return pick(g, male ? ['pappan', 'fadern'] : ['mamman', 'modern']);
    case 'child':
      return pick(g, male ? ['sonen'] : ['dottern']);
    case 'sibling':
      return pick(g, male ? ['brodern', 'storebrodern'] : ['systern', 'storasystern']);
    case 'other_relative':
      return pick(g, male ? ['farbrodern', 'morbrodern', 'kusinen', 'svågern'] : ['fastern', 'mostern', 'kusinen', 'svägerskan']);
    case 'other_close':
      return pick(g, ['bekanten', 'den tidigare vännen', 'rumskamraten']);
    default:
      return pick(g, male ? ['mannen', 'våldsutövaren'] : ['kvinnan', 'våldsutövaren']);
  }
}

function perpRef(g: Gen): string {
  const p = g.nc.perpetrator;
  return p && g.rng.chance(0.4) ? p.first : perpRole(g);
}

function focusChild(g: Gen): NoteChild | null {
  if (!g.child && g.nc.children.length > 0) {
    const [lo, hi] = g.childAges;
    const fit = g.nc.children.filter((k) => k.age >= lo && k.age <= hi);
    g.child = pick(g, fit.length > 0 ? fit : g.nc.children);
  }
  return g.child;
}

/** The child as the subject of a sentence: named first, then now and then "hon"/"han". */
function childSubject(g: Gen): string {
  const k = focusChild(g);
  if (!k) return 'Barnet';
  if (g.childNamed && k.gender !== 'okant' && g.rng.chance(0.45)) return cap(pron(k.gender)[0]!);
  g.childNamed = true;
  return k.first;
}

function childRef(g: Gen): string {
  const kids = g.nc.children;
  if (kids.length === 0) return 'barnen';
  if (kids.length === 1) {
    const k = kids[0]!;
    return g.rng.chance(0.65) ? k.first : k.gender === 'kvinna' ? 'dottern' : k.gender === 'man' ? 'sonen' : 'barnet';
  }
  if (g.rng.chance(0.55)) return 'barnen';
  if (kids.length === 2) return `${kids[0]!.first} och ${kids[1]!.first}`;
  return `${kids.slice(0, -1).map((k) => k.first).join(', ')} och ${kids.at(-1)!.first}`;
}

const AGE_WORDS = ['nyfödda', 'ettåriga', 'tvååriga', 'treåriga', 'fyraåriga', 'femåriga', 'sexåriga', 'sjuåriga', 'åttaåriga', 'nioåriga', 'tioåriga', 'elvaåriga', 'tolvåriga', 'trettonåriga', 'fjortonåriga', 'femtonåriga', 'sextonåriga', 'sjuttonåriga'];

/** Phrases about what happened, by violence type; templates themselves, so pronouns follow the people of the case. */
const VIOLENCE_WORDS: Readonly<Record<ViolenceType, readonly string[]>> = {
  physical: ['slag mot huvudet', 'knuffar och sparkar', 'stryptag', 'att {hon} dragits i håret', 'blåmärken på armarna', 'en spräckt läpp', 'slag med knuten hand', 'att ha blivit fasthållen mot golvet', 'örfilar', 'ett brutet finger'],
  psychological: ['hot om att ta barnen', 'ständiga nedsättande kommentarer', 'isolering från vänner och familj', 'att telefonen kontrolleras', 'hot om att döda {henne}', 'att bli kallad värdelös', 'utbrott och skrik', 'kontroll av vem som får besöka hemmet', 'hot om självmord om {hon} lämnar', 'tystnad i flera dagar som straff'],
  sexual: ['sexuella övergrepp', 'att ha tvingats till sex', 'sexuella handlingar mot {hennes} vilja', 'våldtäkt'],
  economic: ['att hela lönen förs över till {pns} konto', 'lån tagna i {hennes} namn', 'att {hon} inte får ha ett eget bankkort', 'skulder hos Kronofogden som inte är {hennes}', 'att pengar till mat undanhålls'],
  material: ['att möbler slagits sönder', 'att telefonen kastats i golvet', 'en sönderslagen dörr', 'att {hennes} kläder klippts sönder', 'att bilen vandaliserats'],
  latent: ['en ständig rädsla för nästa utbrott', 'en hotfull stämning i hemmet', 'att hela familjen anpassar sig efter {pns} humör'],
  neglect: ['att barnen inte fått mat', 'att ingen vuxen hämtat på förskolan', 'att barnen lämnats ensamma på kvällarna', 'att barnens vård inte fungerat'],
  honour_related: ['att familjen bestämmer vem {hon} får träffa', 'planer på giftermål i hemlandet', 'att släkten kontrollerar var {hon} är', 'hot om att skickas utomlands', 'krav på att {hon} ska skydda familjens rykte'],
  digital: ['spårning via mobilen', 'kränkande meddelanden på sociala medier', 'att {hennes} konton kapats', 'hot om att sprida bilder', 'att {pn} läser {hennes} sms', 'en GPS-sändare under bilen'],
};
let violenceCompiled: Record<string, Template[]> | null = null;

function violence(g: Gen): string {
  violenceCompiled ??= Object.fromEntries(Object.entries(VIOLENCE_WORDS).map(([k, v]) => [k, compile(v)]));
  const types = g.nc.violence;
  const t = types.length > 0 ? pick(g, types) : 'psychological';
  return pick(g, violenceCompiled[t]!).run(g);
}

const SCHOOL_STAFF = ['mentorn', 'kuratorn', 'rektor', 'skolsköterskan', 'klassläraren', 'specialpedagogen', 'elevhälsan'];
const PRESCHOOL_STAFF = ['förskolläraren', 'barnskötaren', 'förskolechefen', 'pedagogerna'];
const AGENCIES = ['Försäkringskassan', 'Arbetsförmedlingen', 'Migrationsverket', 'Kronofogden', 'vårdcentralen', 'BUP', 'vuxenpsykiatrin', 'beroendemottagningen', 'familjerätten', 'budget- och skuldrådgivningen', 'bostadsbolaget', 'hyresvärden', 'Skatteverket', 'kvinnokliniken', 'MVC', 'BVC', 'elevhälsan', 'öppenvården', 'ungdomsmottagningen', 'tandvården'];
const HEALTH = ['vårdcentralen', 'akuten', 'BUP', 'kvinnokliniken', 'vuxenpsykiatrin', 'BVC', 'MVC', 'närakuten', 'ungdomsmottagningen'];
const SHELTERS = ['kvinnojouren', 'Kvinnojouren i {city}', 'tjejjouren', 'brottsofferjouren', 'ideella kvinnojouren'];
const HOUSING = ['det skyddade boendet', 'boendet', 'jourlägenheten', 'kvinnojourens lägenhet', 'stödboendet', 'det kommunala skyddade boendet'];
const POLICE = ['polisen', 'utredaren på polisen', 'relationsvåldsutredaren', 'förundersökningsledaren', 'polisens brottsoffersamordnare', 'kontaktpolisen', 'åklagaren'];
const RISK_TOOLS = ['FREDA-farlighetsbedömning', 'FREDA-kortfrågor', 'SARA:SV', 'Patriark', 'FREDA-beskrivning', 'checklista för skyddsbedömning'];
const SAFETY_ACTIONS = ['byta lås', 'skyddat telefonnummer', 'trygghetslarm via polisen', 'kontaktförbud', 'spärrmarkering i folkbokföringen', 'sekretessmarkering', 'nytt telefonnummer', 'hemlig adress hos arbetsgivaren', 'en väska packad med det viktigaste', 'en överenskommelse med en granne om att ringa 112'];
const FEELINGS = ['rädd', 'orolig', 'trött', 'ledsen', 'lättad', 'stressad', 'nedstämd', 'splittrad', 'skamsen', 'arg', 'lugnare', 'uppgiven', 'osäker', 'hoppfull'];
const DURATIONS = ['en timme', '45 minuter', 'en och en halv timme', 'en halvtimme', 'drygt en timme'];
const PERIODS = ['två veckor', 'tre veckor', 'en månad', 'sex veckor', 'några dagar', 'en vecka'];
const COURTS = ['tingsrätten', 'hovrätten', 'förvaltningsrätten'];
const CRIMES = ['misshandel', 'grov kvinnofridskränkning', 'grov fridskränkning', 'olaga hot', 'ofredande', 'skadegörelse', 'olaga förföljelse', 'barnfridsbrott', 'våldtäkt', 'överträdelse av kontaktförbud'];

/** What a child calls the victim and the person using violence, when they are the child's parents. */
function parentWord(gender: Gender | undefined): string | null {
  return gender === 'kvinna' ? 'mamma' : gender === 'man' ? 'pappa' : null;
}

function twoAgencies(g: Gen): string {
  const a = pick(g, AGENCIES);
  let b = pick(g, AGENCIES);
  if (b === a) b = AGENCIES[(AGENCIES.indexOf(a) + 1) % AGENCIES.length]!;
  return `${a} och ${b}`;
}

const COUNT_WORDS = ['inga', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju'];

// The long tail: everyday things a note can mention, each seldom.
const TOPICS = [
  'semestern hos sin syster i Umeå', 'en konflikt med grannen om tvättstugan', 'sin nya tjänst på ett lager', 'kursen i svenska', 'att bilen har gått sönder',
  'en tandläkartid som skjutits upp', 'att katten har fått flytta till en väninna', 'mammans sjukdom', 'att hon fyller fyrtio', 'pappans begravning i hemlandet',
  'en ansökan om körkortstillstånd', 'sin praktikplats på ett bageri', 'planer på att studera till undersköterska', 'hur julen ska firas i år', 'sina skulder på telefonräkningar',
  'barnens födelsedagskalas', 'en ny kompis från språkcaféet', 'sin oro för brodern', 'att hyran har höjts', 'en resa till Polen som ställts in',
  'flytten från Malmö för tre år sedan', 'körlektionerna som hon har börjat med', 'en gammal skada i knät', 'att hon har slutat röka', 'sina drömmar om att öppna en frisersalong',
  'sina nätter på jobbet inom hemtjänsten', 'en kväll när grannarna ringde polisen', 'att dottern har fått glasögon', 'sonens kalas som blev inställt', 'en rättegång som sköts upp i våras',
  'en väninna som har tagit emot henne några nätter', 'att hon har svårt med pappersarbete', 'sin kontakt med församlingen', 'en kurs i självförsvar', 'sin längtan efter föräldrarna',
  'att hon har fått en cykel av Röda korset', 'matkassar från kyrkan', 'att tvättmaskinen är trasig', 'sin rädsla för att åka buss ensam', 'en konflikt med exsvärmor',
  'att ansökan om medborgarskap är inskickad', 'ett jobberbjudande i en annan stad', 'sina kollegor på städfirman', 'sina studier på komvux', 'att hon har börjat simma igen',
  'att barnen har fått vattkoppor', 'vårdnadshavarens underskrift på passansökan', 'ett sms från en okänd avsändare', 'en mardröm som återkommer', 'hur hon firade eid med väninnor',
  'påskledigheten', 'sportlovet', 'midsommarhelgen', 'höstlovet', 'nyårsafton', 'skolavslutningen', 'en utflykt till Skansen', 'sitt första lönebesked', 'en ny soffa från second hand', 'att grannen har lånat ut en barnvagn',
];
const PLACES = [
  'utanför porten', 'i tvättstugan', 'på parkeringen vid Coop', 'vid busshållplatsen', 'på biblioteket', 'i simhallen', 'utanför förskolan', 'på tågstationen', 'i trapphuset', 'på ICA',
  'vid apoteket', 'i centrum', 'på lekplatsen', 'utanför arbetsplatsen', 'vid vårdcentralen', 'i köpcentret', 'på bussen', 'vid skolgården', 'på torget', 'utanför gymmet',
  'vid återvinningsstationen', 'i källarförrådet', 'på pizzerian', 'vid kyrkan', 'på idrottsplatsen',
];
const ACTIVITIES = ['innebandy', 'simskola', 'scouterna', 'kulturskolan', 'ridning', 'fotbollsträningen', 'dansen', 'judo', 'läxhjälpen', 'fritidsgården', 'gitarrlektionerna', 'teatergruppen', 'schack', 'kören', 'basket', 'klättring', 'friidrott', 'pianolektionerna', 'handboll', 'gymnastiken'];
const SYMPTOMS = ['huvudvärk', 'yrsel', 'ångest', 'panikattacker', 'sömnsvårigheter', 'ryggvärk', 'tinnitus', 'magkatarr', 'koncentrationssvårigheter', 'hjärtklappning', 'migrän', 'nedstämdhet', 'mardrömmar', 'värk i nacken', 'trötthet', 'aptitlöshet', 'högt blodtryck', 'smärtor i bröstet'];
const DOCUMENTS = ['passet', 'id-kortet', 'körkortet', 'barnens pass', 'hyreskontraktet', 'lönespecifikationen', 'bankdosan', 'uppehållstillståndet', 'vaccinationskortet', 'personbeviset', 'kontoutdragen', 'läkarintyget', 'intyget från skolan', 'försäkringsbrevet', 'deklarationen', 'räkningarna', 'domen', 'skilsmässopappren'];
const WORKPLACES = ['på ett lager', 'i en matbutik', 'inom hemtjänsten', 'på ett städföretag', 'på en restaurang', 'på en förskola', 'i vården', 'på ett café', 'på ett hotell', 'i kollektivtrafiken', 'på en bilverkstad', 'på ett callcenter', 'i en frisersalong', 'på ett äldreboende', 'på ett bageri'];
const STREET_PARTS = ['Björk', 'Lind', 'Ek', 'Rönn', 'Hassel', 'Lönn', 'Asp', 'Blåbärs', 'Lingon', 'Smultron', 'Körsbärs', 'Äppel', 'Sjö', 'Skogs', 'Ängs', 'Kvarn', 'Skol', 'Kyrk', 'Stations', 'Hamn', 'Bruks', 'Smedje', 'Solros', 'Klöver', 'Snickar', 'Väver', 'Bagar', 'Tegel', 'Post', 'Trädgårds'];
const STREET_ENDS = ['gatan', 'vägen', 'stigen', 'gränd', 'backen', 'slingan'];

const SLOTS: Readonly<Record<string, Expand>> = {
  v: victimRef,
  V: (g) => cap(victimSubject(g)),
  vs: (g) => (g.rng.chance(0.72) ? possessive(g.nc.victim.first) : 'klientens'),
  Vs: (g) => cap(g.rng.chance(0.72) ? possessive(g.nc.victim.first) : 'klientens'),
  hon: (g) => pron(g.nc.victim.gender)[0]!,
  Hon: (g) => cap(pron(g.nc.victim.gender)[0]!),
  henne: (g) => pron(g.nc.victim.gender)[1]!,
  hennes: (g) => pron(g.nc.victim.gender)[2]!,
  Hennes: (g) => cap(pron(g.nc.victim.gender)[2]!),
  p: perpRef,
  P: (g) => cap(perpRef(g)),
  ps: (g) => possessive(perpRef(g)),
  pns: (g) => pron(g.nc.perpetrator?.gender ?? 'man')[2]!,
  vparent: (g) => parentWord(g.nc.victim.gender) ?? g.nc.victim.first,
  vparents: (g) => possessive(parentWord(g.nc.victim.gender) ?? g.nc.victim.first),
  pparent: (g) => ((g.nc.relation === 'partner' || g.nc.relation === 'ex_partner') && parentWord(g.nc.perpetrator?.gender ?? 'man')) || perpRef(g),
  bnames: (g) => (g.nc.children.length <= 1 ? (g.nc.children[0]?.first ?? 'ett barn') : `${g.nc.children.slice(0, -1).map((k) => k.first).join(', ')} och ${g.nc.children.at(-1)!.first}`),
  nb: (g) => COUNT_WORDS[Math.min(7, g.nc.children.length)]!,
  k: (g) => `${g.rng.int(5, 400)} 000`,
  agencies: twoAgencies,
  topic: (g) => pick(g, TOPICS),
  place: (g) => pick(g, PLACES),
  activity: (g) => pick(g, ACTIVITIES),
  symptom: (g) => pick(g, SYMPTOMS),
  doc: (g) => pick(g, DOCUMENTS),
  job: (g) => pick(g, WORKPLACES),
  street: (g) => `${pick(g, STREET_PARTS)}${pick(g, STREET_ENDS)}`,
  appl: (g) => g.facts.applicant ?? victimRef(g),
  Appl: (g) => cap(g.facts.applicant ?? victimRef(g)),
  pn: (g) => pron(g.nc.perpetrator?.gender ?? 'man')[0]!,
  Pn: (g) => cap(pron(g.nc.perpetrator?.gender ?? 'man')[0]!),
  pno: (g) => pron(g.nc.perpetrator?.gender ?? 'man')[1]!,
  b: childRef,
  B: (g) => cap(childRef(g)),
  c: (g) => focusChild(g)?.first ?? 'barnet',
  C: childSubject,
  cyears: (g) => `${Math.max(1, focusChild(g)?.age ?? 5)} år`,
  oldyear: (g) => String(new Date(g.facts.dayMs).getUTCFullYear() - g.rng.int(1, 6)),
  cs: (g) => possessive(focusChild(g)?.first ?? 'barnet'),
  cage: (g) => AGE_WORDS[Math.min(17, focusChild(g)?.age ?? 5)]!,
  chon: (g) => pron(focusChild(g)?.gender ?? 'okant')[0]!,
  Chon: (g) => cap(pron(focusChild(g)?.gender ?? 'okant')[0]!),
  chans: (g) => pron(focusChild(g)?.gender ?? 'okant')[2]!,
  school: (g) => focusChild(g)?.school ?? 'skolan',
  staff: (g) => ((focusChild(g)?.age ?? 10) < 6 ? pick(g, PRESCHOOL_STAFF) : pick(g, SCHOOL_STAFF)),
  Staff: (g) => cap((focusChild(g)?.age ?? 10) < 6 ? pick(g, PRESCHOOL_STAFF) : pick(g, SCHOOL_STAFF)),
  n: (g) => pick(g, NUMBER_WORDS),
  date: (g) => formatDate(g, g.facts.dayMs + g.rng.int(2, 21) * 86_400_000),
  past: (g) => formatDate(g, g.facts.dayMs - g.rng.int(1, 30) * 86_400_000),
  time,
  day: (g) => pick(g, WEEKDAYS.slice(1, 6)),
  lang: (g) => g.nc.interpreterLanguage ?? pick(g, ['arabiska', 'somaliska', 'dari', 'tigrinja', 'polska']),
  agency: (g) => pick(g, AGENCIES),
  Agency: (g) => cap(pick(g, AGENCIES)),
  health: (g) => pick(g, HEALTH),
  shelter: (g) => pick(g, SHELTERS).replace('{city}', g.nc.city),
  Shelter: (g) => cap(pick(g, SHELTERS).replace('{city}', g.nc.city)),
  housing: (g) => pick(g, HOUSING),
  police: (g) => pick(g, POLICE),
  Police: (g) => cap(pick(g, POLICE)),
  tool: (g) => (g.nc.violence.includes('honour_related') && g.rng.chance(0.6) ? 'Patriark' : pick(g, RISK_TOOLS)),
  act: (g) => pick(g, SAFETY_ACTIONS),
  feel: (g) => pick(g, FEELINGS),
  dur: (g) => pick(g, DURATIONS),
  period: (g) => pick(g, PERIODS),
  court: (g) => pick(g, COURTS),
  crime: (g) => pick(g, CRIMES),
  vio: violence,
  city: (g) => g.nc.city,
  coll: (g) => (g.nc.colleagues.length > 0 ? pick(g, g.nc.colleagues) : 'kollegan'),
  service: (g) => g.facts.serviceLabel ?? (g.nc.services.length > 0 ? pick(g, g.nc.services) : 'stödsamtal'),
  ground: (g) => g.facts.legalGround ?? '4 kap. 1 § SoL',
  corr: (g) => g.facts.correctsDate ?? 'tidigare datum',
};

// ---------------------------------------------------------------- the notes

interface KindTexts {
  open: readonly string[];
  body: readonly string[];
  close: readonly string[];
  /** Shortest and longest text, in characters. */
  length: readonly [number, number];
  /** Body sentences keep the order they are listed in (a decision reads top to bottom). */
  ordered?: boolean;
}

const KINDS: Readonly<Record<NoteKind, KindTexts>> = {
  intake: {
    open: [],
    body: [
      'Förhandsbedömning inleds [samma dag|i dag].',
      '{V} berättar om {vio} och säger att det pågått [i flera år|sedan i våras|under hela relationen|det senaste året].',
      '@b Det finns {nb} barn i hushållet[ som enligt uppgift har varit hemma vid flera tillfällen när våldet ägt rum|]. Förhandsbedömning gällande barnen inleds parallellt.',
      '@b I hushållet finns {bnames}. Det är oklart vad barnen har sett och hört.',
      'Skyddsbedömning görs [direkt|samma eftermiddag] och {v} bedöms [inte ha akut skyddsbehov i nuläget|ha behov av skydd omgående|kunna bo kvar i bostaden om {p} inte återvänder].',
      '{V} informeras om vad socialtjänsten kan erbjuda och om sekretess.',
      'Kontakt tas med {v} per telefon och tid för besök bokas till {date} {time}.',
      '@t {V} talar [främst|bara] {lang} och tolk behöver bokas till kommande samtal.',
      '@P {P} är [känd sedan tidigare|inte tidigare känd] hos socialtjänsten.',
      'Ärendet fördelas på ärendedragning och [undertecknad|{coll}] blir handläggare.',
      '{V} [samtycker till|vill inte att] kontakt tas med {agency}.',
      'Tidigare aktualiseringar [saknas|finns från {oldyear}, då ärendet avslutades utan insats|finns från {oldyear} gällande oro för barnen].',
    ],
    close: ['Ny kontakt {date}.', 'Handläggaren återkommer till {v} inom kort.', 'Ärendet aktualiseras.', 'Förhandsbedömningen ska vara klar inom 14 dagar.'],
    length: [180, 900],
  },
  phone: {
    open: [
      'Telefonsamtal med {v}.',
      'Tfn {v}.',
      '{V} ringer [upp|handläggaren|på telefontiden].',
      'Ringer upp {v} enligt överenskommelse.',
      'Samtal per telefon med {v}[, ca {dur}|].',
      '@t Telefonsamtal med {v} med tolk på {lang}.',
    ],
    body: [
      '{V} berättar att [det har varit lugnt sedan förra samtalet|{p} har hört av sig flera gånger|{hon} har svårt att sova|{hon} är {feel} inför veckan].',
      '{Hon} uppger att {p} [har ringt|har skickat sms|har stått utanför porten|har kontaktat {hennes} familj] [flera gånger|under helgen|i går kväll].',
      '{V} säger att {hon} mår [bättre|sämre|ungefär som förut] och att {hon} [har börjat äta ordentligt igen|har fått sjukskrivning förlängd|har kontakt med {health}].',
      '{V} har frågor om [ansökan om ekonomiskt bistånd|hur en polisanmälan går till|vad som händer med barnen|kontaktförbudet|boendet].',
      'Vi pratar om [säkerhetsplanen|vad {hon} ska göra om {p} dyker upp|hur {hon} kan be om hjälp i trapphuset|vilka {hon} kan ringa på kvällen].',
      '@b {V} berättar att {b} [har frågat efter {p}|sover dåligt|har haft ont i magen|har varit hemma från skolan] [den senaste veckan|ett par dagar].',
      '{V} vill [avvakta med|fortsätta med|pausa] [samtalen|kontakten med {agency}|ansökan] [tills vidare|en vecka|till efter helgen].',
      'Handläggaren påminner om att {v} kan ringa 112 vid akut fara och socialjouren på kvällar och helger.',
      '{V} har varit i kontakt med {agency} och [väntar på besked|fått en tid|fått avslag].',
      '{V} [låter|verkar] {feel} men [samlad|tydlig|lite stressad] i samtalet.',
      '@x {V} berättar att {p} vill ha umgänge med barnen och att det har blivit bråk om [hämtning och lämning|helgerna|sommarlovet].',
      '@d {V} har upptäckt [att någon loggat in på {hennes} mejl|en okänd app i telefonen|att {p} vet var {hon} har varit] och är {feel}.',
      '@e {V} har fått ett brev från Kronofogden om en skuld {hon} inte känner till.',
      '@k {V} påminns om att inte lämna ut {hennes} nya adress till någon utan att först prata med handläggaren.',
      '{V} har träffat [en väninna|sin syster|sin mamma|en granne] som [stöttar|har erbjudit boende|följer med till samtalen].',
      '@P {P} har enligt {v} [varit på {hennes} arbetsplats|kontaktat {hennes} arbetsgivare|lämnat saker utanför dörren|hotat att komma förbi].',
      '@t Tolken [var|är] på plats via telefon och samtalet fungerar bra.',
      '{V} meddelar att {hon} [har sjukanmält sig|inte kan komma på torsdag|har fått en ny telefon|har bytt nummer].',
      'Vi pratar också om {topic}.',
      '{V} har sett {p} {place} [i förrgår|förra veckan|i morse] och blev {feel}.',
      '{V} har [besvär med|fått medicin mot|sökt vård för] {symptom}.',
      '{V} har tappat bort {doc} och behöver hjälp att [beställa nytt|få en kopia].',
      '@b {B} har börjat på {activity} och tycker att det är roligt.',
    ],
    close: [
      'Nästa samtal {date} {time}.',
      'Ny telefontid bokas till {day}.',
      '{V} hör av sig om något händer innan dess.',
      'Handläggaren återkommer [efter kontakt med {agency}|i nästa vecka|när beskedet kommit].',
      'Överenskommet att {v} ringer {day} förmiddag.',
    ],
    length: [110, 650],
  },
  no_answer: {
    open: ['Söker {v} per telefon.', 'Ringer {v}.', 'Försöker nå {v} per telefon {time}.', 'Tfn till {v}.'],
    body: [
      'Inget svar.',
      'Inget svar, lämnar meddelande på röstbrevlådan med begäran om återuppringning.',
      'Signalerna går fram men ingen svarar.',
      'Telefonen är avstängd.',
      '{V} svarar men kan inte prata just nu och ber om att bli uppringd [senare|i morgon|efter kl. 15].',
      'Skickar sms med [ny tid|en påminnelse om tiden {date}|handläggarens nummer].',
      'Meddelandet skickas utan uppgifter som kan avslöja vem som skriver.',
      'Försöker igen efter en timme, [inget svar|fortfarande inget svar].',
    ],
    close: ['Försöker igen {day}.', 'Skickar brev med ny tid.', 'Avvaktar att {v} hör av sig.'],
    length: [100, 240],
  },
  message: {
    open: ['Sms från {v}.', 'Meddelande från {v} via receptionen.', 'E-post från {agency}.', 'Sms till {v}.'],
    body: [
      '{V} skriver att {hon} [inte kan komma {date}|vill boka om tiden|har fått bostadsbeskedet|mår bra].',
      '{V} ber handläggaren ringa upp[ efter kl. 14|].',
      'Handläggaren bekräftar den nya tiden {date} {time}.',
      'Påminnelse skickas om mötet {date}.',
      '{Agency} meddelar att [handlingarna har kommit in|beslutet skickats|ärendet är överlämnat].',
      'Inga personuppgifter skrivs i meddelandet.',
    ],
    close: ['Noteras.', 'Ny tid bokad.', 'Handläggaren svarar samma dag.'],
    length: [100, 260],
  },
  meeting: {
    open: [
      'Besök av {v} på kontoret[, ca {dur}|].',
      'Planerat samtal med {v} på kontoret.',
      'Samtal med {v} på mottagningen.',
      'Möte med {v}[ och {coll}| och {shelter}|].',
      '@t Besök av {v} på kontoret, med kontakttolk på {lang}.',
      '@t Samtal med {v}. Tolk på {lang} deltar via telefon.',
    ],
    body: [
      '{V} berättar om {vio}[, som blivit värre det senaste året|, som pågått i flera år|].',
      '@w {V} berättar att våldet började när {hon} blev gravid[ med sitt första barn|].',
      '{V} beskriver hur {p} [kontrollerar {hennes} ekonomi|bestämmer vem {hon} får träffa|läser {hennes} meddelanden|blir arg för småsaker].',
      '{V} säger att {hon} [skäms|har svårt att prata om det|aldrig berättat för någon tidigare|vill att det ska ta slut].',
      'Vi går igenom vad som hänt sedan förra mötet.',
      '{V} är {feel} och gråter periodvis under samtalet.',
      '{V} [har svårt att koncentrera sig|har tankar på att flytta tillbaka|funderar på att polisanmäla|har bestämt sig för att separera].',
      'Handläggaren ger information om [normaliseringsprocessen|vad våld i nära relationer kan vara|rätten till målsägandebiträde|stöd från {shelter}|hur en skyddsplan fungerar].',
      '@b Vi pratar om hur {b} har det och vad {b} kan ha sett och hört.',
      '@b {V} är orolig för hur {b} påverkas och vill att {b} får [någon att prata med|stöd i skolan|gå i barngrupp].',
      '@P {V} berättar att {p} [har flyttat till sin bror|bor kvar i lägenheten|är häktad|har en ny partner] och att {hon} [känner sig tryggare|är orolig ändå].',
      '@x {V} och {p} har [gemensam vårdnad|pågående vårdnadstvist|ett umgängesavtal som inte följs].',
      '@e {V} har fått hjälp att ta fram kontoutdrag och det framgår att {p} har [tagit ut pengar|låtit bli att betala räkningar|tecknat abonnemang] i {hennes} namn.',
      '@q {V} berättar om {vio} och erbjuds kontakt med {health}.',
      '@r {V} berättar att familjen [har bestämt|vill bestämma] vem {hon} ska gifta sig med och att {hon} inte får ha egna vänner.',
      '@d {V} visar skärmdumpar av meddelanden från {p}. {Hon} uppmanas spara dem till en eventuell polisanmälan.',
      '{V} har kontakt med {health} och har fått [sömntabletter|en remiss till psykolog|sjukskrivning i {period}].',
      '{V} vill [fortsätta med samtalen|ha hjälp med ansökan om bostad|att handläggaren följer med till polisen|ha kontakt med {shelter}].',
      '{V} har [börjat på SFI igen|fått praktik genom Arbetsförmedlingen|tagit kontakt med en advokat|bytt arbetstider].',
      'Samtalet avslutas med att vi går igenom säkerhetsplanen.',
      '{V} berättar om {topic}[ och om {topic}|].',
      '{V} arbetar {job} och har [berättat för chefen om situationen|inte orkat gå till jobbet|fått ändrade arbetstider].',
      '{V} har [besvär med|medicin mot] {symptom} och [{symptom}|sover dåligt] sedan {past}.',
      '{V} tar med {doc} och {doc} till mötet.',
      '{P} har enligt {v} synts {place} [flera gånger|en gång] den senaste veckan.',
      '@b {B} går på {activity} [på tisdagar|två gånger i veckan|på helgerna] och {v} vill att det ska fortsätta.',
      '{V} får med sig information om [stödlinjer|kvinnojourens telefonnummer|hur man tar bort sin webbhistorik|rätten till tolk].',
    ],
    close: ['Nytt samtal bokas till {date} {time}.', 'Nästa möte {date}.', 'Handläggaren kontaktar {agency} enligt överenskommelse.', 'Vi ses igen om {period}.'],
    length: [350, 1500],
  },
  home_visit: {
    open: ['Hembesök hos {v} tillsammans med {coll}.', 'Hembesök enligt överenskommelse.', 'Oanmält hembesök[ tillsammans med {coll}|].', 'Hembesök i {vs} nya bostad.'],
    body: [
      'Lägenheten är [städad och i ordning|stökig|sparsamt möblerad|nyinflyttad med flyttkartonger kvar].',
      'Det finns [spår av skadegörelse på dörren|ett lagat fönster|nya lås på ytterdörren|inga synliga skador] i bostaden.',
      '@b {B} är hemma vid besöket och [leker i sitt rum|hälsar på handläggarna|är tyst och håller sig nära {v}].',
      '@b Barnen har [egna sängar|ett eget rum|delat rum] och det finns [leksaker och böcker|lite saker för barnen].',
      '{V} visar var {p} [slog sönder dörren|brukade sitta|har lämnat kvar saker].',
      'Vi går igenom hur {v} kan ta sig ut snabbt om något händer.',
      '{V} har fått hjälp av [grannen|{hennes} bror|hyresvärden] med att byta lås.',
      '@t Tolk på {lang} deltar via telefon under besöket.',
      '{V} bjuder på kaffe och är mer avslappnad än vid besöken på kontoret.',
      'Lägenheten ligger på {street} och har [två rum och kök|tre rum|en etta med kokvrå], [tredje|andra|fjärde] våningen.',
      'Vi pratar om {topic}.',
      '@f {C} är {cage} och [sover middag|visar sina leksaker|är nyfiken på besökarna].',
    ],
    close: ['Besöket varar {dur}.', 'Nästa hembesök {date}.', 'Handläggaren återkommer med besked om {service}.'],
    length: [300, 1100],
  },
  safety: {
    open: [
      'Skyddsbedömning.',
      'Riskbedömning med stöd av {tool}.',
      'Säkerhetsplanering tillsammans med {v}.',
      'Uppföljning av skyddsbedömningen.',
      'Bedömning av skyddsbehov efter ny händelse.',
    ],
    body: [
      'Bedömningen görs med stöd av {tool}.',
      '{V} beskriver att {p} [har hotat att döda {henne}|har tagit strypgrepp|har tillgång till vapen|har missbruk|har varit svartsjuk under lång tid], vilket är en allvarlig riskfaktor.',
      'Våldet har [ökat i frekvens|blivit grövre|skett inför barnen|skett även utanför hemmet] enligt {v}.',
      '@w Våldet har enligt {v} förekommit även under graviditeten.',
      '{V} har själv gjort en bedömning av sin risk och säger att {hon} [är mycket rädd|är rädd|är osäker|inte är rädd] för {p}.',
      'Följande skyddsåtgärder diskuteras: {act}, {act} och {act}.',
      '{V} har redan [bytt lås|skaffat nytt telefonnummer|berättat för arbetsgivaren|fått trygghetslarm].',
      'Kontakt tas med {police} angående [kontaktförbud|trygghetslarm|förstärkt skydd|anmälan om överträdelse].',
      '@k {Vs} adress har skyddad folkbokföring och uppgifter om vistelseort får inte lämnas ut.',
      '@b Barnens skydd beaktas särskilt: {b} ska inte hämtas av någon annan än {v}[ och förskolan/skolan är informerad|].',
      '@h {V} bor på {housing} och har fått information om boendets regler för säkerhet.',
      '@r Risk för hedersrelaterat våld bedöms med stöd av Patriark. Även andra släktingar kan utgöra en risk.',
      '@d Telefonen kontrolleras tillsammans med {v} och platsdelning stängs av.',
      'Sammantaget bedöms risken för nytt allvarligt våld som [hög|förhöjd|måttlig|låg i nuläget].',
      'Skyddsbedömningen ska följas upp [om {period}|vid varje förändring|efter förhandlingen i {court}].',
    ],
    close: ['Säkerhetsplanen skrivs ut och {v} får en kopia.', 'Ny bedömning görs {date}.', 'Bedömningen dokumenteras i sin helhet i utredningen.'],
    length: [350, 1400],
  },
  child_talk: {
    open: [
      '@o Barnsamtal med {c}.',
      '@o Samtal med {c}, {cyears}, på {school}.',
      '@o Enskilt samtal med {c} på kontoret.',
      '@o Barnsamtal med {c} i samband med utredningen enligt 11 kap. 1 § SoL.',
    ],
    body: [
      '@b {C} [ritar medan vi pratar|vill först inte prata|är pratglad|svarar kort på frågorna].',
      '@b {C} berättar att {chon} [hörde bråk på nätterna|såg när {pparent} slog {vparent}|gömde sig i garderoben|ringde till mormor].',
      '@b {C} säger att det är [bäst hemma när {pparent} inte är där|läskigt när de vuxna skriker|tråkigt att inte träffa {pparent}].',
      '@b {C} sover [dåligt|i {vparents} säng|med lampan tänd] och har [ont i magen|mardrömmar|svårt att somna].',
      '@b {C} tycker om [fotboll|att rita|Minecraft|att dansa|sin katt|att bygga lego|att baka|att läsa serier|sin hamster|att spela Roblox] och har [en bästa kompis|få kompisar|många kompisar].',
      '@b {C} går på {activity} och berättar om [en match|en uppvisning|en tävling|en ny tränare].',
      '@b {C} vet att samtalet handlar om hur det är hemma och har fått information på ett sätt som passar {chans} ålder.',
      '@b {C} vill [att {vparent} ska vara glad|inte flytta igen|träffa {pparent} ibland|att bråken ska sluta].',
      '@b {C} tycker det är [bra|okej|jobbigt] att prata med någon och vill träffas igen.',
      '@b Samtalet anpassas efter {cs} ålder med hjälp av bildstöd.',
      '@b {C} har tidigare fått [stöd av kuratorn|gå i Trappan|samtal på BUP].',
    ],
    close: ['@b Nästa barnsamtal {date}.', '@b {V} informeras i allmänna ordalag om samtalet.', '@b {C} hämtas av {vparent} efter samtalet.'],
    length: [300, 1300],
  },
  school: {
    open: ['@s Telefonsamtal med {staff} på {school}.', '@s Kontakt med {school} angående {c}.', '@s Möte på {school} med {staff}.', '@s {Staff} på {school} ringer angående {c}.'],
    body: [
      '@b {C} har [hög frånvaro|kommit sent flera gånger|varit trött och ledsen|fungerat bra] [den senaste tiden|under hösten|sedan jullovet].',
      '@b Skolan har [inte märkt något särskilt|sett att {c} drar sig undan|haft oro för {c} en tid|gjort en orosanmälan tidigare].',
      '@b {Staff} berättar att {c} [har svårt med koncentrationen|blir arg snabbt|har en bra relation till läraren|leker mest ensam på rasterna].',
      '@b Skolan informeras om att [{c} inte får hämtas av {p}|uppgifter om {c} inte får lämnas ut|{c} har skyddade personuppgifter].',
      '@b {Staff} erbjuder [stödsamtal i skolan|extra stöd i matematik|en vuxen att gå till på rasterna|anpassningar i skolarbetet].',
      '@b Överenskommelse om att skolan hör av sig vid frånvaro eller om {p} dyker upp.',
      '@b {C} har [bytt klass|fått en elevassistent|börjat på fritids igen|varit med på friluftsdagen] och [trivs|har svårt att komma till ro].',
      '@b {Staff} nämner att {c} har klagat på {symptom}.',
      '@b Skolan har märkt att {p} har synts {place} nära skolan.',
    ],
    close: ['@b Ny kontakt med skolan om {period}.', '@b Uppföljningsmöte {date}.', '@b {Staff} kontaktas igen inför utredningens slut.'],
    length: [200, 900],
  },
  preschool: {
    open: ['@f Telefonsamtal med {staff} på {school}.', '@f Kontakt med {school} angående {c}.', '@f Besök på {school}.'],
    body: [
      '@f {C} går på förskolan [fem dagar i veckan|halvtid|tre dagar i veckan] och har [kommit in i rutinerna|haft svårt vid lämning|blivit tryggare].',
      '@f {Staff} berättar att {c} [är ledsen vid lämning|leker mest för sig själv|har blivit mer utåtriktad|har svårt att vila].',
      '@f Förskolan informeras om att {c} inte får hämtas av någon annan än {vparent}.',
      '@f Förskolan har [inte märkt något särskilt|sett att {c} reagerar starkt på höga ljud|haft oro för {c} en tid].',
      '@f {C} har [börjat prata mer|fått en ny kompis|varit sjuk mycket] enligt {staff}.',
      '@f Överenskommelse om att förskolan hör av sig om {c} inte kommer eller om något oroar.',
    ],
    close: ['@f Ny kontakt med förskolan om {period}.', '@f {Staff} hör av sig vid behov.'],
    length: [150, 700],
  },
  police: {
    open: ['Kontakt med {police}.', 'Samtal med {police} angående [förundersökningen|kontaktförbudet|anmälan].', '{Police} ringer.', 'Information från {police}.'],
    body: [
      '~fu Förundersökning har inletts gällande {crime}[ och {crime}|].',
      '{P} har [hörts|delgetts misstanke|anhållits|släppts efter förhör|häktats] [i går|i helgen|{past}].',
      'Åklagaren har beslutat om kontaktförbud[ som gäller till {date}|, även omfattande {vs} arbetsplats|].',
      '~fu Förundersökningen har lagts ned[ eftersom brott inte kan styrkas|]. {V} har informerats.',
      '~fu Huvudförhandling i {court} är utsatt till {date}.',
      '{V} har fått målsägandebiträde[ och har träffat advokaten|].',
      '@b Förhör med {c} hålls i barnahus {date}. Handläggaren deltar i samrådet.',
      '~fu {V} vill [inte|gärna] göra en polisanmälan och får information om hur det går till.',
      'Polisen har gjort en hotbildsbedömning och {v} [erbjuds trygghetslarm|bedöms inte behöva personskydd|ska få kontakt med brottsoffersamordnaren].',
      'Anmälan om överträdelse av kontaktförbud har lämnats in.',
      '~fu @P {P} har dömts i {court} för {crime} till [skyddstillsyn|fängelse i åtta månader|villkorlig dom och samhällstjänst|böter].',
    ],
    close: ['Handläggaren informerar {v}.', 'Ny kontakt med polisen efter {date}.', 'Noteras i skyddsbedömningen.'],
    length: [200, 900],
  },
  housing: {
    open: ['Boende.', 'Kontakt med {housing}.', 'Samtal med {v} om boendet.', 'Kontakt med bostadsbolaget.'],
    body: [
      'Plats på skyddat boende ordnas via [kommunens upphandlade boende|{shelter}|en annan kommun] från {date}.',
      '{V} [och barnen |]flyttar in på {housing} [i dag|i morgon|{date}].',
      '{V} har fått ett andrahandskontrakt [via kommunen|på en övergångslägenhet] i {city}.',
      'Hyresvärden kontaktas angående [förtur|byte av lägenhet|hyresskulden|nya lås].',
      'En lägenhet på {street} i {city} är ledig från {date}.',
      '{V} behöver [{doc}|hyreskontraktet] till ansökan om bostad.',
      'Bostadsbolaget kan erbjuda en lägenhet [i annan del av kommunen|från {date}|om {period}].',
      '{V} trivs [bra|inte] på boendet och saknar [sitt gamla område|sina vänner|sina saker].',
      'Flyttfirma bokas och {vs} saker magasineras tills vidare.',
      'Boendet rapporterar att {v} [följer planeringen|har haft besök av en väninna|har varit ute sent|har svårt med rutinerna].',
      '@h Placeringen på {housing} följs upp. Behovet bedöms kvarstå i ytterligare {period}.',
      '@k Den nya adressen omfattas av skyddad folkbokföring.',
      '@b Barnen [har fått plats i förskola|börjar i ny skola|går kvar i sin gamla skola med skolskjuts] från det skyddade boendet.',
    ],
    close: ['Uppföljning med boendet {date}.', 'Handläggaren kontaktar hyresvärden igen {day}.', 'Beslut om fortsatt placering tas före {date}.'],
    length: [200, 900],
  },
  economy: {
    open: ['Ekonomi.', 'Samtal med {v} om ekonomin.', 'Ansökan om ekonomiskt bistånd.', 'Kontakt med {agency} om ekonomin.'],
    body: [
      '{V} ansöker om ekonomiskt bistånd för [hyra och uppehälle|en månads hyra|flyttkostnader|hemutrustning|kläder till barnen].',
      '{V} har [ingen egen inkomst|sjukpenning|lön från timanställning|etableringsersättning] och kan inte betala hyran.',
      'Kontoutdrag och hyresavi lämnas in. Ansökan [utreds|är komplett|kompletteras].',
      '@e Det framkommer att {p} har [tagit lån|skrivit avtal|gjort beställningar] i {vs} namn och {v} har skulder på ca {k} kronor.',
      '{V} får hjälp att ansöka om [bostadsbidrag|underhållsstöd|barnbidrag till eget konto|skuldsanering].',
      'Kontakt med budget- och skuldrådgivningen förmedlas.',
      'Försäkringskassan informeras om [ändrad adress med sekretess|att {v} har ensam vårdnad nu|att underhållsstöd behövs].',
      '{V} har öppnat ett eget bankkonto som {p} inte har tillgång till.',
      '{V} har [timmar|ett vikariat|en provanställning] {job} och lönen räcker inte hela månaden.',
      '{V} lämnar in {doc} och {doc}.',
    ],
    close: ['Beslut om bistånd fattas efter att underlaget kommit in.', 'Utbetalning sker {date}.', 'Ekonomin följs upp nästa månad.'],
    length: [200, 850],
  },
  interpreter: {
    open: ['@t Tolk.', '@t Bokning av tolk.', '@t Kontakt med tolkförmedlingen.'],
    body: [
      '@t Kontakttolk på {lang} bokas till samtalet {date} {time}.',
      '@t {V} önskar en [kvinnlig|manlig] tolk och inte någon från {hennes} hemstad.',
      '@t Tolken byts eftersom {v} känner igen [tolkens röst|tolken från sitt bostadsområde].',
      '@t Telefontolk används eftersom ingen kontakttolk på {lang} finns tillgänglig.',
      '@t Tolken informeras om tystnadsplikt och om att samtalet rör skyddade uppgifter.',
      '@t Samtalet avbryts när tolken inte ansluter; ny tid bokas.',
    ],
    close: ['@t Tolk bekräftad.', '@t Bokningen bekräftas per e-post.'],
    length: [100, 450],
  },
  collab: {
    open: [
      'Samverkansmöte med {agencies}.',
      'Samverkansmöte med {agency} och {shelter}.',
      'SIP-möte (samordnad individuell plan)[ med {v}|].',
      'Samverkansmöte[ på {school}|].',
      'Möte med {agency} tillsammans med {v}.',
      'Samråd med {police} och {agency}.',
    ],
    body: [
      'Närvarande: {v}, [{coll}, |]handläggaren samt företrädare för {agencies}.',
      'Syftet med mötet är att samordna insatserna kring {v}[ och barnen|].',
      'Alla parter delar bilden att {v} behöver [stöd i vardagen|en trygg bostad|hjälp med ekonomin|fortsatt skydd].',
      '{Agency} berättar att [ansökan har beviljats|utredningen pågår|de väntar på läkarintyg|kontakten har fungerat bra].',
      'Ansvarsfördelning: socialtjänsten ansvarar för [boendet och samtalen|ekonomin|skyddsbedömningen], {agency} för [behandlingen|sjukskrivningen|arbetsträningen].',
      '@b {Staff} från {school} deltar och berättar om hur {c} har det i skolan.',
      '@b BUP har påbörjat [en bedömning|traumabehandling] för {c}.',
      'Överenskommelse om att dela information [med {vs} samtycke|enligt samtycke som {v} lämnat skriftligt].',
      'Nästa steg är att [söka bostad|ansöka om kontaktförbud|följa upp skolgången|planera flytten].',
    ],
    close: ['Nytt SIP-möte {date}.', 'Protokoll skickas till deltagarna.', 'Uppföljning om {period}.'],
    length: [400, 1400],
  },
  assessment: {
    open: ['Förhandsbedömning.', 'Utredning inleds.', 'Utredning enligt 11 kap. 1 § SoL.', 'Uppdatering av utredningen.', 'Utredningen slutförs.'],
    body: [
      'Av aktualiseringen framgår att {v} har utsatts för {vio}.',
      'Utredningen ska belysa {vs} behov av [stöd och skydd|boende|samtal|ekonomiskt bistånd].',
      '@b Utredningen omfattar även {b}, som bedöms ha bevittnat våld i hemmet.',
      '@b Barnens behov utreds enligt BBIC. Samtal har hållits med {b}.',
      'Underlag har inhämtats från [{agency} och {agency}|{police}|{health}] med {vs} samtycke.',
      '{V} har själv beskrivit {hennes} situation vid {n} samtal.',
      'Utredningstiden förlängs [med {period}|till {date}] eftersom [förhör i barnahus inte är klart|underlag från BUP saknas|{v} varit sjuk].',
      '@r Utredningen beaktar hedersnormer i familjen och risk för påtryckningar från släkten.',
      'Utredningen visar att {v} har behov av [{service}|stöd och skydd|fortsatta stödsamtal].',
    ],
    close: ['Beslut om insatser fattas {date}.', 'Utredningen kommuniceras med {v} före beslut.', 'Förhandsbedömningen avslutas med att utredning inleds.'],
    length: [400, 1500],
  },
  perpetrator: {
    open: ['@P Samtal med {p}.', '@P Telefonsamtal med {p}.', '@P {P} kommer till kontoret på kallelse.'],
    body: [
      '@P {P} [förnekar|tonar ned|erkänner delvis|vill inte kommentera] det som {v} har berättat.',
      '@P {Pn} säger att [det har varit bråk|båda har skrikit|{pn} aldrig har slagit någon|{pn} vill ha hjälp].',
      '@P {P} erbjuds kontakt med [Alternativ till våld|Manscentrum|öppenvården] och [tackar ja|tackar nej|vill tänka på saken].',
      '@P {P} informeras om att utredningen rör barnens situation och att {pno} kan lämna sin syn.',
      '@P {P} vill ha umgänge med barnen och har kontaktat familjerätten.',
      '@P {P} har [missbruk|psykisk ohälsa|tidigare domar för våld] enligt egen uppgift.',
    ],
    close: ['@P Nytt samtal med {p} {date}.', '@P Uppgifterna vägs in i utredningen.'],
    length: [250, 900],
  },
  followup: {
    open: ['Uppföljning av {service}.', 'Uppföljning med {v}.', 'Samtal enligt plan.', 'Stödsamtal med {v}.', 'Uppföljningssamtal[ på kontoret|, digitalt|].'],
    body: [
      '{V} tycker att [samtalen hjälper|det går framåt|det är tungt just nu|{hon} har blivit starkare].',
      'Vi följer upp målen i genomförandeplanen: [trygg bostad|egen ekonomi|stöd för barnen|skydd mot {p}].',
      '{V} har [flyttat till egen lägenhet|börjat arbeta|fått plats på SFI|börjat i gruppverksamhet].',
      '{V} har inte haft kontakt med {p} [sedan {past}|på flera veckor|utom via familjerätten].',
      '@u Insatsen {service} löper enligt plan och {v} [vill fortsätta|vill avsluta om {period}|är nöjd].',
      '@b Barnen har [börjat i barngrupp|fått samtal på BUP|kommit till ro i skolan].',
      '{V} berättar att {hon} [har börjat sova bättre|har fått nya vänner|har tagit körkort|har kontakt med sin familj igen].',
      '{V} berättar om {topic}.',
      '{V} har mindre {symptom} än tidigare.',
      '@b {B} har börjat på {activity}.',
      'Handläggaren och {v} pratar om vad som behövs för att kunna avsluta kontakten.',
    ],
    close: ['Nästa uppföljning {date}.', 'Plan: fortsatt stöd i {period}.', 'Genomförandeplanen revideras {date}.'],
    length: [250, 1000],
  },
  decision: {
    open: ['Beslut.', 'Beslut om {service}.', 'Beslut fattat.'],
    body: [
      '{Appl} har ansökt om {service}.',
      'Beslut fattas enligt {ground}.',
      'Beslutet gäller {service} [från {date}|tills vidare|i {period}].',
      '{V} informeras om beslutet och hur man överklagar.',
      'Beslutet skickas till {v} med post.',
      '@k Beslutet lämnas över vid besök eftersom adressen är skyddad.',
      'Insatsen följs upp inom {period}.',
    ],
    close: ['Beslutet meddelas {v} samma dag.', 'Ärendet fortsätter enligt plan.'],
    length: [130, 600],
    ordered: true,
  },
  closing: {
    open: ['Avslutning.', 'Avslutande samtal med {v}.', 'Ärendet avslutas.', 'Sammanfattning inför avslut.'],
    body: [
      '{V} har fått [stöd och skydd|samtal och hjälp med boende|hjälp med ekonomin] under [flera månader|hela utredningen|ungefär ett år|ett halvår].',
      '{V} bor nu [i egen lägenhet|kvar i bostaden|hos en släkting|i en annan kommun] och har inte längre kontakt med {p}.',
      '{V} upplever att {hon} är [tryggare nu|mindre rädd än när kontakten började].',
      '@b Barnen har fått stöd och fungerar [bra|allt bättre] i skolan och förskolan.',
      '{V} informeras om att {hon} kan höra av sig igen om något händer.',
      'Kontakten med {shelter} fortsätter på {vs} eget initiativ.',
      'Skyddsbedömningen inför avslut visar att risken är [låg|förändrad sedan {p} flyttat].',
    ],
    close: ['Ärendet avslutas.', 'Ärendet avslutas i samförstånd med {v}.', 'Avslutas.'],
    length: [250, 1100],
    ordered: true,
  },
  correction: {
    open: ['Rättelse av anteckning daterad {corr}.', 'Rättelse avseende anteckningen {corr}.', 'Rättelse: anteckningen {corr}.'],
    body: [
      'I anteckningen har fel datum angetts för samtalet; rätt datum är {past}.',
      'Det står felaktigt att {v} ringde upp; det var handläggaren som ringde.',
      '@b Barnets namn är felstavat i anteckningen.',
      'Uppgiften om att {p} hade kontaktat {v} är felaktig; det var {hennes} bror.',
      'Tolkspråket är fel angivet; samtalet fördes på {lang}.',
      'Meningen om polisanmälan ska strykas: någon anmälan var inte gjord vid tillfället.',
      'Uppgiften om antal barn i hushållet är fel; rätt antal är {n}.',
      'Anteckningen gäller inte detta ärende utan har förts in här av misstag.',
    ],
    close: ['Den ursprungliga anteckningen står kvar oförändrad.', 'Rättelsen görs på uppgift av {v}.', 'Rättat av handläggaren.'],
    length: [100, 400],
  },
};

/** First lines of the intake note, by how the case came in. */
const INTAKE_OPEN: Readonly<Record<IntakeSource, readonly string[]>> = {
  report_police: [
    'Polisanmälan inkommer gällande misstänkt {crime} i hemmet. {V} är målsägande och {p} är misstänkt.',
    'Underrättelse från polisen efter utryckning till bostaden [{past}|i helgen|i natt]. {V} uppges ha utsatts för {vio}.',
  ],
  own_application: ['{V} ringer själv och ber om stöd. {Hon} berättar om {vio}.', '{V} söker själv kontakt via mottagningen och ansöker om stöd och skydd.'],
  report_school: ['@b Orosanmälan från {school} gällande {c}. {C} har berättat för {staff} om bråk hemma.', 'Orosanmälan från skolan: ett barn i familjen har berättat om våld i hemmet.'],
  report_health_care: ['Orosanmälan från {health}. {V} har sökt vård för skador som kan komma från {vio}.', 'Anmälan från {health} efter att {v} berättat om våld vid ett besök.'],
  report_other_authority: ['Anmälan från {agency} som har fått kännedom om att {v} utsätts för {vio}.', 'Underrättelse från {agency} gällande {v}.'],
  report_public: ['Anmälan från en granne som [hört skrik och dunsar från lägenheten|sett {p} bära ut saker i trapphuset|hört barn gråta sent på kvällen].', 'Anonym anmälan om oro för en kvinna och barn på adressen i {city}.'],
  islandsmodellen: [
    'Ärendet aktualiseras enligt Islandsmodellen. Socialsekreterare och polis gör gemensamt hembesök [samma kväll|dagen efter larmet] efter anmälan om {crime}.',
    'Islandsmodellen: polisen larmar socialtjänsten efter ingripande i bostaden. Socialsekreterare möter {v} på plats.',
  ],
  screening_other_agency: ['Vid rutinfrågor om våld på {health} har {v} berättat om {vio} och samtyckt till kontakt med socialtjänsten.', '{Agency} kontaktar socialtjänsten med {vs} samtycke efter att ha ställt frågor om våld.'],
  transfer_municipality: ['Ärendet överflyttas från [Exempelstads|Låtsasbys|en annan] kommun där {v} tidigare haft stöd.', 'Begäran om överflyttning har godkänts. Akten från den tidigare kommunen har kommit in.'],
  womens_shelter: ['{Shelter} kontaktar socialtjänsten med {vs} samtycke. {V} har bott hos jouren sedan {past}.', 'Kontakt från {shelter}: {v} har sökt skydd hos jouren efter {vio}.'],
};

/** "Bedömning" and "Planering" paragraphs of long notes. */
const ASSESS = [
  'Bedömning: {V} bedöms ha fortsatt behov av stöd och skydd.',
  'Bedömning: Situationen är [stabilare|oförändrad|mer osäker] än vid förra kontakten.',
  'Bedömning: Risken för nytt våld bedöms som [hög|förhöjd|måttlig] utifrån det som framkommit.',
  '@b Bedömning: Barnen bedöms ha behov av stöd för att bearbeta det de har varit med om.',
  'Bedömning: {V} har goda förutsättningar att ta emot stöd och är motiverad.',
];
const PLAN = [
  'Planering: Fortsatta samtal varannan vecka, nästa {date}.',
  'Planering: Handläggaren kontaktar {agency} och återkommer till {v}.',
  'Planering: Ny skyddsbedömning {date}.',
  '@b Planering: Barnsamtal med {b} bokas.',
  'Planering: Uppföljning i samverkan med {shelter}.',
];
/** Short general sentences used to bring a note up to its length. */
const GENERAL = [
  '{V} har fått information om sekretess.',
  'Samtalet hålls i ett enskilt rum.',
  '{V} ger sitt samtycke till att handläggaren kontaktar {agency}.',
  'Inget nytt har hänt sedan förra kontakten.',
  '{V} är {feel} men tydlig i det {hon} berättar.',
  'Handläggaren dokumenterar efter samtalet.',
  'Kontakt med {agency} planeras.',
  '@t Tolk på {lang} deltar.',
];

const CLOSING_REASON_TEXT: Readonly<Record<string, Template>> = Object.fromEntries(
  Object.entries({
    goal_met: 'Målen i genomförandeplanen bedöms vara uppnådda.',
    goal_partly_met: 'Målen är delvis uppnådda[; {v} har fortfarande kontakt med {agency}|].',
    goal_not_met: 'Målen har inte uppnåtts[ men {v} vill inte ha fortsatt kontakt|].',
    moved_away: '{V} har flyttat till [en annan kommun|annan ort] och fått information om att söka stöd där.',
    declined_help: '{V} tackar nej till fortsatt stöd[ och vill avsluta kontakten|].',
    other: 'Ärendet avslutas av annan anledning[ efter samråd med {coll}|].',
  }).map(([k, v]) => [k, compile([v])[0]!]),
);

interface CompiledKind {
  open: Template[];
  body: Template[];
  close: Template[];
  length: readonly [number, number];
  ordered: boolean;
}

const COMPILED: Readonly<Record<NoteKind, CompiledKind>> = Object.fromEntries(
  Object.entries(KINDS).map(([k, v]) => [k, { open: compile(v.open), body: compile(v.body), close: compile(v.close), length: v.length, ordered: v.ordered ?? false }]),
) as unknown as Record<NoteKind, CompiledKind>;
const INTAKE_COMPILED: Readonly<Record<IntakeSource, Template[]>> = Object.fromEntries(Object.entries(INTAKE_OPEN).map(([k, v]) => [k, compile(v)])) as unknown as Record<IntakeSource, Template[]>;
const ASSESS_COMPILED = compile(ASSESS);
const PLAN_COMPILED = compile(PLAN);
const GENERAL_COMPILED = compile(GENERAL);

/** Whether the case has what a note kind needs at all (its openings need something the case lacks). */
export function kindFits(kind: NoteKind, nc: NoteCase): boolean {
  const k = COMPILED[kind];
  return k.open.length === 0 || k.open.some((t) => (t.need & ~nc.mask) === 0);
}

function fits(t: Template, mask: number): boolean {
  return (t.need & ~mask) === 0;
}

function pickTemplate(g: Gen, list: readonly Template[]): Template | null {
  for (let i = 0; i < 8; i++) {
    const t = list[Math.floor(g.rng.next() * list.length)]!;
    if (fits(t, g.nc.mask)) return t;
  }
  const ok = list.filter((t) => fits(t, g.nc.mask));
  return ok.length > 0 ? ok[Math.floor(g.rng.next() * ok.length)]! : null;
}

/** Ages of the child a note about one child is about. */
const CHILD_AGES: Partial<Record<NoteKind, readonly [number, number]>> = { child_talk: [4, 17], school: [6, 17], preschool: [0, 5] };

/** A length in characters for a note of this kind: most near the short end, a few long. */
function targetLength(rng: Rng, [min, max]: readonly [number, number]): number {
  const x = rng.next();
  return Math.round(min + (max - min) * x * x * (0.6 + 0.4 * rng.next()));
}

export const NOTE_MIN = 100;
export const NOTE_MAX = 1500;

/**
 * One note. `rng` should be the entry's own stream, so a note does not depend
 * on the notes written before it.
 */
export function composeNote(rng: Rng, nc: NoteCase, kind: NoteKind, facts: NoteFacts): string {
  const g: Gen = { rng, nc, facts, child: null, childAges: CHILD_AGES[kind] ?? [0, 17], victimNamed: false, childNamed: false };
  const k = COMPILED[kind];
  const target = Math.max(NOTE_MIN, Math.min(NOTE_MAX, targetLength(rng, k.length)));
  const sentences: string[] = [];
  let length = 0;
  const add = (s: string) => {
    sentences.push(s);
    length += s.length + 1;
  };

  const opening = kind === 'intake' ? pickTemplate(g, INTAKE_COMPILED[nc.source]) ?? pickTemplate(g, INTAKE_COMPILED.own_application) : k.open.length > 0 ? pickTemplate(g, k.open) : null;
  if (opening) add(opening.run(g));
  if (kind === 'closing' && facts.closingReason) {
    const reason = CLOSING_REASON_TEXT[facts.closingReason];
    if (reason) add(reason.run(g));
  }
  if (kind === 'decision' && facts.outcome) {
    add(facts.outcome === 'refused' ? 'Ansökan avslås.' : facts.outcome === 'partly_granted' ? 'Ansökan beviljas delvis.' : 'Ansökan beviljas.');
  }
  const closing = k.close.length > 0 ? pickTemplate(g, k.close)?.run(g) ?? '' : '';
  const reserve = closing.length + 1;

  // Body sentences, each at most once, until the note is long enough.
  const paragraphs: string[][] = [];
  if (k.ordered) {
    for (const t of k.body) {
      if (length + reserve >= target && sentences.length > 1) break;
      if (!fits(t, nc.mask) || rng.chance(0.25)) continue;
      const s = t.run(g);
      if (length + s.length + reserve > NOTE_MAX) break;
      add(s);
    }
  } else {
    const used = new Set<Template | string>();
    for (let tries = 0; tries < 40 && length + reserve < target; tries++) {
      const t = pickTemplate(g, k.body.length > 0 ? k.body : GENERAL_COMPILED);
      if (!t || used.has(t) || (t.group !== null && used.has(t.group))) continue;
      used.add(t);
      if (t.group !== null) used.add(t.group);
      const s = t.run(g);
      if (length + s.length + reserve > NOTE_MAX) break;
      add(s);
    }
  }
  paragraphs.push(sentences.splice(0));
  // Long notes end with an assessment and a plan, each its own paragraph.
  if (target >= 800) {
    for (const list of [ASSESS_COMPILED, PLAN_COMPILED]) {
      const t = pickTemplate(g, list);
      if (!t) continue;
      const s = t.run(g);
      if (length + s.length + reserve + 2 > NOTE_MAX) break;
      length += s.length + 2;
      paragraphs.push([s]);
    }
  }
  if (closing) paragraphs[paragraphs.length - 1]!.push(closing);
  let text = paragraphs.map((p) => p.join(' ')).join('\n\n');
  // Too short (a few very short sentences): add general ones.
  for (let tries = 0; text.length < NOTE_MIN && tries < 20; tries++) {
    const t = pickTemplate(g, GENERAL_COMPILED);
    if (t) text += ` ${t.run(g)}`;
  }
  if (text.length > NOTE_MAX) text = text.slice(0, text.lastIndexOf('.', NOTE_MAX - 1) + 1);
  return text;
}

/** Every template compiled (throws on a broken one); for tests. */
export function templateCount(): number {
  return Object.values(COMPILED).reduce((n, k) => n + k.open.length + k.body.length + k.close.length, 0) + ASSESS_COMPILED.length + PLAN_COMPILED.length + GENERAL_COMPILED.length;
}
