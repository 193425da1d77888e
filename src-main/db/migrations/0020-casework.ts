import { sql, type Kysely } from 'kysely';

/**
 * Casework (issue 4): contact details and language on persons; relation,
 * first contact, children and closing reason on cases; how a child was
 * exposed; the status and assignment history; the journal with its
 * full-text index; decisions; services and their editable list of types.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const col of [
    sql`ALTER TABLE persons ADD COLUMN street_address TEXT`,
    sql`ALTER TABLE persons ADD COLUMN postal_code TEXT`,
    sql`ALTER TABLE persons ADD COLUMN city TEXT`,
    sql`ALTER TABLE persons ADD COLUMN phone TEXT`,
    sql`ALTER TABLE persons ADD COLUMN email TEXT`,
    sql`ALTER TABLE persons ADD COLUMN language TEXT`,
    sql`ALTER TABLE persons ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1))`,
    sql`ALTER TABLE cases ADD COLUMN relation TEXT CHECK (relation IN ('partner', 'ex_partner', 'parent', 'child', 'sibling', 'other_relative', 'other_close'))`,
    sql`ALTER TABLE cases ADD COLUMN first_contact_date TEXT`,
    sql`ALTER TABLE cases ADD COLUMN children_in_household INTEGER CHECK (children_in_household BETWEEN 0 AND 30)`,
    sql`ALTER TABLE cases ADD COLUMN closing_reason TEXT CHECK (closing_reason IN ('goal_met', 'goal_partly_met', 'goal_not_met', 'moved_away', 'declined_help', 'other'))`,
    sql`ALTER TABLE case_persons ADD COLUMN child_exposure TEXT CHECK (child_exposure IN ('witnessed', 'subjected', 'both'))`,
  ]) {
    await col.execute(db);
  }
  await sql`CREATE INDEX cases_worker_intake ON cases(assigned_worker_id, intake_date DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX cases_source_intake ON cases(intake_source, intake_date DESC, id DESC)`.execute(db);
  // A worker's cases in one status (their open intakes), without walking all their cases.
  await sql`CREATE INDEX cases_worker_status_intake ON cases(assigned_worker_id, status, intake_date DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX case_violence_types_type ON case_violence_types(violence_type, case_id)`.execute(db);

  await sql`CREATE TABLE case_status_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status TEXT NOT NULL CHECK (to_status IN ('intake', 'investigation', 'ongoing', 'closed')),
    event_date TEXT NOT NULL,
    worker_id TEXT NOT NULL REFERENCES workers(id),
    at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX case_status_events_case ON case_status_events(case_id, id)`.execute(db);
  // The first event of every existing case: it came in at its intake date.
  await sql`INSERT INTO case_status_events (case_id, from_status, to_status, event_date, worker_id, at)
    SELECT id, NULL, 'intake', intake_date, created_by, created_at FROM cases`.execute(db);
  await sql`INSERT INTO case_status_events (case_id, from_status, to_status, event_date, worker_id, at)
    SELECT id, 'intake', status, substr(updated_at, 1, 10), created_by, updated_at FROM cases WHERE status <> 'intake'`.execute(db);

  await sql`CREATE TABLE case_assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    worker_id TEXT NOT NULL REFERENCES workers(id),
    assigned_by TEXT NOT NULL REFERENCES workers(id),
    at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX case_assignments_case ON case_assignments(case_id, id)`.execute(db);
  await sql`INSERT INTO case_assignments (case_id, worker_id, assigned_by, at)
    SELECT id, assigned_worker_id, created_by, created_at FROM cases`.execute(db);

  // \`seq\` is an explicit INTEGER PRIMARY KEY (the rowid): the full-text index
  // points at it, and VACUUM may renumber an implicit rowid, never this one.
  await sql`CREATE TABLE journal_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    entry_date TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES workers(id),
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
    signed_at TEXT,
    signed_by TEXT REFERENCES workers(id),
    corrects_entry_id TEXT REFERENCES journal_entries(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL))
  ) STRICT`.execute(db);
  await sql`CREATE INDEX journal_entries_case ON journal_entries(case_id, entry_date, created_at)`.execute(db);
  await sql`CREATE INDEX journal_entries_corrects ON journal_entries(corrects_entry_id) WHERE corrects_entry_id IS NOT NULL`.execute(db);
  // A signed entry is never changed in place: the database refuses it even if the code forgot.
  await sql`CREATE TRIGGER journal_entries_signed_immutable BEFORE UPDATE ON journal_entries
    WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'signed journal entry is immutable'); END`.execute(db);

  await sql`CREATE VIRTUAL TABLE journal_fts USING fts5(
    text, content = 'journal_entries', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE TRIGGER journal_entries_fts_insert AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_fts (rowid, text) VALUES (NEW.rowid, NEW.text);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_entries_fts_delete AFTER DELETE ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_entries_fts_update AFTER UPDATE OF text ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);
    INSERT INTO journal_fts (rowid, text) VALUES (NEW.rowid, NEW.text);
  END`.execute(db);

  await sql`CREATE TABLE service_types (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL
  ) STRICT`.execute(db);
  const defaults: [string, string][] = [
    ['protected_housing', 'Skyddat boende'],
    ['support_talks', 'Stödsamtal'],
    ['therapeutic_talks', 'Bearbetande samtal'],
    ['children_talks', 'Samtal för barn (t.ex. Trappan)'],
    ['perpetrator_treatment', 'Behandling för våldsutövare (t.ex. Alternativ till våld)'],
    ['financial_aid', 'Ekonomiskt bistånd'],
    ['housing_help', 'Hjälp med bostad'],
    ['interpreter', 'Tolk'],
    ['legal_guidance', 'Juridisk vägledning'],
    ['referral_womens_shelter', 'Hänvisning till kvinnojour'],
    ['referral_health_care', 'Hänvisning till hälso- och sjukvård'],
  ];
  for (const [i, [code, label]] of defaults.entries()) {
    await sql`INSERT INTO service_types (code, label, active, sort_order) VALUES (${code}, ${label}, 1, ${(i + 1) * 10})`.execute(db);
  }

  await sql`CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    service_type TEXT NOT NULL REFERENCES service_types(code),
    outcome TEXT NOT NULL CHECK (outcome IN ('granted', 'partly_granted', 'refused')),
    decision_date TEXT NOT NULL,
    legal_ground TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX decisions_case ON decisions(case_id, decision_date)`.execute(db);

  await sql`CREATE TABLE services (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id),
    service_type TEXT NOT NULL REFERENCES service_types(code),
    decision_id TEXT REFERENCES decisions(id),
    start_date TEXT NOT NULL,
    end_date TEXT,
    created_by TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX services_case ON services(case_id, start_date)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
