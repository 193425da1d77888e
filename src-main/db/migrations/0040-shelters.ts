import { sql, type Kysely } from 'kysely';

/**
 * Shelters and placements (issue 6): the register of protected housing with
 * its price periods, placements of a person in a case at a shelter, and the
 * children who go along, each with a decision of its own.
 *
 * Money is whole öre (INTEGER). Tables bound to a case or a person reference
 * it with ON DELETE CASCADE, so retention that deletes a case or person takes
 * its placements with it. A shelter is archived, never deleted while a
 * placement refers to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE shelters (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    operator_type TEXT NOT NULL CHECK (operator_type IN ('municipal', 'womens_shelter', 'girls_shelter', 'private')),
    permit_number TEXT,
    permit_valid_from TEXT,
    permit_valid_to TEXT,
    capacity INTEGER CHECK (capacity BETWEEN 0 AND 1000),
    contact_name TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    street_address TEXT,
    postal_code TEXT,
    city TEXT,
    wheelchair_accessible INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair_accessible IN (0, 1)),
    pets_allowed INTEGER NOT NULL DEFAULT 0 CHECK (pets_allowed IN (0, 1)),
    boys_max_age INTEGER CHECK (boys_max_age BETWEEN 0 AND 25),
    languages TEXT,
    accessibility_notes TEXT,
    archived_at TEXT,
    created_by TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  // Two active shelters with the same name would make the import's name match ambiguous.
  await sql`CREATE UNIQUE INDEX shelters_name_key ON shelters(name_key) WHERE archived_at IS NULL`.execute(db);

  await sql`CREATE TABLE shelter_price_periods (
    id TEXT PRIMARY KEY,
    shelter_id TEXT NOT NULL REFERENCES shelters(id) ON DELETE CASCADE,
    valid_from TEXT NOT NULL,
    adult_ore INTEGER NOT NULL CHECK (adult_ore BETWEEN 0 AND 100000000),
    child_ore INTEGER NOT NULL CHECK (child_ore BETWEEN 0 AND 100000000),
    created_by TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    UNIQUE (shelter_id, valid_from)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE placements (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    shelter_id TEXT NOT NULL REFERENCES shelters(id),
    decision_date TEXT NOT NULL,
    decision_ref TEXT,
    start_date TEXT NOT NULL,
    planned_end_date TEXT,
    end_date TEXT,
    follow_up_date TEXT,
    adult_price_override_ore INTEGER CHECK (adult_price_override_ore BETWEEN 0 AND 100000000),
    child_price_override_ore INTEGER CHECK (child_price_override_ore BETWEEN 0 AND 100000000),
    price_override_reason TEXT,
    end_reason TEXT CHECK (end_reason IN ('goal_met', 'moved_on', 'left_on_own', 'asked_to_leave', 'moved_shelter', 'other')),
    destination TEXT CHECK (destination IN ('own_home', 'sublet', 'back_to_perpetrator', 'other_housing', 'other_municipality', 'unknown')),
    created_by TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK ((end_date IS NULL) = (end_reason IS NULL)),
    CHECK ((adult_price_override_ore IS NULL AND child_price_override_ore IS NULL) OR price_override_reason IS NOT NULL)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX placements_person ON placements(person_id, start_date)`.execute(db);
  await sql`CREATE INDEX placements_case ON placements(case_id, start_date)`.execute(db);
  await sql`CREATE INDEX placements_shelter ON placements(shelter_id, start_date)`.execute(db);
  // Current placements and the monthly report read stays by their dates.
  await sql`CREATE INDEX placements_dates ON placements(start_date, end_date)`.execute(db);
  await sql`CREATE INDEX placements_open ON placements(start_date) WHERE end_date IS NULL`.execute(db);

  await sql`CREATE TABLE placement_children (
    id TEXT PRIMARY KEY,
    placement_id TEXT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    end_date TEXT,
    decision_ref TEXT NOT NULL,
    consent TEXT NOT NULL CHECK (consent IN ('other_custodian_consented', 'sole_custody', 'without_consent')),
    consent_ground TEXT,
    schooling TEXT NOT NULL CHECK (schooling IN ('own_school', 'new_school', 'school_at_shelter', 'distance', 'own_preschool', 'new_preschool', 'none_arranged', 'not_school_age', 'unknown')),
    schooling_note TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (consent <> 'without_consent' OR consent_ground IS NOT NULL),
    UNIQUE (placement_id, person_id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX placement_children_person ON placement_children(person_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0040-shelters cannot be undone: it would lose placements.');
}
