import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, showDate } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { hasFindings, translateFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import { FACTS_FIELDS, factsFromDetail, toFactsInput, validateFacts, type CaseFactsValues, type FactsField } from './case-facts';
import { CaseFactsFields } from './CaseFactsFields';
import { useCasesStore } from './cases-store';

/** The facts of the intake, and "Ändra uppgifter" (cases.update) while the case is open. */
export function CaseFactsPanel({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const back = () => {
    setEditing(false);
    setTimeout(() => opener.current?.focus(), 0);
  };

  return (
    <section className="case-section" aria-labelledby="case-facts-title">
      <div className="section-head">
        <h2 id="case-facts-title">{t('caseView.factsTitle')}</h2>
        {!readOnly && !editing ? (
          <button ref={opener} type="button" className="button" onClick={() => setEditing(true)}>
            {t('caseView.editFacts')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <CaseFactsForm detail={detail} onDone={back} onCancel={back} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('caseView.intakeDate')}</dt>
              <dd>{detail.intakeDate}</dd>
            </div>
            <div>
              <dt>{t('caseView.source')}</dt>
              <dd>{t(`vocab.intakeSource.${detail.intakeSource}`)}</dd>
            </div>
            <div>
              <dt>{t('caseView.relation')}</dt>
              <dd>{detail.relation ? t(`vocab.relation.${detail.relation}`) : t('common.notGiven')}</dd>
            </div>
            <div>
              <dt>{t('caseView.firstContact')}</dt>
              <dd>{detail.firstContactDate ?? t('common.notGiven')}</dd>
            </div>
            <div>
              <dt>{t('caseView.children')}</dt>
              <dd>{detail.childrenInHousehold ?? t('common.notGiven')}</dd>
            </div>
            <div>
              <dt>{t('caseView.created')}</dt>
              <dd>{formatDate(detail.createdAt)}</dd>
            </div>
            {detail.closedAt ? (
              <div>
                <dt>{t('caseView.closedAt')}</dt>
                <dd>
                  {showDate(detail.closedAt)}
                  {detail.closingReason ? ` – ${t(`vocab.closingReason.${detail.closingReason}`)}` : ''}
                </dd>
              </div>
            ) : null}
          </dl>
          <h3 className="sub-title">{t('caseView.violenceTypes')}</h3>
          <ul className="tag-list">
            {detail.violenceTypes.map((v) => (
              <li key={v} className="tag">
                {t(`vocab.violenceType.${v}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CaseFactsForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const update = useCasesStore((s) => s.update);
  const [values, setValues] = useState<CaseFactsValues>(() => factsFromDetail(detail));
  const [errors, setErrors] = useState<Partial<Record<FactsField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const findings = validateFacts(values);
    if (hasFindings(findings)) {
      setErrors(translateFindings(findings));
      focus.refused();
      return;
    }
    setBusy(true);
    try {
      await update({ id: detail.id, ...toFactsInput(values, { clearEmpty: true }) });
      onDone();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, FACTS_FIELDS);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
      focus.refused();
    }
  };

  return (
    <form ref={focus.ref} className="subform form" onSubmit={onSubmit} noValidate aria-label={t('caseView.editFacts')}>
      {formError ? <Alert>{formError}</Alert> : null}
      <CaseFactsFields
        idPrefix="case-edit"
        values={values}
        onChange={(patch, clears) => {
          setValues((v) => ({ ...v, ...patch }));
          setErrors((x) => ({ ...x, [clears]: undefined }));
        }}
        errors={errors}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('caseView.saveFacts')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
