import { describe, expect, it } from 'vitest';
import { foldToken, snippet, SNIPPET_TOKENS } from '../../../src-main/features/journal/fts-query.js';
import type { SnippetPart } from '../../../src-main/features/journal/contract.js';

const marked = (parts: SnippetPart[]) => parts.filter((p) => p.match).map((p) => p.text);
const shown = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');

/** A text of n numbered filler words ("ord1 ord2 …"). */
const filler = (from: number, n: number) => Array.from({ length: n }, (_, i) => `ord${from + i}`).join(' ');

describe('journal search snippets built from the text', () => {
  it('shows a short text whole, with the matched word marked', () => {
    expect(snippet('Samtal i köket när barnen sov.', ['köket'])).toEqual([
      { text: 'Samtal i ', match: false },
      { text: 'köket', match: true },
      { text: ' när barnen sov.', match: false },
    ]);
  });

  it('marks a match at the very start and cuts the rest with an ellipsis', () => {
    const parts = snippet(`Kontaktförbud beviljat. ${filler(1, 40)}`, ['kontakt']);
    expect(parts[0]).toEqual({ text: 'Kontaktförbud', match: true });
    expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(shown(parts)).not.toContain('ord40');
  });

  it('marks a match at the very end, with the ellipsis before it and the closing punctuation kept', () => {
    const parts = snippet(`${filler(1, 40)} till sist tingsrätten.`, ['tingsratten']);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(marked(parts)).toEqual(['tingsrätten']);
    expect(shown(parts).endsWith('tingsrätten.')).toBe(true);
    expect(shown(parts)).not.toContain('ord1 ');
  });

  it('shows a match in the middle with words of context on both sides', () => {
    const parts = snippet(`${filler(1, 30)} Trappan ${filler(31, 30)}`, ['trappan']);
    const text = shown(parts);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(marked(parts)).toEqual(['Trappan']);
    // context before and after the match
    expect(text).toMatch(/ord2\d ord30 Trappan ord31 ord3\d/);
    // about SNIPPET_TOKENS words, not the whole text
    expect(text.match(/\p{L}+\d*/gu)!.length).toBe(SNIPPET_TOKENS);
  });

  it('prefers the passage where several different search words are close together', () => {
    const text = `Polisen ringde. ${filler(1, 30)} Polisen och socialtjänsten planerade skyddat boende. ${filler(31, 30)}`;
    const parts = snippet(text, ['polis', 'boende']);
    expect(marked(parts)).toEqual(['Polisen', 'boende']);
    expect(shown(parts)).toContain('planerade skyddat');
  });

  it('marks every word that starts with a search word (prefix terms), in every form', () => {
    const parts = snippet('Misshandel anmäld; misshandeln skedde i hemmet.', ['missh']);
    expect(marked(parts)).toEqual(['Misshandel', 'misshandeln']);
  });

  it('folds diacritics and case both ways: "ostlund" marks "Östlund", "Östlund" marks "OSTLUND"', () => {
    expect(marked(snippet('Samtal med Åsa Östlund i dag.', ['ostlund', 'asa']))).toEqual(['Åsa', 'Östlund']);
    expect(marked(snippet('Brev till OSTLUND skickat.', ['Östlund']))).toEqual(['OSTLUND']);
    // a decomposed "ö" (o + combining diaeresis) is the same word
    expect(marked(snippet('Samtal med O\u0308stlund.', ['östlund']))).toEqual(['O\u0308stlund']);
    expect(foldToken('Ångermanälven')).toBe('angermanalven');
  });

  it('keeps markup in a note as plain text: the parts are text, never HTML', () => {
    const parts = snippet('Hon skrev <script>alert("x")</script> i ett sms om hotet.', ['hotet']);
    expect(shown(parts)).toContain('<script>alert("x")</script>');
    expect(marked(parts)).toEqual(['hotet']);
    // the word "script" inside the tag is a word like any other
    expect(marked(snippet('<b>script</b>', ['script']))).toEqual(['script']);
  });

  it('gives the opening words, unmarked, when no word matches (the index matched what the text no longer shows)', () => {
    const parts = snippet(`${filler(1, 30)}`, ['saknas']);
    expect(parts).toEqual([{ text: `${filler(1, SNIPPET_TOKENS)}…`, match: false }]);
  });

  it('merges neighbouring parts of the same kind and never gives empty parts', () => {
    const parts = snippet('barn barnen barnens', ['barn']);
    expect(parts).toEqual([
      { text: 'barn', match: true },
      { text: ' ', match: false },
      { text: 'barnen', match: true },
      { text: ' ', match: false },
      { text: 'barnens', match: true },
    ]);
    for (const p of snippet('…, - ; :', ['x'])) expect(p.text.length).toBeGreaterThan(0);
  });
});
