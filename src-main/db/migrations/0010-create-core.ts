import { sql, type Kysely } from 'kysely';

/**
 * The first schema: workers, settings, persons with their search tokens,
 * cases with violence types and roles, and the audit trail.
 * STRICT tables so a wrong type is an error, not a silent conversion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE workers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('handlaggare', 'samordnare')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    number_kind TEXT NOT NULL CHECK (number_kind IN ('personnummer', 'samordningsnummer', 'reservnummer', 'none')),
    personal_number TEXT,
    birth_year INTEGER,
    gender TEXT NOT NULL CHECK (gender IN ('kvinna', 'man', 'annat', 'okant')),
    protection_level TEXT NOT NULL CHECK (protection_level IN ('none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES workers(id),
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX persons_personal_number ON persons(personal_number) WHERE personal_number IS NOT NULL`.execute(db);

  await sql`CREATE TABLE person_search (
    token TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    PRIMARY KEY (token, person_id)
  ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX person_search_person ON person_search(person_id)`.execute(db);

  await sql`CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    case_number TEXT NOT NULL UNIQUE,
    main_person_id TEXT NOT NULL REFERENCES persons(id),
    intake_date TEXT NOT NULL,
    intake_source TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('intake', 'investigation', 'ongoing', 'closed')),
    assigned_worker_id TEXT NOT NULL REFERENCES workers(id),
    closed_at TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES workers(id),
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX cases_intake ON cases(intake_date DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX cases_status_intake ON cases(status, intake_date DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX cases_main_person ON cases(main_person_id)`.execute(db);

  await sql`CREATE TABLE case_violence_types (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    violence_type TEXT NOT NULL,
    PRIMARY KEY (case_id, violence_type)
  ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE case_persons (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL CHECK (role IN ('victim', 'perpetrator', 'child', 'other')),
    PRIMARY KEY (case_id, person_id, role)
  ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX case_persons_person ON case_persons(person_id)`.execute(db);

  await sql`CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    worker_id TEXT,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_events_entity ON audit_events(entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_events_worker_at ON audit_events(worker_id, at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
