import type { SnippetPart } from './contract.js';

/** At most this many words of a query are searched for; the rest are ignored. */
export const SEARCH_MAX_TERMS = 8;
/** A word longer than this is cut (no real word is; it bounds the work per term). */
const TERM_MAX_CHARS = 60;

/** Start and end of a match inside snippet text; journal text cannot contain them (see journalTextSchema). */
export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';

/**
 * The words of a search as the FTS5 `unicode61` tokenizer sees them: runs of
 * letters, digits, combining marks and private-use characters. Everything
 * else — quotes, `*`, `^`, `:`, `(`, `)`, `+`, `-` — only separates words.
 */
export function searchWords(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [];
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

/**
 * Splits a snippet marked with SNIPPET_START / SNIPPET_END into plain and
 * matched parts. Adjacent parts of the same kind are merged, empty ones dropped.
 *
 * @example snippetParts('i \u0002köket\u0003 när') // [{ text: 'i ', match: false }, { text: 'köket', match: true }, { text: ' när', match: false }]
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let buf = '';
  const push = () => {
    if (buf.length === 0) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += buf;
    else parts.push({ text: buf, match });
    buf = '';
  };
  for (const ch of marked) {
    if (ch === SNIPPET_START || ch === SNIPPET_END) {
      push();
      match = ch === SNIPPET_START;
    } else buf += ch;
  }
  push();
  return parts;
}
