import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

/** 0050-documents from the casework schema (0020) with real rows in it. */
describe('0050-documents', () => {
  it('keeps the casework rows, and its tables go with their case (retention) and refuse a departing level without a reason', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0020-casework');
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
      VALUES ('p1', 'Åsa', 'Östlund', 'none', NULL, 1980, 'kvinna', 'none', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z')`.execute(db);
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'islandsmodellen', 'ongoing', 'w1', NULL, '2026-01-05T09:00:00Z', 'w1', '2026-02-01T09:00:00Z')`.execute(db);
    await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, created_at, updated_at) VALUES ('j1', 'c1', '2026-01-05', 'w1', 'Samtal', 'draft', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z')`.execute(db);

    await migrateToLatest(sqlite, db, '0050-documents');
    expect(sqlite.prepare(`SELECT text FROM journal_entries WHERE id = 'j1'`).get()).toEqual({ text: 'Samtal' });

    await sql`INSERT INTO document_templates (id, version, kind, title, body, source, imported_by, created_at) VALUES ('t', 1, 'risk_assessment', 'T', '{}', 'builtin', NULL, 'x')`.execute(db);
    const risk = (level: string, reason: string | null) => sql`INSERT INTO risk_assessments (id, case_id, person_id, template_id, template_version, assessed_on, worker_id, answers, score, max_score, unanswered, suggested_level, level, level_reason, judgement, internal_note, next_assessment_on, created_at)
      VALUES (${`r-${level}`}, 'c1', 'p1', 't', 1, '2026-02-01', 'w1', '{}', 3, 40, 10, 'medium', ${level}, ${reason}, 'Bedömning', NULL, '2026-03-01', 'x')`.execute(db);
    await risk('medium', null);
    await expect(risk('low', null)).rejects.toThrow(/CHECK/);
    await risk('high', 'Skäl');
    await sql`INSERT INTO checklists (id, case_id, template_id, template_version, created_by, created_at) VALUES ('k1', 'c1', 't', 1, 'w1', 'x')`.execute(db);
    await sql`INSERT INTO checklist_ticks (checklist_id, item_key, ticked_by, ticked_at, note) VALUES ('k1', 'a', 'w1', 'x', NULL)`.execute(db);
    await sql`INSERT INTO safety_plans (id, case_id, person_id, version, template_id, template_version, made_on, review_on, made_with, worker_id, content, shelter_address, internal_note, created_at) VALUES ('s1', 'c1', 'p1', 1, 't', 1, '2026-02-01', '2026-03-01', 'Åsa', 'w1', '{}', NULL, NULL, 'x')`.execute(db);
    await sql`INSERT INTO action_plans (id, case_id, person_id, status, goals, actions, follow_up_on, worker_signed_on, person_signed_on, internal_note, worker_id, created_at, updated_at) VALUES ('a1', 'c1', 'p1', 'active', '[]', '[]', NULL, NULL, NULL, NULL, 'w1', 'x', 'x')`.execute(db);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    await sql`DELETE FROM cases WHERE id = 'c1'`.execute(db);
    for (const t of ['risk_assessments', 'checklists', 'checklist_ticks', 'safety_plans', 'action_plans']) {
      expect(sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
    // The template versions outlive the forms: another case's forms may still point at them.
    expect(sqlite.prepare(`SELECT count(*) AS n FROM document_templates`).get()).toEqual({ n: 1 });
    sqlite.close();
  });
});
