import type { SnippetPart } from './contract.js';

/** At most this many words of a query are searched for; the rest are ignored. */
export const SEARCH_MAX_TERMS = 8;
/** A word longer than this is cut (no real word is; it bounds the work per term). */
const TERM_MAX_CHARS = 60;

/** The runs of letters, digits, combining marks and private-use characters in a text: its words as FTS5's `unicode61` tokenizer splits them. */
export function tokenWords(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [];
}

/**
 * The words of a search as the FTS5 `unicode61` tokenizer sees them: runs of
 * letters, digits, combining marks and private-use characters. Everything
 * else — quotes, `*`, `^`, `:`, `(`, `)`, `+`, `-` — only separates words.
 */
export function searchWords(query: string): string[] {
  const words = tokenWords(query);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    const word = w.slice(0, TERM_MAX_CHARS);
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(word);
    if (out.length === SEARCH_MAX_TERMS) break;
  }
  return out;
}

/**
 * A safe FTS5 MATCH expression for what a worker typed: every word becomes a
 * quoted prefix term, and terms are joined by FTS5's implicit AND. Operators
 * typed by the worker (`AND`, `OR`, `NOT`, `NEAR`, `text:`, `^`, `*`) are
 * therefore only words to look for, never syntax. Null when nothing is
 * searchable, so the caller returns no hits instead of matching everything.
 *
 * @example ftsMatchExpression('köket OR "slag*') // '"köket"* "OR"* "slag"*'
 */
export function ftsMatchExpression(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  // Words hold no quote after searchWords; doubling is the FTS5 escape should that ever change.
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** Words of context in a search snippet. */
export const SNIPPET_TOKENS = 12;

/** A character of a word as the FTS5 `unicode61` tokenizer sees it (the same characters as searchWords). */
const TOKEN_CHAR = /^[\p{L}\p{N}\p{M}\p{Co}]$/u;

/** Each character seen in a text: its folded form, or null for a separator. Few distinct characters occur, so a text is folded by lookups. */
const charFolds = new Map<string, string | null>();

function foldChar(ch: string): string | null {
  let f = charFolds.get(ch);
  if (f === undefined) {
    if (charFolds.size > 10_000) charFolds.clear();
    f = TOKEN_CHAR.test(ch) ? foldToken(ch) : null;
    charFolds.set(ch, f);
  }
  return f;
}

/**
 * A word folded as `unicode61 remove_diacritics 2` folds it before
 * comparing: lower case, every diacritic removed ("Östlund" → "ostlund").
 * Letters without a decomposition ("ø", "æ") stay, as they do in FTS5.
 */
export function foldToken(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The snippet of a search hit, built from the entry's text: a window of
 * about `size` words holding as many different search words as possible,
 * matched words marked (a text word matches when it starts with a search
 * word, both folded), and "…" where the text is cut. The parts are plain
 * text — the view renders them as text, so markup in a note stays text.
 * A text in which no word matches gives its opening words, unmarked.
 *
 * @example snippet('Samtal i köket när barnen sov.', ['koket']) // [{ text: 'Samtal i ', match: false }, { text: 'köket', match: true }, { text: ' när barnen sov.', match: false }]
 */
export function snippet(text: string, words: readonly string[], size = SNIPPET_TOKENS): SnippetPart[] {
  const terms = [...new Set(words.map(foldToken).filter((w) => w.length > 0))];
  const tokens: { start: number; end: number; term: number }[] = [];
  const addToken = (start: number, end: number, folded: string) => {
    tokens.push({ start, end, term: terms.findIndex((t) => folded.startsWith(t)) });
  };
  let start = -1;
  let folded = '';
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = foldChar(ch);
    if (f === null) {
      if (start >= 0) addToken(start, i, folded);
      start = -1;
    } else {
      if (start < 0) (start = i), (folded = '');
      folded += f;
    }
    i += ch.length;
  }
  if (start >= 0) addToken(start, text.length, folded);
  if (tokens.length === 0) return text.length > 0 ? [{ text, match: false }] : [];
  const n = Math.min(size, tokens.length);
  // The window [first, first + n) covering the most different search words, then the most matches; the earliest wins a tie.
  // Candidate windows start at the text's start or at a match (moved back when the text ends too soon).
  const starts = new Set<number>([0]);
  tokens.forEach((t, k) => {
    if (t.term >= 0) starts.add(Math.min(k, tokens.length - n));
  });
  let first = 0;
  let best = -1;
  for (const i of starts) {
    const seen = new Set<number>();
    let hits = 0;
    for (let k = i; k < i + n; k++) {
      const t = tokens[k]!.term;
      if (t >= 0) (seen.add(t), hits++);
    }
    const score = seen.size * 1000 + hits;
    if (score > best || (score === best && i < first)) (best = score), (first = i);
  }
  // Some words before the first match, as context, when the text has them.
  const matches = tokens.slice(first, first + n).map((t, k) => (t.term >= 0 ? first + k : -1)).filter((k) => k >= 0);
  if (matches.length > 0) {
    const span = matches.at(-1)! - matches[0]! + 1;
    first = Math.max(0, Math.min(matches[0]! - Math.floor((n - span) / 2), tokens.length - n));
  }
  const last = first + n - 1;
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = last === tokens.length - 1 ? text.length : tokens[last]!.end;
  const parts: SnippetPart[] = [];
  const push = (part: string, match: boolean) => {
    if (part.length === 0) return;
    const prev = parts.at(-1);
    if (prev && prev.match === match) prev.text += part;
    else parts.push({ text: part, match });
  };
  if (first > 0) push('…', false);
  let at = from;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.term < 0) continue;
    push(text.slice(at, t.start), false);
    push(text.slice(t.start, t.end), true);
    at = t.end;
  }
  push(text.slice(at, to), false);
  if (last < tokens.length - 1) push('…', false);
  return parts;
}
