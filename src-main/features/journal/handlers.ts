import type { Handlers } from '../../api/context.js';
import type { journalContract } from './contract.js';
import { correctEntry, createEntry, deleteDraft, listJournal, searchJournal, signEntry, updateDraft } from './service.js';

export const journalHandlers: Handlers<typeof journalContract> = {
  'journal.list': (input, { session }) => listJournal(session, input.caseId),
  'journal.create': (input, { session }) => createEntry(session, input),
  'journal.updateDraft': (input, { session }) => updateDraft(session, input),
  'journal.sign': (input, { session }) => signEntry(session, input.id),
  'journal.correct': (input, { session }) => correctEntry(session, input),
  'journal.deleteDraft': (input, { session }) => deleteDraft(session, input.id),
  'journal.search': (input, { session }) => searchJournal(session, input.query, input.limit),
};
