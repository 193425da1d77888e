import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { FRISTAD_APPLICATION_ID, createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { tempDir } from '../../support/temp.js';

/** 0090-imported-child-consent, run on a file at 0070 with a placement and its two children in it. */
describe('migration 0090-imported-child-consent', () => {
  it('keeps every child of every placement, accepts an unknown consent, and keeps the other rules and the cascade', async () => {
    const sqlite = openSqlite(join(tempDir(), 'fristad.db'), randomBytes(32), { create: true });
    sqlite.pragma(`application_id = ${FRISTAD_APPLICATION_ID}`);
    const db = createKysely(sqlite);
    await migrateToLatest(sqlite, db, '0070-statistics');
    await sql`INSERT INTO workers (id, name, role, active, created_at) VALUES ('w1', 'Kvar Efter', 'samordnare', 1, '2026-01-01T00:00:00Z')`.execute(db);
    for (const [id, first, birth] of [['p1', 'Åsa', 1985], ['k1', 'Liv', 2016], ['k2', 'Max', 2019], ['k3', 'Ida', 2020]] as const) {
      await sql`INSERT INTO persons (id, first_name, last_name, number_kind, personal_number, birth_year, gender, protection_level, created_at, created_by, updated_at)
        VALUES (${id}, ${first}, 'Östlund', 'none', NULL, ${birth}, 'kvinna', 'none', '2026-01-01T00:00:00Z', 'w1', '2026-01-01T00:00:00Z')`.execute(db);
    }
    await sql`INSERT INTO cases (id, case_number, main_person_id, intake_date, intake_source, status, assigned_worker_id, closed_at, created_at, created_by, updated_at)
      VALUES ('c1', '2026-0001', 'p1', '2026-01-05', 'own_application', 'ongoing', 'w1', NULL, '2026-01-05T09:00:00Z', 'w1', '2026-02-01T09:00:00Z')`.execute(db);
    await sql`INSERT INTO case_persons (case_id, person_id, role, child_exposure) VALUES ('c1', 'p1', 'victim', NULL), ('c1', 'k1', 'child', NULL), ('c1', 'k2', 'child', NULL), ('c1', 'k3', 'child', NULL)`.execute(db);
    await sql`INSERT INTO shelters (id, name, name_key, operator_type, created_by, created_at, updated_at) VALUES ('s1', 'Jouren Linden', 'jouren linden', 'womens_shelter', 'w1', 'x', 'x')`.execute(db);
    await sql`INSERT INTO placements (id, case_id, person_id, shelter_id, decision_date, start_date, created_by, created_at, updated_at) VALUES ('pl1', 'c1', 'p1', 's1', '2026-01-05', '2026-01-05', 'w1', 'x', 'x')`.execute(db);
    await sql`INSERT INTO placement_children (id, placement_id, person_id, start_date, end_date, decision_ref, consent, consent_ground, schooling, schooling_note)
      VALUES ('pc1', 'pl1', 'k1', '2026-01-05', NULL, 'B-1', 'without_consent', '6 kap. 13 a § FB', 'new_school', 'Skolskjuts'), ('pc2', 'pl1', 'k2', '2026-01-07', '2026-01-20', 'B-2', 'other_custodian_consented', NULL, 'own_preschool', NULL)`.execute(db);
    // a trigger another migration keeps on the table (the statistics strike months off this way) must survive the rebuild
    sqlite.exec(`CREATE TABLE seen (placement_id TEXT); CREATE TRIGGER seen_child AFTER INSERT ON placement_children BEGIN INSERT INTO seen VALUES (NEW.placement_id); END`);
    const before = sqlite.prepare(`SELECT * FROM placement_children ORDER BY id`).all();
    expect(() => sqlite.prepare(`INSERT INTO placement_children (id, placement_id, person_id, start_date, decision_ref, consent, schooling) VALUES ('pc3', 'pl1', 'k3', '2026-01-05', '', 'unknown', 'unknown')`).run()).toThrow(/CHECK/);

    await migrateToLatest(sqlite, db);
    // 0080's statistics triggers on the table (the kept monthly counts notice a child's change through them) are there after 0090's rebuild
    const triggers = (sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'placement_children' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(triggers.filter((n) => n.startsWith('statistics_')).length).toBeGreaterThanOrEqual(3);

    expect(sqlite.prepare(`SELECT * FROM placement_children ORDER BY id`).all()).toEqual(before);
    sqlite.prepare(`INSERT INTO placement_children (id, placement_id, person_id, start_date, decision_ref, consent, schooling) VALUES ('pc3', 'pl1', 'k3', '2026-01-05', '', 'unknown', 'unknown')`).run();
    expect(sqlite.prepare(`SELECT placement_id FROM seen`).all()).toEqual([{ placement_id: 'pl1' }]);
    expect(() => sqlite.prepare(`UPDATE placement_children SET consent = 'without_consent', consent_ground = NULL WHERE id = 'pc3'`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`UPDATE placement_children SET consent = 'maybe' WHERE id = 'pc3'`).run()).toThrow(/CHECK/);
    expect(() => sqlite.prepare(`INSERT INTO placement_children (id, placement_id, person_id, start_date, decision_ref, consent, schooling) VALUES ('pc4', 'pl1', 'k3', '2026-01-05', '', 'unknown', 'unknown')`).run()).toThrow(/UNIQUE/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT placement_id FROM placement_children WHERE person_id = 'k1'`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/placement_children_person/);
    // deleting the placement still takes its children's rows with it
    sqlite.prepare(`DELETE FROM placements WHERE id = 'pl1'`).run();
    expect(sqlite.prepare(`SELECT count(*) AS n FROM placement_children`).get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
