import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { DocumentPanelHead } from '../../components/DocumentPanelHead';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { PrintControls } from '../../components/print/PrintControls';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { RiskHistory } from '../../../src-main/features/risk-assessments/contract';
import type { Answer, ScoreResult } from '../../../src-main/domain/risk-scoring';
import type { Question, RiskLevel, RiskTemplate } from '../../../src-main/domain/templates';
import type { TemplateSummary } from '../../../src-main/features/templates/contract';
import { useRiskAssessmentsStore } from './risk-assessments-store';

const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'acute'];

/** A person's assessments, oldest first, the trend, and when the next one is due. */
export function RiskHistoryView({ history }: { history: RiskHistory }) {
  const { t } = useTranslation();
  if (history.assessments.length === 0) return <p className="empty">{t('documents.risk.none')}</p>;
  return (
    <>
      {history.next ? (
        <Alert kind={history.next.due ? 'warning' : 'info'}>{t(history.next.due ? 'documents.risk.overdue' : 'documents.risk.nextOn', { date: history.next.on })}</Alert>
      ) : null}
      <p>
        <strong>{t('documents.risk.trend')}:</strong> {t(`documents.risk.trends.${history.trend}`)}{' '}
        <span className="risk-trend" aria-hidden="true">
          {history.assessments.map((a) => (
            <span key={a.id} className={`risk-dot risk-${a.level}`} title={`${a.assessedOn}: ${t(`documents.level.${a.level}`)}`} />
          ))}
        </span>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('documents.risk.date')}</th>
            <th scope="col">{t('documents.risk.level')}</th>
            <th scope="col">{t('documents.risk.suggested')}</th>
            <th scope="col">{t('documents.risk.unanswered')}</th>
            <th scope="col">{t('documents.risk.worker')}</th>
            <th scope="col">{t('documents.risk.template')}</th>
            <th scope="col">{t('documents.print')}</th>
          </tr>
        </thead>
        <tbody>
          {history.assessments.map((a) => (
            <tr key={a.id}>
              <td className="cell-nowrap">{a.assessedOn}</td>
              <td>
                <span className={`level-pill risk-${a.level}`}>{t(`documents.level.${a.level}`)}</span>
              </td>
              <td>
                {t(`documents.level.${a.suggestedLevel}`)} ({a.score}/{a.maxScore})
              </td>
              <td>{a.unanswered}</td>
              <td>{a.worker.name}</td>
              <td>
                {a.template.title} v{a.template.version}
              </td>
              <td>
                <PrintControls kind="risk_assessment" id={a.id} label={t('documents.risk.printLabel', { date: a.assessedOn })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The case's main person's risk assessments, and a new one. */
export function RiskAssessmentsPanel({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const personId = detail.mainPersonId;
  const history = useRiskAssessmentsStore((s) => (s.key === personId ? s.data : null));
  const error = useRiskAssessmentsStore((s) => (s.key === personId ? s.error : null));
  const load = useRiskAssessmentsStore((s) => s.load);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load(personId);
  }, [personId, load]);

  return (
    <div>
      <DocumentPanelHead title={t('documents.risk.title')} newLabel={!readOnly && !adding ? t('documents.risk.new') : null} onNew={() => (setSaved(false), setAdding(true))} error={error} savedText={saved ? t('documents.risk.saved') : null} />
      {adding ? (
        <RiskAssessmentForm
          detail={detail}
          onDone={() => {
            setAdding(false);
            setSaved(true);
            void load(personId);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {history ? <RiskHistoryView history={history} /> : null}
    </div>
  );
}

function answerOptions(q: Question, labels: { yes: string; no: string; unknown: string }) {
  switch (q.kind) {
    case 'yes_no':
      return [
        { value: 'yes', label: labels.yes },
        { value: 'no', label: labels.no },
        { value: 'unknown', label: labels.unknown },
      ];
    case 'scale':
      return [
        ...Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ value: String(q.min + i), label: String(q.min + i) })),
        { value: 'unknown', label: labels.unknown },
      ];
    case 'choice':
      return [...q.options.map((o) => ({ value: o.value, label: o.label })), { value: 'unknown', label: labels.unknown }];
    case 'text':
      return [];
  }
}

type Field = 'assessedOn' | 'level' | 'levelReason' | 'judgement' | 'nextAssessmentOn';

function RiskAssessmentForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [template, setTemplate] = useState<RiskTemplate | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [score, setScore] = useState<ScoreResult | null>(null);
  const [values, setValues] = useState({ assessedOn: todayIso(), level: '', levelReason: '', judgement: '', internalNote: '', nextAssessmentOn: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void invoke('templates.list', { kind: 'risk_assessment' })
      .then(async (list) => {
        setTemplates(list);
        const first = list[0];
        if (first) {
          const tpl = await invoke('templates.get', { id: first.id, version: first.version });
          if (tpl.kind === 'risk_assessment') setTemplate(tpl);
        }
      })
      .catch((err: unknown) => setFormError(describeError(err)));
  }, []);

  useEffect(() => {
    if (!template) return;
    const timer = setTimeout(() => {
      void invoke('riskAssessments.score', { template: { id: template.id, version: template.version }, answers })
        .then(setScore)
        .catch((err: unknown) => setFormError(describeError(err)));
    }, 150);
    return () => clearTimeout(timer);
  }, [template, answers]);

  const questions = useMemo(() => template?.sections.flatMap((s) => s.questions) ?? [], [template]);
  const chosenLevel = (values.level || score?.suggestedLevel || '') as RiskLevel | '';
  const departs = Boolean(score && chosenLevel && chosenLevel !== score.suggestedLevel);
  const set = (f: keyof typeof values) => (v: string) => {
    setValues((x) => ({ ...x, [f]: v }));
    setErrors((x) => ({ ...x, [f]: undefined }));
  };
  const answer = (q: Question, raw: string) =>
    setAnswers((a) => {
      const next = { ...a };
      if (raw === '') delete next[q.key];
      else next[q.key] = { value: q.kind === 'scale' && raw !== 'unknown' ? Number(raw) : raw };
      return next;
    });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!template || !chosenLevel) return;
    const found: Partial<Record<Field, string>> = {};
    if (!values.judgement.trim()) found.judgement = t('documents.risk.judgementRequired');
    if (departs && !values.levelReason.trim()) found.levelReason = t('documents.risk.reasonRequired');
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await invoke('riskAssessments.create', {
        caseId: detail.id,
        personId: detail.mainPersonId,
        template: { id: template.id, version: template.version },
        assessedOn: values.assessedOn.trim(),
        answers,
        level: chosenLevel,
        levelReason: values.levelReason,
        judgement: values.judgement,
        internalNote: values.internalNote,
        nextAssessmentOn: values.nextAssessmentOn.trim() || null,
      });
      onDone();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['assessedOn', 'level', 'levelReason', 'judgement', 'nextAssessmentOn']);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  if (!template) return formError ? <Alert>{formError}</Alert> : <p className="loading">{t('common.loading')}</p>;
  return (
    <form className="subform form" onSubmit={onSubmit} noValidate aria-labelledby="risk-form-title">
      <h4 id="risk-form-title" className="sub-title">
        {template.title} <span className="muted">v{template.version}</span>
      </h4>
      {templates.length > 1 ? <p className="muted">{t('documents.risk.usingNewest')}</p> : null}
      {template.description ? <p className="field-hint">{template.description}</p> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField id="risk-date" label={t('documents.risk.date')} hint={t('common.dateHint')} value={values.assessedOn} onChange={set('assessedOn')} error={errors.assessedOn} className="input-date" autoComplete="off" />
      {template.sections.map((s) => (
        <fieldset key={s.key} className="fieldset risk-section">
          <legend>{s.title}</legend>
          {s.questions.map((q) =>
            q.kind === 'text' ? (
              <TextArea key={q.key} id={`risk-q-${q.key}`} label={q.text} hint={q.help} value={typeof answers[q.key]?.value === 'string' ? String(answers[q.key]!.value) : ''} onChange={(v) => answer(q, v)} rows={2} />
            ) : (
              <RadioGroup
                key={q.key}
                name={`risk-q-${q.key}`}
                legend={q.text}
                hint={q.kind === 'scale' && q.minLabel && q.maxLabel ? `${q.min} = ${q.minLabel}, ${q.max} = ${q.maxLabel}${q.help ? `. ${q.help}` : ''}` : q.help}
                value={answers[q.key] ? String(answers[q.key]!.value) : ''}
                onChange={(v) => answer(q, v)}
                options={answerOptions(q, { yes: t('documents.risk.yes'), no: t('documents.risk.no'), unknown: t('documents.risk.unknown') })}
                inline
              />
            ),
          )}
        </fieldset>
      ))}
      {score ? (
        <div className="risk-summary" role="status">
          <p>{t('documents.risk.answered', { answered: score.answered, total: questions.length, unanswered: score.unanswered.length, unknown: score.unknown.length })}</p>
          <p>
            {t('documents.risk.suggestion', { level: t(`documents.level.${score.suggestedLevel}`), score: score.score, max: score.maxScore })}
          </p>
        </div>
      ) : null}
      <RadioGroup name="risk-level" legend={t('documents.risk.yourLevel')} hint={t('documents.risk.yourLevelHint')} value={chosenLevel} onChange={set('level')} options={LEVELS.map((l) => ({ value: l, label: t(`documents.level.${l}`) }))} error={errors.level} inline />
      {departs ? <TextArea id="risk-reason" label={t('documents.risk.reason')} hint={t('documents.risk.reasonHint')} value={values.levelReason} onChange={set('levelReason')} error={errors.levelReason} rows={3} /> : null}
      <TextArea id="risk-judgement" label={t('documents.risk.judgement')} value={values.judgement} onChange={set('judgement')} error={errors.judgement} rows={4} />
      <TextArea id="risk-note" label={t('documents.internalNote')} hint={t('documents.internalNoteHint')} value={values.internalNote} onChange={set('internalNote')} rows={2} />
      <TextField id="risk-next" label={t('documents.risk.next')} hint={t('documents.risk.nextHint')} value={values.nextAssessmentOn} onChange={set('nextAssessmentOn')} error={errors.nextAssessmentOn} className="input-date" autoComplete="off" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('documents.risk.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A person's assessments over all their cases, on the person's page. */
export function PersonRiskHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const history = useRiskAssessmentsStore((s) => (s.key === personId ? s.data : null));
  const error = useRiskAssessmentsStore((s) => (s.key === personId ? s.error : null));
  const load = useRiskAssessmentsStore((s) => s.load);
  useEffect(() => {
    void load(personId);
  }, [personId, load]);
  return (
    <section aria-labelledby="person-risk-title">
      <h2 id="person-risk-title">{t('documents.risk.title')}</h2>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {history ? <RiskHistoryView history={history} /> : null}
    </section>
  );
}
