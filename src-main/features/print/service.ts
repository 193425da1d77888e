import type { Session } from '../../api/context.js';
import type { Core } from '../../core.js';
import { localIsoDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { forVariant, type PrintVariant } from '../../print/document-model.js';
import type { PrintDelivery, PrintEngine, PrintModel } from '../../print/engine.js';
import { pdfLayout } from '../../print/pdf-options.js';
import { readSettings } from '../settings/service.js';
import { buildDocument, DOCUMENT_TITLES, VARIANT_LABELS } from './documents.js';
import type { DocumentKind, PrintedDocument } from './models.js';

export const LOGO_SETTING = 'print.logo';

export async function readLogo(session: Session): Promise<string | null> {
  const row = await session.db.selectFrom('settings').select('value').where('key', '=', LOGO_SETTING).executeTakeFirst();
  if (!row) return null;
  try {
    const v: unknown = JSON.parse(row.value);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

export async function setLogo(session: Session, logo: string | null): Promise<{ logo: string | null }> {
  await session.db.transaction().execute(async (trx) => {
    if (logo === null) await trx.deleteFrom('settings').where('key', '=', LOGO_SETTING).execute();
    else
      await trx
        .insertInto('settings')
        .values({ key: LOGO_SETTING, value: JSON.stringify(logo) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(logo) }))
        .execute();
    await session.audit.record(trx, { action: 'settings.update', entityType: 'settings', detail: { keys: LOGO_SETTING } });
  });
  return { logo };
}

type Ref = { kind: DocumentKind; id: string };

/**
 * The one way a document leaves main for printing: built from the vault,
 * logged (what, which copy, how) in the same transaction, then filtered for
 * the variant by forVariant. Nothing else hands a document to a renderer.
 */
export async function preparePrint(session: Session, ref: Ref, variant: PrintVariant, output: 'preview' | 'pdf' | 'paper', now: Date = new Date()): Promise<PrintedDocument> {
  const settings = await readSettings(session.db);
  const logo = await readLogo(session);
  const model = await session.db.transaction().execute(async (trx) => {
    const built = await buildDocument(trx, ref, { unitName: settings.unitName, logo, printedOn: localIsoDate(now), printedBy: session.worker.name, variant });
    await session.audit.record(trx, { action: `print.${output}`, entityType: ref.kind, entityId: ref.id, detail: { caseId: built.caseId, variant } });
    return built.model;
  });
  return forVariant(model, variant);
}

function engineOf(core: Core): PrintEngine {
  if (!core.printEngine) throw new AppError('conflict', 'Utskrift är inte tillgänglig i den här miljön.');
  return core.printEngine;
}

/** A file name that names no person: kind, case number, copy, date. */
export function pdfFileName(doc: PrintedDocument): string {
  const kind = { safety_plan: 'sakerhetsplan', action_plan: 'handlingsplan', risk_assessment: 'riskbedomning', checklist: 'checklista' }[doc.kind];
  const copy = doc.letterhead.variant === 'client' ? 'klientkopia' : 'internt';
  return `${kind}-${doc.letterhead.caseNumber}-${copy}-${doc.letterhead.printedOn}.pdf`;
}

function layoutFor(doc: PrintedDocument) {
  return pdfLayout({ unitName: doc.letterhead.unitName, copyLabel: `${DOCUMENT_TITLES[doc.kind]} · ${VARIANT_LABELS[doc.letterhead.variant]}` });
}

export async function printToPdf(core: Core, session: Session, ref: Ref, variant: PrintVariant): Promise<PrintDelivery> {
  const engine = engineOf(core);
  const doc = await preparePrint(session, ref, variant, 'pdf');
  const pdf = await engine.toPdf(doc as unknown as PrintModel, layoutFor(doc));
  return engine.deliver(pdf, pdfFileName(doc));
}

export async function printToPaper(core: Core, session: Session, ref: Ref, variant: PrintVariant): Promise<PrintDelivery> {
  const engine = engineOf(core);
  if (!engine.printer) throw new AppError('conflict', 'Utskrift direkt till skrivare finns bara i skrivbordsappen. Spara som PDF och skriv ut filen.');
  const doc = await preparePrint(session, ref, variant, 'paper');
  return engine.printer(doc as unknown as PrintModel);
}

/** Renders a document to PDF bytes without delivering it (the benchmark, tests). */
export async function renderPdf(engine: PrintEngine, doc: PrintedDocument): Promise<Uint8Array> {
  return engine.toPdf(doc as unknown as PrintModel, layoutFor(doc));
}
