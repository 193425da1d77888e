import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

/** 0040-shelters, run on a file at the schema before it (0030-search-speed) with a case, its people and its journal in it. */
describe('migration 0040-shelters', () => {
  it('keeps the casework written under 0030, and placements follow their case and persons when those are deleted', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0030-search-speed');
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    for (const [id, first, birth] of [['p1', 'Åsa', 1985], ['k1', 'Liv', 2016], ['k2', 'Max', 2019]] as const) {
      await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
        VALUES (${id}, ${first}, 'Östlund', 'none', NULL, ${birth}, 'kvinna', 'skyddad_folkbokforing', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z')`.execute(db);
    }
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'islandsmodellen', 'ongoing', 'w1', NULL, '2026-01-05T09:00:00Z', 'w1', '2026-02-01T09:00:00Z')`.execute(db);
    await sql`INSERT INTO case_persons (case_id, person_id, role, child_exposure) VALUES ('c1', 'p1', 'victim', NULL), ('c1', 'k1', 'child', 'witnessed'), ('c1', 'k2', 'child', 'both')`.execute(db);
    await sql`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, signed_at, signed_by, corrects_entry_id, created_at, updated_at)
      VALUES ('j1', 'c1', '2026-01-05', 'w1', 'Placering på skyddat boende beslutad.', 'signed', '2026-01-05T10:00:00Z', 'w1', NULL, '2026-01-05T09:30:00Z', '2026-01-05T10:00:00Z')`.execute(db);

    await migrateToLatest(sqlite, db, '0040-shelters');

    expect(sqlite.prepare(`SELECT text, status FROM journal_entries WHERE id = 'j1'`).get()).toEqual({ text: 'Placering på skyddat boende beslutad.', status: 'signed' });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM case_persons WHERE case_id = 'c1'`).get()).toEqual({ n: 3 });

    await sql`INSERT INTO shelters (id, name, name_key, operator_type, created_by, created_at, updated_at) VALUES ('s1', 'Jouren Linden', 'jouren linden', 'womens_shelter', 'w1', 'x', 'x')`.execute(db);
    await sql`INSERT INTO shelter_price_periods (id, shelter_id, valid_from, adult_ore, child_ore, created_by, created_at) VALUES ('pp1', 's1', '2026-01-01', 120000, 60000, 'w1', 'x')`.execute(db);
    await sql`INSERT INTO placements (id, case_id, person_id, shelter_id, decision_date, start_date, created_by, created_at, updated_at) VALUES ('pl1', 'c1', 'p1', 's1', '2026-01-05', '2026-01-05', 'w1', 'x', 'x')`.execute(db);
    await sql`INSERT INTO placement_children (id, placement_id, person_id, start_date, decision_ref, consent, schooling) VALUES ('pc1', 'pl1', 'k1', '2026-01-05', 'B-1', 'sole_custody', 'new_school'), ('pc2', 'pl1', 'k2', '2026-01-05', 'B-2', 'other_custodian_consented', 'own_preschool')`.execute(db);
    // the database itself refuses an end before the start and a refused consent without its ground
    expect(() => sqlite.prepare(`UPDATE placements SET end_date = '2026-01-01', end_reason = 'other' WHERE id = 'pl1'`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`UPDATE placement_children SET consent = 'without_consent' WHERE id = 'pc1'`).run()).toThrow(/CHECK/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);

    // retention deletes a child: its placement row goes, the mother's stays
    sqlite.prepare(`DELETE FROM case_persons WHERE person_id = 'k2'`).run();
    sqlite.prepare(`DELETE FROM persons WHERE id = 'k2'`).run();
    expect(sqlite.prepare(`SELECT person_id FROM placement_children`).all()).toEqual([{ person_id: 'k1' }]);
    // retention deletes the case: the placement and its children go with it, the shelter and its prices stay
    sqlite.prepare(`DELETE FROM journal_entries`).run();
    sqlite.prepare(`DELETE FROM case_status_events`).run();
    sqlite.prepare(`DELETE FROM case_assignments`).run();
    sqlite.prepare(`DELETE FROM case_persons`).run();
    sqlite.prepare(`DELETE FROM case_violence_types`).run();
    sqlite.prepare(`DELETE FROM cases WHERE id = 'c1'`).run();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM placements`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM placement_children`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM shelter_price_periods`).get()).toEqual({ n: 1 });
    sqlite.close();
  });
});
