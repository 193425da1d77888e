import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema, noInput } from '../../api/schemas.js';
import type { ChainVerification } from '../audit/verify.js';
import type { RegisterExtract } from './extract.js';
import type { PrintDelivery } from '../../print/engine.js';
import type { LogPage, LogReview } from './log-review.js';
import type { RetentionPreview, RetentionRunRecord } from './retention.js';
import { privacySettingsSchema, type PrivacySettings } from './settings.js';

const actionSchema = z.string().regex(/^[a-z_]+\.[a-z_]+$/, { error: 'Okänd åtgärd.' }).max(80);

const logFilterShape = {
  workerId: idSchema.optional(),
  personId: idSchema.optional(),
  caseId: idSchema.optional(),
  action: actionSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
};
const periodInOrder: [(f: { from?: string | undefined; to?: string | undefined }) => boolean, { error: string; path: string[] }] = [
  (f) => !f.from || !f.to || f.from <= f.to,
  { error: 'Perioden måste sluta efter att den börjar.', path: ['to'] },
];

export const logSearchSchema = z
  .object({
    ...logFilterShape,
    after: z.object({ at: z.string().max(40), id: z.number().int().min(0) }).strict().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .refine(...periodInOrder);

/** The filters of the review screen, without paging: the PDF holds the newest events that match. */
export const logPdfSchema = z.object(logFilterShape).strict().refine(...periodInOrder);

const commentSchema = z
  .string({ error: 'Skriv en kommentar.' })
  .trim()
  .min(1, { error: 'Skriv en kommentar om vad granskningen visade.' })
  .max(4000, { error: 'Högst 4 000 tecken.' })
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: 'Texten innehåller otillåtna tecken.' });

export const logReviewSchema = z
  .object({ periodFrom: isoDateSchema, periodTo: isoDateSchema, comment: commentSchema })
  .strict()
  .refine((r) => r.periodFrom <= r.periodTo, { error: 'Perioden måste sluta efter att den börjar.', path: ['periodTo'] });

const holdReasonSchema = z
  .string({ error: 'Ange skälet till spärren.' })
  .trim()
  .min(1, { error: 'Ange skälet till spärren, till exempel ”överklagande”.' })
  .max(200, { error: 'Högst 200 tecken.' })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'Otillåtna tecken.' });

export const privacyContract = {
  /** The privacy settings (retention rule, office hours, "many persons"). */
  'privacy.settings': channel(noInput).returns<PrivacySettings>(),
  'privacy.updateSettings': channel(privacySettingsSchema.partial().strict(), 'coordinator').returns<PrivacySettings>(),

  /** Log review: one page of events, newest first, with flags. Reading the log is itself logged. */
  'privacy.logSearch': channel(logSearchSchema, 'coordinator').returns<LogPage>(),
  /** Recomputes the audit trail's hash chain; reports the first broken link. */
  'privacy.logVerify': channel(noInput, 'coordinator').returns<ChainVerification>(),
  'privacy.logReviewSave': channel(logReviewSchema, 'coordinator').returns<LogReview>(),
  'privacy.logReviews': channel(noInput, 'coordinator').returns<LogReview[]>(),
  /** The filtered log as a PDF for the review's minutes (through the print engine); logged, and flagged as an export. */
  'privacy.logPdf': channel(logPdfSchema, 'coordinator').returns<PrintDelivery>(),

  /** What retention would delete today, with the reason per case. */
  'privacy.retentionPreview': channel(noInput, 'coordinator').returns<RetentionPreview>(),
  /** Deletes the confirmed cases (each must still be due). */
  'privacy.retentionRun': channel(z.object({ caseIds: z.array(idSchema).min(1, { error: 'Inga ärenden att gallra.' }).max(100_000) }).strict(), 'coordinator').returns<RetentionRunRecord>(),
  'privacy.retentionRuns': channel(noInput, 'coordinator').returns<RetentionRunRecord[]>(),
  'privacy.retentionHold': channel(z.object({ caseId: idSchema, reason: holdReasonSchema }).strict(), 'coordinator').returns<null>(),
  'privacy.retentionRelease': channel(z.object({ caseId: idSchema }).strict(), 'coordinator').returns<null>(),

  /** The register extract for one person, to look at before producing it. */
  'privacy.extract': channel(z.object({ personId: idSchema }).strict(), 'coordinator').returns<RegisterExtract>(),
  /** The coordinator produces (prints) the extract: logged. */
  'privacy.extractProduced': channel(z.object({ personId: idSchema }).strict(), 'coordinator').returns<{ producedAt: string }>(),
  /** The extract as a PDF through the print engine: saved (desktop) or downloaded (browser); logged. */
  'privacy.extractPdf': channel(z.object({ personId: idSchema }).strict(), 'coordinator').returns<PrintDelivery>(),
} as const;
