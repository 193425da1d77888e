import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, existingIdOf, issueText, issuesOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { hasFindings } from '../../app/validation';
import { i18n } from '../../i18n';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { CHILD_EXPOSURES, type ChildExposure } from '../../../src-main/domain/vocabulary';
import type { PersonSummary } from '../../../src-main/features/persons/contract';
import { PersonChooser } from '../persons/PersonChooser';
import type { PersonChoice } from '../persons/person-choice';
import { PERSON_FIELDS, type PersonField } from '../persons/person-form-validation';
import { usePersonsStore } from '../persons/persons-store';
import type { CaseFactsValues, FactsField } from './case-facts';
import { CaseFactsFields } from './CaseFactsFields';
import { useCasesStore } from './cases-store';
import { emptyIntake, mainKey, newRow, placeServerIssues, rowKey, toCreateCaseInput, typedNumber, validateIntake, type IntakeRow, type IntakeValues, type OtherRole } from './intake-model';

type Target = 'main' | string; // 'main' or a row key

function summaryOf(p: PersonSummary): PersonSummary {
  return { id: p.id, firstName: p.firstName, lastName: p.lastName, numberKind: p.numberKind, personalNumber: p.personalNumber, birthYear: p.birthYear, protectionLevel: p.protectionLevel };
}

/** "Rad" names as the worker sees them: Barn 1, Våldsutövare 1, Annan person 2. */
function rowLabels(rows: IntakeRow[]): Record<string, string> {
  const counts: Record<OtherRole, number> = { child: 0, perpetrator: 0, other: 0 };
  const out: Record<string, string> = {};
  for (const r of rows) {
    counts[r.role] += 1;
    out[r.key] = i18n.t(`intake.rowTitle.${r.role}`, { n: counts[r.role] });
  }
  return out;
}

/**
 * "Ny aktualisering": a new case in one flow — the main person (picked or
 * new), the facts of the intake, and the children, the person using
 * violence and others, each picked or new — saved with one cases.create.
 * A refusal keeps everything typed and shows each problem at its field.
 */
export function IntakeForm({ personId }: { personId?: string | undefined }) {
  const { t } = useTranslation();
  const create = useCasesStore((s) => s.create);
  const openPerson = usePersonsStore((s) => s.open);
  const findByNumber = usePersonsStore((s) => s.findByNumber);
  const preselected = usePersonsStore((s) => (personId && s.current?.id === personId ? s.current : null));
  const preselectError = usePersonsStore((s) => (personId ? s.personError : null));
  const [values, setValues] = useState<IntakeValues>(() => emptyIntake());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Record<Target, PersonSummary>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();
  const didPreselect = useRef(false);
  const focusRow = useRef<string | null>(null);
  const addButtons = useRef<HTMLDivElement>(null);

  // From the person's page ("Öppna ärende"): that person is the main person.
  useEffect(() => {
    if (personId && !preselected) void openPerson(personId);
  }, [personId, preselected, openPerson]);
  useEffect(() => {
    if (!preselected || didPreselect.current) return;
    didPreselect.current = true;
    setValues((v) => ({ ...v, main: { ...v.main, mode: 'existing', picked: summaryOf(preselected) } }));
  }, [preselected]);

  // A row just added gets the focus, so the keyboard continues there.
  useEffect(() => {
    if (!focusRow.current) return;
    document.getElementById(`intake-${focusRow.current}-mode-${'new'}`)?.focus();
    focusRow.current = null;
  }, [values.rows.length]);

  const clearErrors = (prefix: string, field?: string) =>
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(next)) if (field ? k === `${prefix}.${field}` : k.startsWith(`${prefix}.`)) delete next[k];
      return next;
    });

  const clearConflict = (target: Target) =>
    setConflicts((c) => {
      if (!(target in c)) return c;
      const next = { ...c };
      delete next[target];
      return next;
    });

  const onMainChange = (next: PersonChoice, clears: PersonField | 'person' | 'all') => {
    setValues((v) => ({ ...v, main: next }));
    clearErrors('main', clears === 'all' ? undefined : clears);
    if (clears === 'all' || clears === 'identity.value') clearConflict('main');
  };

  const onFactsChange = (patch: Partial<CaseFactsValues>, clears: FactsField) => {
    setValues((v) => ({ ...v, facts: { ...v.facts, ...patch } }));
    setErrors((e) => ({ ...e, [clears]: '' }));
  };

  const updateRow = (key: string, patch: Partial<IntakeRow>) => setValues((v) => ({ ...v, rows: v.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));

  const onRowChoice = (key: string) => (next: PersonChoice, clears: PersonField | 'person' | 'all') => {
    updateRow(key, { choice: next });
    clearErrors(`row:${key}`, clears === 'all' ? undefined : clears);
    if (clears === 'all' || clears === 'identity.value') clearConflict(key);
  };

  const addRow = (role: OtherRole) => {
    const row = newRow(role);
    focusRow.current = row.key;
    setValues((v) => ({ ...v, rows: [...v.rows, row] }));
  };

  const removeRow = (key: string) => {
    setValues((v) => ({ ...v, rows: v.rows.filter((r) => r.key !== key) }));
    clearErrors(`row:${key}`);
    clearConflict(key);
    addButtons.current?.querySelector('button')?.focus();
  };

  /** Switches a clashing row (or the main person) to the person already registered, keeping everything else. */
  const switchToExisting = (target: Target, person: PersonSummary) => {
    const picked = (c: PersonChoice): PersonChoice => ({ ...c, mode: 'existing', picked: person });
    if (target === 'main') setValues((v) => ({ ...v, main: picked(v.main) }));
    else setValues((v) => ({ ...v, rows: v.rows.map((r) => (r.key === target ? { ...r, choice: picked(r.choice) } : r)) }));
    clearErrors(target === 'main' ? 'main' : `row:${target}`);
    const rest = { ...conflicts };
    delete rest[target];
    setConflicts(rest);
    if (Object.keys(rest).length === 0) setFormError(null);
  };

  /** Finds which part of the form typed the number the register already holds (the refusal names only the person). */
  const locateConflict = async (existingId: string): Promise<{ target: Target; person: PersonSummary } | null> => {
    const candidates: { target: Target; choice: PersonChoice }[] = [{ target: 'main', choice: values.main }, ...values.rows.map((r) => ({ target: r.key, choice: r.choice }))];
    for (const { target, choice } of candidates) {
      const number = typedNumber(choice);
      if (!number) continue;
      try {
        const hit = (await findByNumber(number)).find((p) => p.id === existingId);
        if (hit) return { target, person: summaryOf(hit) };
      } catch {
        return null;
      }
    }
    return null;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setOtherErrors([]);
    const findings = validateIntake(values);
    if (hasFindings(findings)) {
      setErrors(Object.fromEntries(Object.entries(findings).map(([k, key]) => [k, t(`validation.${key}`)])));
      setFormError(t('intake.fixFields'));
      focus.refused();
      return;
    }
    setBusy(true);
    const sentKeys = values.rows.map((r) => r.key);
    try {
      const created = await create(toCreateCaseInput(values));
      navigate({ name: 'case', caseId: created.id });
    } catch (err) {
      // Everything typed stays; the refusal is placed where it belongs.
      const existingId = existingIdOf(err);
      if (existingId) {
        const found = await locateConflict(existingId);
        if (found) {
          const labels = rowLabels(values.rows);
          const where = found.target === 'main' ? t('intake.mainTitle') : (labels[found.target] ?? '');
          setConflicts({ [found.target]: found.person });
          setErrors({ [found.target === 'main' ? mainKey('identity.value') : rowKey(found.target, 'identity.value')]: t('intake.numberTaken') });
          setFormError(t('intake.conflict', { where }));
        } else setFormError(describeError(err));
      } else {
        const { placed, other } = placeServerIssues(
          issuesOf(err).map((issue) => ({ issue, text: issueText(issue) })),
          sentKeys,
        );
        setErrors(placed);
        setOtherErrors(other);
        setFormError(describeError(err));
      }
      setBusy(false);
      focus.refused();
    }
  };

  const errorsFor = (prefix: string): Partial<Record<PersonField | 'person', string>> => {
    const out: Partial<Record<PersonField | 'person', string>> = {};
    for (const f of [...PERSON_FIELDS, 'person'] as const) if (errors[`${prefix}.${f}`]) out[f] = errors[`${prefix}.${f}`];
    return out;
  };
  const factErrors = Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as Partial<Record<FactsField, string>>;
  const labels = rowLabels(values.rows);

  return (
    <section className="page page-narrow">
      <PageHeading>{t('intake.title')}</PageHeading>
      <p className="lead">{t('intake.intro')}</p>
      {preselectError ? <Alert>{describeError(preselectError)}</Alert> : null}
      {formError ? (
        <Alert>
          <p>{formError}</p>
          {otherErrors.length > 0 ? (
            <ul className="plain-list">
              {otherErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <form ref={focus.ref} onSubmit={onSubmit} noValidate className="form form-wide">
        <fieldset className="fieldset form-section">
          <legend className="form-section-title">{t('intake.mainTitle')}</legend>
          <p className="field-hint">{t('intake.mainHint')}</p>
          <PersonChooser
            idPrefix="intake-main"
            value={values.main}
            onChange={onMainChange}
            errors={errorsFor('main')}
            conflict={conflicts.main ? { person: conflicts.main, onUse: () => switchToExisting('main', conflicts.main!) } : null}
          />
        </fieldset>

        <fieldset className="fieldset form-section">
          <legend className="form-section-title">{t('intake.factsTitle')}</legend>
          <CaseFactsFields idPrefix="case" values={values.facts} onChange={onFactsChange} errors={factErrors} />
        </fieldset>

        <section className="form-section" aria-labelledby="intake-others-title">
          <h2 id="intake-others-title" className="form-section-title">
            {t('intake.othersTitle')}
          </h2>
          {values.rows.length === 0 ? <p className="field-hint">{t('intake.othersHint')}</p> : null}
          {values.rows.map((row) => {
            const conflict = conflicts[row.key];
            const exposureError = errors[rowKey(row.key, 'childExposure')];
            return (
              <fieldset key={row.key} className="fieldset intake-row" data-role={row.role}>
                <legend className="intake-row-title">{labels[row.key]}</legend>
                <PersonChooser
                  idPrefix={`intake-${row.key}`}
                  value={row.choice}
                  onChange={onRowChoice(row.key)}
                  errors={errorsFor(`row:${row.key}`)}
                  conflict={conflict ? { person: conflict, onUse: () => switchToExisting(row.key, conflict) } : null}
                />
                {row.role === 'child' ? (
                  <RadioGroup
                    name={`intake-${row.key}-exposure`}
                    legend={t('intake.exposure')}
                    hint={t('intake.exposureHint')}
                    value={row.childExposure}
                    onChange={(v) => {
                      updateRow(row.key, { childExposure: v as ChildExposure });
                      clearErrors(`row:${row.key}`, 'childExposure');
                    }}
                    options={CHILD_EXPOSURES.map((x) => ({ value: x, label: t(`vocab.exposure.${x}`) }))}
                    error={exposureError}
                    inline
                  />
                ) : null}
                <div className="button-row button-row-end">
                  <button type="button" className="button button-small" onClick={() => removeRow(row.key)}>
                    {t('intake.removeRow', { row: labels[row.key] })}
                  </button>
                </div>
              </fieldset>
            );
          })}
          <div ref={addButtons} className="button-row">
            <button type="button" className="button" onClick={() => addRow('child')}>
              {t('intake.addChild')}
            </button>
            <button type="button" className="button" onClick={() => addRow('perpetrator')}>
              {t('intake.addPerpetrator')}
            </button>
            <button type="button" className="button" onClick={() => addRow('other')}>
              {t('intake.addOther')}
            </button>
          </div>
        </section>

        <div className="button-row form-submit-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('caseForm.submit')}
          </button>
          <button type="button" className="button" onClick={() => navigate(personId ? { name: 'person', personId } : { name: 'cases' })} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
