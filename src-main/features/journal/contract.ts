import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';

/** Longest journal entry, in characters. */
export const JOURNAL_TEXT_MAX = 20_000;

/**
 * The text of an entry: trimmed, 1–20,000 characters, Unicode NFC (so search
 * and comparison see one form of "ö"). Control characters other than tab and
 * line breaks are refused; that also keeps the search snippet's markers
 * (U+0002/U+0003 inside the main process) unambiguous.
 */
export const journalTextSchema = z
  .string({ error: 'Skriv anteckningen.' })
  .normalize('NFC')
  .trim()
  .min(1, { error: 'Skriv anteckningen.' })
  .max(JOURNAL_TEXT_MAX, { error: `Högst ${JOURNAL_TEXT_MAX.toLocaleString('sv-SE')} tecken.` })
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: 'Texten innehåller otillåtna tecken.' });

export const journalCreateSchema = z.object({ caseId: idSchema, entryDate: isoDateSchema, text: journalTextSchema }).strict();
export const journalUpdateDraftSchema = z.object({ id: idSchema, entryDate: isoDateSchema, text: journalTextSchema }).strict();
export const journalCorrectSchema = z.object({ entryId: idSchema, entryDate: isoDateSchema, text: journalTextSchema }).strict();

/** Longest search query, in characters; at most SEARCH_MAX_TERMS words of it are used. */
export const JOURNAL_SEARCH_MAX = 200;

export const journalSearchSchema = z
  .object({
    query: z.string({ error: 'Skriv vad du söker.' }).max(JOURNAL_SEARCH_MAX, { error: 'Sökningen är för lång.' }),
    limit: z.number({ error: 'Ogiltigt antal.' }).int({ error: 'Ogiltigt antal.' }).min(1, { error: 'Ogiltigt antal.' }).max(100, { error: 'Högst 100 träffar.' }).optional(),
  })
  .strict();

export type JournalEntryStatus = 'draft' | 'signed';

export interface WorkerRef {
  id: string;
  name: string;
}

/** One journal entry as the case view shows it. */
export interface JournalEntry {
  id: string;
  caseId: string;
  entryDate: string;
  text: string;
  status: JournalEntryStatus;
  author: WorkerRef;
  /** Who signed, and when (ISO timestamp); null while a draft. */
  signedBy: WorkerRef | null;
  signedAt: string | null;
  /** For a correction: the signed entry it corrects. */
  corrects: { id: string; entryDate: string } | null;
  /** Ids of the entries correcting this one, in journal order (drafts included). */
  correctedBy: string[];
  /** True for a draft written by the worker asking: only then may it be edited or deleted. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * A piece of a search snippet. The renderer shows `match` pieces highlighted
 * (e.g. in a `<mark>` element made with createElement / JSX) and never sets
 * innerHTML: the text is the note's own, unescaped.
 */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface JournalSearchHit {
  entryId: string;
  caseId: string;
  caseNumber: string;
  entryDate: string;
  status: JournalEntryStatus;
  /** A short excerpt around the best match; "…" marks cut text. Concatenating the parts' text gives the plain excerpt. */
  snippet: SnippetPart[];
}

/**
 * Search hits and how they are ordered: `best_match` (bm25 relevance) when
 * the words match fewer than 1,000 entries, otherwise `newest` (most recently
 * written first) — the view can then suggest adding a word to narrow down.
 */
export interface JournalSearchResult {
  hits: JournalSearchHit[];
  order: 'best_match' | 'newest';
}

export const journalContract = {
  'journal.list': channel(z.object({ caseId: idSchema }).strict()).returns<JournalEntry[]>(),
  'journal.create': channel(journalCreateSchema).returns<JournalEntry>(),
  'journal.updateDraft': channel(journalUpdateDraftSchema).returns<JournalEntry>(),
  'journal.sign': channel(z.object({ id: idSchema }).strict()).returns<JournalEntry>(),
  'journal.correct': channel(journalCorrectSchema).returns<JournalEntry>(),
  'journal.deleteDraft': channel(z.object({ id: idSchema }).strict()).returns<null>(),
  'journal.search': channel(journalSearchSchema).returns<JournalSearchResult>(),
} as const;
