import type { JournalEntry } from './contract.js';
import type { EntryRow } from './queries.js';

/** The one place a joined journal row becomes a `JournalEntry`. */
export function entryFromRow(row: EntryRow, correctedBy: string[], viewerId: string): JournalEntry {
  return {
    id: row.id,
    caseId: row.case_id,
    entryDate: row.entry_date,
    text: row.text,
    status: row.status,
    author: { id: row.author_id, name: row.author_name },
    signedBy: row.signed_by ? { id: row.signed_by, name: row.signer_name ?? '' } : null,
    signedAt: row.signed_at,
    corrects: row.corrects_entry_id ? { id: row.corrects_entry_id, entryDate: row.corrects_entry_date ?? '' } : null,
    correctedBy,
    editable: row.status === 'draft' && row.author_id === viewerId,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
