import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, showDate } from '../../app/dates';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { SettingsLink } from '../settings/SettingsLink';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/TextField';
import type { RetentionCase } from '../../../src-main/features/privacy/retention';
import { usePrivacyStore } from './privacy-store';

/** Retention: the preview with a reason per case, holds, the confirmed run, and the record of earlier runs. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const preview = usePrivacyStore((s) => s.preview);
  const previewError = usePrivacyStore((s) => s.previewError);
  const runs = usePrivacyStore((s) => s.runs);
  const load = usePrivacyStore((s) => s.loadRetention);
  const run = usePrivacyStore((s) => s.runRetention);
  const release = usePrivacyStore((s) => s.release);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [holding, setHolding] = useState<RetentionCase | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const onRun = async () => {
    if (!preview) return;
    setConfirming(false);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await run(preview.due.map((c) => c.caseId));
      setDone(t('privacy.retention.done', { cases: r.counts.cases ?? 0, persons: r.counts.persons ?? 0 }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('privacy.retention.heading')}</h2>
        {preview ? <p className="muted">{t('privacy.retention.intro', { years: preview.rule.yearsAfterLastEntry })}</p> : null}
        <p>
          <SettingsLink section="retention">{t('unitSettings.links.retention')}</SettingsLink>
        </p>
        {previewError ? <Alert>{describeError(previewError)}</Alert> : null}
        {error ? <Alert>{error}</Alert> : null}
        {done ? <Alert kind="success">{done}</Alert> : null}
        {preview?.rule.keepEverything ? <Alert kind="info">{t('privacy.retention.keepEverything')}</Alert> : null}
        {!preview ? (
          <p className="loading">{t('common.loading')}</p>
        ) : (
          <>
            <h3>{preview.due.length ? t('privacy.retention.dueHeading', { count: preview.due.length }) : t('privacy.retention.noneDue')}</h3>
            {preview.due.length ? <CaseTable cases={preview.due} onHold={setHolding} /> : null}
            <p className="muted">{t('privacy.retention.notYet', { count: preview.notYet, open: preview.open })}</p>
            {preview.due.length ? (
              <div className="button-row">
                <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirming(true)}>
                  {t('privacy.retention.run', { count: preview.due.length })}
                </button>
              </div>
            ) : null}
            {preview.kept.length ? (
              <>
                <h3>{t('privacy.retention.keptHeading')}</h3>
                <CaseTable cases={preview.kept} />
              </>
            ) : null}
            {preview.holds.length ? (
              <>
                <h3>{t('privacy.retention.holdsHeading')}</h3>
                <ul className="plain-list">
                  {preview.holds.map((h) => (
                    <li key={h.caseId} className="inline-actions">
                      <strong>{h.caseNumber}</strong> {h.reason} <span className="muted">({formatDate(h.at)})</span>
                      <button type="button" className="button button-small" onClick={() => void release(h.caseId).catch((err: unknown) => setError(describeError(err)))}>
                        {t('privacy.retention.release')}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </section>
      {holding ? <HoldForm target={holding} onClose={() => setHolding(null)} /> : null}
      {confirming && preview ? (
        <ConfirmDialog title={t('privacy.retention.confirmTitle', { count: preview.due.length })} confirmLabel={t('privacy.retention.confirm')} cancelLabel={t('common.cancel')} danger busy={busy} onCancel={() => setConfirming(false)} onConfirm={() => void onRun()}>
          <p>{t('privacy.retention.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
      <section className="panel" aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t('privacy.retention.runsHeading')}</h2>
        {runs.length === 0 ? (
          <p className="empty">{t('privacy.retention.noRuns')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.retention.runAt')}</th>
                <th scope="col">{t('privacy.retention.rule')}</th>
                <th scope="col">{t('privacy.retention.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.runAt)}</td>
                  <td>{t('privacy.retention.ruleText', { years: r.rule.yearsAfterLastEntry })}</td>
                  <td>{t('privacy.retention.countsText', { cases: r.counts.cases ?? 0, persons: r.counts.persons ?? 0 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function CaseTable({ cases, onHold }: { cases: RetentionCase[]; onHold?: (c: RetentionCase) => void }) {
  const { t } = useTranslation();
  return (
    <table className="table retention-table">
      <thead>
        <tr>
          <th scope="col">{t('privacy.retention.caseNumber')}</th>
          <th scope="col">{t('privacy.retention.closedAt')}</th>
          <th scope="col">{t('privacy.retention.lastEntry')}</th>
          <th scope="col">{t('privacy.retention.dueFrom')}</th>
          <th scope="col">{t('privacy.retention.deadline')}</th>
          <th scope="col">{t('privacy.retention.reason')}</th>
          {onHold ? (
            <th scope="col">
              <span className="visually-hidden">{t('privacy.retention.hold')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.caseId}>
            <td className="cell-nowrap">{c.caseNumber}</td>
            <td>{c.closedAt ? showDate(c.closedAt) : '—'}</td>
            <td>{c.lastEntryDate}</td>
            <td>{c.dueFrom}</td>
            <td>{c.deadline}</td>
            <td className={c.reason === 'overdue' ? 'retention-overdue' : undefined}>
              {t(`privacy.retention.reasons.${c.reason}`)}
              {c.holdReason ? `: ${c.holdReason}` : ''}
            </td>
            {onHold ? (
              <td>
                <button type="button" className="button button-small" onClick={() => onHold(c)}>
                  {t('privacy.retention.hold')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HoldForm({ target, onClose }: { target: RetentionCase; onClose: () => void }) {
  const { t } = useTranslation();
  const hold = usePrivacyStore((s) => s.hold);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await hold(target.caseId, reason);
      onClose();
    } catch (err) {
      setFieldError(fieldErrorsOf(err).reason);
      setError(describeError(err));
    }
  };
  return (
    <section className="panel" aria-labelledby="hold-heading">
      <form className="form" onSubmit={onSubmit} noValidate>
        <h2 id="hold-heading">{t('privacy.retention.holdReason', { caseNumber: target.caseNumber })}</h2>
        {error ? <Alert>{error}</Alert> : null}
        <TextField id="hold-reason" label={t('privacy.retention.reason')} hint={t('privacy.retention.holdReasonHint')} value={reason} onChange={setReason} error={fieldError} autoComplete="off" autoFocus />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('privacy.retention.placeHold')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
