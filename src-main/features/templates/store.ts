import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { canonicalTemplate, parseTemplate, type Template, type TemplateKind } from '../../domain/templates.js';
import { builtinTemplates } from './builtin.js';
import type { TemplateSummary } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where template versions live: shipped ones in the bundle, and in the vault
 * every version a form was filled with or a unit imported. A stored version
 * is never changed: the same (id, version) with another body is refused.
 */

function summary(t: Template, source: 'builtin' | 'imported'): TemplateSummary {
  return { id: t.id, version: t.version, kind: t.kind, title: t.title, source };
}

/** Keeps a template version in the vault (once); refuses a different body under a stored (id, version). */
export async function storeTemplateVersion(trx: Transaction<Database>, t: Template, source: 'builtin' | 'imported', workerId: string, now: Date): Promise<void> {
  const body = canonicalTemplate(t);
  const shipped = builtinTemplates().find((b) => b.id === t.id && b.version === t.version);
  if (shipped && canonicalTemplate(shipped) !== body) {
    throw new ConflictError(`Mallen ”${t.id}” version ${t.version} följer med Fristad och kan inte ersättas. Ge din mall ett eget id eller ett högre versionsnummer.`, undefined, 'version');
  }
  const existing = await trx.selectFrom('document_templates').select(['body']).where('id', '=', t.id).where('version', '=', t.version).executeTakeFirst();
  if (existing) {
    if (existing.body !== body) {
      throw new ConflictError(`Mallen ”${t.id}” version ${t.version} finns redan med ett annat innehåll. Ge den ändrade mallen ett högre versionsnummer.`, undefined, 'version');
    }
    return;
  }
  await trx
    .insertInto('document_templates')
    .values({ id: t.id, version: t.version, kind: t.kind, title: t.title, body, source, imported_by: source === 'imported' ? workerId : null, created_at: now.toISOString() })
    .execute();
}

/** One template version: as stored in the vault (what forms were filled with), else as shipped. */
export async function findTemplate(db: Db, id: string, version: number): Promise<Template | null> {
  const row = await db.selectFrom('document_templates').select(['body']).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (row) {
    const r = parseTemplate(JSON.parse(row.body));
    if (!r.ok) throw new Error(`stored template ${id}@${version} no longer parses`);
    return r.template;
  }
  return builtinTemplates().find((t) => t.id === id && t.version === version) ?? null;
}

/** As findTemplate, of one kind, or NotFound. */
export async function requireTemplate<K extends TemplateKind>(db: Db, id: string, version: number, kind: K): Promise<Extract<Template, { kind: K }>> {
  const t = await findTemplate(db, id, version);
  if (!t || t.kind !== kind) throw new NotFoundError('Mallen');
  return t as Extract<Template, { kind: K }>;
}

/** The newest version of every template the unit can fill in: shipped and imported. */
export async function latestTemplates(db: Db, kind?: TemplateKind): Promise<TemplateSummary[]> {
  const all = new Map<string, TemplateSummary>();
  const offer = (s: TemplateSummary) => {
    const have = all.get(s.id);
    if (!have || have.version < s.version) all.set(s.id, s);
  };
  for (const t of builtinTemplates()) offer(summary(t, 'builtin'));
  let q = db.selectFrom('document_templates').select(['id', 'version', 'kind', 'title', 'source']).where('source', '=', 'imported');
  if (kind) q = q.where('kind', '=', kind);
  for (const r of await q.execute()) offer({ id: r.id, version: r.version, kind: r.kind, title: r.title, source: r.source });
  return [...all.values()].filter((s) => !kind || s.kind === kind).sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}

/** The newest version of one template id, of one kind, or NotFound. */
export async function latestTemplate<K extends TemplateKind>(db: Db, id: string, kind: K): Promise<Extract<Template, { kind: K }>> {
  const s = (await latestTemplates(db, kind)).find((x) => x.id === id);
  if (!s) throw new NotFoundError('Mallen');
  return requireTemplate(db, s.id, s.version, kind);
}
