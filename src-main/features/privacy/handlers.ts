import type { Handlers } from '../../api/context.js';
import { localIsoDate } from '../../domain/dates.js';
import { UNIT_TIME_ZONE } from '../../domain/audit-flags.js';
import { verifyChain } from '../audit/verify.js';
import type { privacyContract } from './contract.js';
import { buildExtract, extractToPdf, recordExtractProduced } from './extract.js';
import { logToPdf } from './log-pdf.js';
import { listReviews, reviewLog, saveReview } from './log-review.js';
import { holdCase, listRetentionRuns, previewRetention, releaseHold, runRetention } from './retention.js';
import { readPrivacySettings, updatePrivacySettings } from './settings.js';

const today = (now: number) => localIsoDate(new Date(now), UNIT_TIME_ZONE);

export const privacyHandlers: Handlers<typeof privacyContract> = {
  'privacy.settings': (_input, { session }) => readPrivacySettings(session.db),
  'privacy.updateSettings': (input, { session }) => updatePrivacySettings(session, input),

  'privacy.logSearch': (input, { session }) => reviewLog(session, input),
  'privacy.logVerify': async (_input, { session }) => {
    await session.audit.flush();
    const result = await verifyChain(session.db);
    await session.audit.append({ action: 'privacy.log_verify', entityType: 'audit_log', detail: { checked: result.checked, intact: result.firstBroken === null && result.removedAtEnd === 0 } });
    return result;
  },
  'privacy.logReviewSave': (input, { session }) => saveReview(session, input),
  'privacy.logReviews': (_input, { session }) => listReviews(session),
  'privacy.logPdf': (input, { core, session }) => logToPdf(core, session, input),

  'privacy.retentionPreview': async (_input, { core, session }) => {
    const { retention } = await readPrivacySettings(session.db);
    const preview = await previewRetention(session.db, retention, today(core.now()));
    session.audit.note({ action: 'privacy.retention_preview', entityType: 'retention_run', detail: { due: preview.due.length, kept: preview.kept.length } });
    return preview;
  },
  'privacy.retentionRun': (input, { core, session }) => runRetention(session, input.caseIds, today(core.now())),
  'privacy.retentionRuns': (_input, { session }) => listRetentionRuns(session.db),
  'privacy.retentionHold': async (input, { session }) => {
    await holdCase(session, input.caseId, input.reason);
    return null;
  },
  'privacy.retentionRelease': async (input, { session }) => {
    await releaseHold(session, input.caseId);
    return null;
  },

  'privacy.extract': (input, { core, session }) => buildExtract(session, input.personId, core.settings.unitName),
  'privacy.extractProduced': (input, { session }) => recordExtractProduced(session, input.personId),
  'privacy.extractPdf': (input, { core, session }) => extractToPdf(core, session, input.personId),
};
