import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { formatDateTime, todayIso } from '../../app/dates';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { SettingsLink } from '../settings/SettingsLink';
import { Alert } from '../../components/Alert';
import { download } from '../../components/print/PrintControls';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { LogRow } from '../../../src-main/features/privacy/log-review';
import { KNOWN_ACTIONS } from './audit-actions';
import { LogTableHead, useActionLabel } from './log-table';
import { useWorkersStore } from '../workers/workers-store';
import { usePrivacyStore, type LogFilters } from './privacy-store';



function firstOfMonth(): string {
  return `${todayIso().slice(0, 8)}01`;
}

/** The coordinator's log review: filters, flagged rows that open the record, chain check, and recording the review. */
export function LogReviewPanel() {
  const { t } = useTranslation();
  const workers = useWorkersStore((s) => s.workers);
  const loadWorkers = useWorkersStore((s) => s.load);
  const filters = usePrivacyStore((s) => s.logFilters);
  const rows = usePrivacyStore((s) => s.logRows);
  const next = usePrivacyStore((s) => s.logNext);
  const loaded = usePrivacyStore((s) => s.logLoaded);
  const logError = usePrivacyStore((s) => s.logError);
  const searchLog = usePrivacyStore((s) => s.searchLog);
  const moreLog = usePrivacyStore((s) => s.moreLog);
  const [draft, setDraft] = useState<LogFilters>(() => (Object.keys(filters).length ? filters : { from: firstOfMonth(), to: todayIso() }));
  const [verify, setVerify] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [pdf, setPdf] = useState<{ kind: 'success' | 'error'; text: string } | 'saving' | null>(null);

  useEffect(() => {
    void loadWorkers();
    void searchLog(draft);
    // Only on opening the tab: later searches come from the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const apply = (f: LogFilters) => {
    setDraft(f);
    void searchLog(f);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const actionLabel = useActionLabel();
  const flagged = rows.filter((r) => r.flags.length > 0).length;

  const runVerify = async () => {
    setVerify(null);
    try {
      const r = await invoke('privacy.logVerify');
      if (r.firstBroken) setVerify({ kind: 'error', text: t('privacy.log.verifyBroken', { id: r.firstBroken.id, at: formatDateTime(r.firstBroken.at) }) });
      else if (r.removedAtEnd > 0) setVerify({ kind: 'error', text: t('privacy.log.verifyTruncated', { count: r.removedAtEnd, checked: r.checked }) });
      else setVerify({ kind: 'success', text: t('privacy.log.verifyOk', { count: r.checked }) });
    } catch (err) {
      setVerify({ kind: 'error', text: describeError(err) });
    }
  };

  // The PDF holds what the screen was last searched with (the applied filters, not a half-typed draft).
  const savePdf = async () => {
    setPdf('saving');
    try {
      const { workerId, personId, caseId, action, from, to } = filters;
      const r = await invoke('privacy.logPdf', { workerId, personId, caseId, action, from, to });
      if (r.outcome === 'download') download(r.fileName, r.pdfBase64);
      setPdf(r.outcome === 'cancelled' ? null : { kind: 'success', text: t('privacy.log.pdfSaved') });
    } catch (err) {
      setPdf({ kind: 'error', text: describeError(err) });
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('privacy.log.heading')}</h2>
        <p className="muted">
          {t('privacy.log.intro')} <SettingsLink section="log">{t('unitSettings.links.log')}</SettingsLink>
        </p>
        <form className="log-filters" onSubmit={onSubmit} noValidate aria-label={t('privacy.log.filters')}>
          <SelectField id="log-worker" label={t('privacy.log.worker')} value={draft.workerId ?? ''} onChange={(v) => setDraft({ ...draft, workerId: v || undefined })} placeholder={t('privacy.log.anyWorker')} options={workers.map((w) => ({ value: w.id, label: w.name }))} />
          <SelectField id="log-action" label={t('privacy.log.action')} value={draft.action ?? ''} onChange={(v) => setDraft({ ...draft, action: v || undefined })} placeholder={t('privacy.log.anyAction')} options={KNOWN_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))} />
          <TextField id="log-from" label={t('privacy.log.from')} value={draft.from ?? ''} onChange={(v) => setDraft({ ...draft, from: v || undefined })} className="input-date" hint={t('common.dateHint')} />
          <TextField id="log-to" label={t('privacy.log.to')} value={draft.to ?? ''} onChange={(v) => setDraft({ ...draft, to: v || undefined })} className="input-date" hint={t('common.dateHint')} />
          <div className="button-row log-filter-buttons">
            <button type="submit" className="button button-primary">
              {t('privacy.log.search')}
            </button>
            <button type="button" className="button" onClick={() => apply({})}>
              {t('privacy.log.clear')}
            </button>
          </div>
        </form>
        {draft.personId || draft.caseId ? (
          <ul className="tag-list log-chips">
            {draft.personId ? (
              <li className="tag">
                {t('privacy.log.personFilter')}: {draft.personLabel}{' '}
                <button type="button" className="link-button" onClick={() => apply({ ...draft, personId: undefined, personLabel: undefined })}>
                  {t('privacy.log.removeFilter')}
                </button>
              </li>
            ) : null}
            {draft.caseId ? (
              <li className="tag">
                {t('privacy.log.caseFilter')}: {draft.caseLabel}{' '}
                <button type="button" className="link-button" onClick={() => apply({ ...draft, caseId: undefined, caseLabel: undefined })}>
                  {t('privacy.log.removeFilter')}
                </button>
              </li>
            ) : null}
          </ul>
        ) : null}
        {logError ? <Alert>{describeError(logError)}</Alert> : null}
        {loaded ? (
          <p className="search-status" role="status">
            {t('privacy.log.count', { count: rows.length })}
            {flagged > 0 ? ` · ${t('privacy.log.flagged', { count: flagged })}` : ''}
          </p>
        ) : null}
        {loaded && rows.length === 0 && !logError ? <p className="empty">{t('privacy.log.empty')}</p> : null}
        {rows.length > 0 ? (
          <table className="table log-table">
            <LogTableHead />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.flags.length ? 'log-row-flagged' : undefined}>
                  <td className="cell-nowrap">{formatDateTime(r.at)}</td>
                  <td>{r.workerName ?? '—'}</td>
                  <td>{actionLabel(r.action)}</td>
                  <td>
                    <Concerns row={r} onFilter={(f) => apply({ ...draft, ...f })} />
                  </td>
                  <td>
                    <ul className="tag-list">
                      {r.flags.map((f) => (
                        <li key={f} className={`log-flag log-flag-${f}`}>
                          {t(`privacy.log.flags.${f}`)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {next ? (
          <div className="list-foot">
            <button type="button" className="button" onClick={() => void moreLog()}>
              {t('privacy.log.more')}
            </button>
          </div>
        ) : null}
        <div className="button-row">
          <button type="button" className="button" onClick={() => void savePdf()} disabled={pdf === 'saving' || !loaded}>
            {pdf === 'saving' ? t('privacy.log.pdfSaving') : t('privacy.log.pdf')}
          </button>
          <button type="button" className="button" onClick={() => void runVerify()}>
            {t('privacy.log.verify')}
          </button>
        </div>
        {pdf && pdf !== 'saving' ? <Alert kind={pdf.kind}>{pdf.text}</Alert> : null}
        {verify ? <Alert kind={verify.kind}>{verify.text}</Alert> : null}
      </section>
      <ReviewForm from={draft.from ?? firstOfMonth()} to={draft.to ?? todayIso()} />
    </>
  );
}

function Concerns({ row, onFilter }: { row: LogRow; onFilter: (f: Partial<LogFilters>) => void }) {
  const { t } = useTranslation();
  const label = row.label ?? t('privacy.log.deleted');
  if (row.personId) {
    return (
      <span className="inline-actions">
        <span>
          {t('privacy.log.person')}: {row.exists ? label : <span className="muted">{label}</span>}
        </span>
        {row.exists ? (
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'person', personId: row.personId! })}>
            {t('privacy.log.open')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => onFilter({ personId: row.personId!, personLabel: label })}>
          {t('privacy.log.onlyThis')}
        </button>
      </span>
    );
  }
  if (row.caseId) {
    return (
      <span className="inline-actions">
        <span>
          {t('privacy.log.case')}: {row.exists ? label : <span className="muted">{label}</span>}
        </span>
        {row.exists ? (
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'case', caseId: row.caseId! })}>
            {t('privacy.log.open')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => onFilter({ caseId: row.caseId!, caseLabel: label })}>
          {t('privacy.log.onlyThis')}
        </button>
      </span>
    );
  }
  return <span className="muted">—</span>;
}

function ReviewForm({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const reviews = usePrivacyStore((s) => s.reviews);
  const loadReviews = usePrivacyStore((s) => s.loadReviews);
  const saveReview = usePrivacyStore((s) => s.saveReview);
  const [values, setValues] = useState({ periodFrom: from, periodTo: to, comment: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void loadReviews().catch((err: unknown) => setError(describeError(err)));
  }, [loadReviews]);
  useEffect(() => setValues((v) => ({ ...v, periodFrom: from, periodTo: to })), [from, to]);

  const set = (k: keyof typeof values) => (v: string) => {
    setValues((x) => ({ ...x, [k]: v }));
    setFieldErrors((e) => ({ ...e, [k]: undefined }));
    setSaved(false);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await saveReview(values);
      setValues((v) => ({ ...v, comment: '' }));
      setSaved(true);
    } catch (err) {
      setFieldErrors(fieldErrorsOf(err));
      setError(describeError(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('privacy.log.reviewHeading')}</h2>
      <p className="muted">{t('privacy.log.reviewIntro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {error ? <Alert>{error}</Alert> : null}
        {saved ? <Alert kind="success">{t('privacy.log.reviewSaved')}</Alert> : null}
        <div className="form-row">
          <TextField id="review-from" label={t('privacy.log.periodFrom')} value={values.periodFrom} onChange={set('periodFrom')} error={fieldErrors.periodFrom} className="input-date" />
          <TextField id="review-to" label={t('privacy.log.periodTo')} value={values.periodTo} onChange={set('periodTo')} error={fieldErrors.periodTo} className="input-date" />
        </div>
        <TextArea id="review-comment" label={t('privacy.log.comment')} value={values.comment} onChange={set('comment')} error={fieldErrors.comment} rows={3} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('privacy.log.saveReview')}
          </button>
        </div>
      </form>
      <h3>{t('privacy.log.reviewsHeading')}</h3>
      {reviews.length === 0 ? (
        <p className="empty">{t('privacy.log.noReviews')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.log.when')}</th>
              <th scope="col">{t('privacy.log.reviewer')}</th>
              <th scope="col">{t('privacy.log.period')}</th>
              <th scope="col">{t('privacy.log.flaggedInPeriod')}</th>
              <th scope="col">{t('privacy.log.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id}>
                <td className="cell-nowrap">{formatDateTime(r.at)}</td>
                <td>{r.reviewerName}</td>
                <td className="cell-nowrap">
                  {r.periodFrom} – {r.periodTo}
                </td>
                <td>{r.flaggedEvents}</td>
                <td>{r.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
