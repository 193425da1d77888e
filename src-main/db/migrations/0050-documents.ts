import { sql, type Kysely } from 'kysely';

/**
 * Documents (issue 5): the template versions forms were filled with, risk
 * assessments, checklists and their ticks, safety plans (one row per
 * version) and action plans. Every table bound to a case or person goes
 * with it (ON DELETE CASCADE), for retention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every template version a form was filled with or a unit imported: the body exactly as it was.
  await sql`CREATE TABLE document_templates (
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('risk_assessment', 'checklist', 'safety_plan')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('builtin', 'imported')),
    imported_by TEXT REFERENCES workers(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE risk_assessments (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    assessed_on TEXT NOT NULL,
    worker_id TEXT NOT NULL REFERENCES workers(id),
    answers TEXT NOT NULL,
    score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    unanswered INTEGER NOT NULL,
    suggested_level TEXT NOT NULL CHECK (suggested_level IN ('low', 'medium', 'high', 'acute')),
    level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high', 'acute')),
    level_reason TEXT,
    judgement TEXT NOT NULL,
    internal_note TEXT,
    next_assessment_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES document_templates(id, version),
    CHECK (level = suggested_level OR coalesce(length(level_reason), 0) > 0)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX risk_assessments_person ON risk_assessments(person_id, assessed_on, created_at)`.execute(db);
  await sql`CREATE INDEX risk_assessments_case ON risk_assessments(case_id, assessed_on)`.execute(db);

  await sql`CREATE TABLE checklists (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES document_templates(id, version)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX checklists_case ON checklists(case_id, created_at)`.execute(db);

  await sql`CREATE TABLE checklist_ticks (
    checklist_id TEXT NOT NULL REFERENCES checklists(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    ticked_by TEXT NOT NULL REFERENCES workers(id),
    ticked_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (checklist_id, item_key)
  ) STRICT`.execute(db);

  // One row per version: a safety plan is never changed in place, a new version is written.
  await sql`CREATE TABLE safety_plans (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    made_on TEXT NOT NULL,
    review_on TEXT NOT NULL,
    made_with TEXT NOT NULL,
    worker_id TEXT NOT NULL REFERENCES workers(id),
    content TEXT NOT NULL,
    shelter_address TEXT,
    internal_note TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (case_id, person_id, version),
    FOREIGN KEY (template_id, template_version) REFERENCES document_templates(id, version)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE action_plans (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'cancelled')),
    goals TEXT NOT NULL,
    actions TEXT NOT NULL,
    follow_up_on TEXT,
    worker_signed_on TEXT,
    person_signed_on TEXT,
    internal_note TEXT,
    worker_id TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX action_plans_case ON action_plans(case_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore a backup instead.');
}
