import type { Session } from '../../api/context.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { parseTemplateText, type Template, type TemplateKind } from '../../domain/templates.js';
import type { TemplateSummary } from './contract.js';
import { findTemplate, latestTemplates, storeTemplateVersion } from './store.js';

export async function listTemplates(session: Session, kind?: TemplateKind): Promise<TemplateSummary[]> {
  return latestTemplates(session.db, kind);
}

export async function getTemplate(session: Session, id: string, version: number): Promise<Template> {
  const t = await findTemplate(session.db, id, version);
  if (!t) throw new NotFoundError('Mallen');
  return t;
}

/**
 * Imports a unit's own template file: checked against the template schema,
 * every problem reported with where it is in the file. A version already
 * stored with another body is refused (raise the version number instead).
 */
export async function importTemplate(session: Session, fileName: string, text: string, now: Date = new Date()): Promise<TemplateSummary> {
  const parsed = parseTemplateText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw new ValidationError(
      parsed.problems.map((p) => ({ path: p.path, code: 'template', message: `${p.path}: ${p.message}` })),
      `Mallen i ”${fileName}” kan inte användas: ${parsed.problems.length === 1 ? 'ett fel' : `${parsed.problems.length} fel`} hittades.`,
    );
  }
  const t = parsed.template;
  await session.db.transaction().execute(async (trx) => {
    await storeTemplateVersion(trx, t, 'imported', session.worker.id, now);
    await session.audit.record(trx, { action: 'templates.import', entityType: 'document_template', entityId: `${t.id}@${t.version}`, detail: { kind: t.kind } });
  });
  return { id: t.id, version: t.version, kind: t.kind, title: t.title, source: 'imported' };
}
