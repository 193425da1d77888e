import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, existingIdOf, issueText, issuesOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { hasFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { CHILD_EXPOSURES, type ChildExposure } from '../../../src-main/domain/vocabulary';
import type { CaseDetail, CasePerson } from '../../../src-main/features/cases/contract';
import type { PersonSummary } from '../../../src-main/features/persons/contract';
import { PersonChooser } from '../persons/PersonChooser';
import { emptyChoice, type PersonChoice } from '../persons/person-choice';
import { fullName, numberText } from '../persons/person-format';
import { PERSON_FIELDS, toCreateInput, validatePerson, type PersonField } from '../persons/person-form-validation';
import { usePersonsStore } from '../persons/persons-store';
import { useCasesStore } from './cases-store';
import { typedNumber, type OtherRole } from './intake-model';

const OTHER_ROLES: readonly OtherRole[] = ['perpetrator', 'child', 'other'];

/** The people in the case with their roles (and a child's exposure); add and remove while the case is open. */
export function CasePeoplePanel({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const removePerson = useCasesStore((s) => s.removePerson);
  const [adding, setAdding] = useState(false);
  const [toRemove, setToRemove] = useState<CasePerson | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const onRemove = async () => {
    if (!toRemove || toRemove.role === 'victim') return;
    setBusy(true);
    try {
      await removePerson(detail.id, toRemove.personId, toRemove.role);
      setMessage({ kind: 'success', text: t('casePeople.removed', { name: fullName(toRemove) }) });
    } catch (err) {
      setMessage({ kind: 'error', text: describeError(err) });
    } finally {
      setBusy(false);
      setToRemove(null);
    }
  };

  return (
    <section className="case-section" aria-labelledby="case-people-title">
      <div className="section-head">
        <h2 id="case-people-title">{t('caseView.persons')}</h2>
        {!readOnly && !adding ? (
          <button
            ref={opener}
            type="button"
            className="button"
            onClick={() => {
              setMessage(null);
              setAdding(true);
            }}
          >
            {t('casePeople.add')}
          </button>
        ) : null}
      </div>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('caseView.colName')}</th>
            <th scope="col">{t('caseView.colNumber')}</th>
            <th scope="col">{t('caseView.colRole')}</th>
            <th scope="col">{t('caseView.colExposure')}</th>
            <th scope="col">{t('caseView.colProtection')}</th>
            {!readOnly ? (
              <th scope="col">
                <span className="visually-hidden">{t('casePeople.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {detail.persons.map((p) => (
            <tr key={`${p.personId}-${p.role}`} className={p.protectionLevel === 'none' ? undefined : 'row-protected'}>
              <td>
                <button type="button" className="link-button" onClick={() => navigate({ name: 'person', personId: p.personId })}>
                  {fullName(p)}
                </button>
              </td>
              <td className="cell-number">{numberText(p.personalNumber)}</td>
              <td>{t(`vocab.role.${p.role}`)}</td>
              <td>{p.childExposure ? t(`vocab.exposure.${p.childExposure}`) : ''}</td>
              <td>
                <ProtectionMarker level={p.protectionLevel} />
              </td>
              {!readOnly ? (
                <td className="cell-actions">
                  {p.role !== 'victim' ? (
                    <button type="button" className="button button-small" onClick={() => setToRemove(p)} aria-label={t('casePeople.removeLabel', { name: fullName(p), role: t(`vocab.role.${p.role}`) })}>
                      {t('casePeople.remove')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {adding ? (
        <AddPersonForm
          detail={detail}
          onDone={(name) => {
            setAdding(false);
            setMessage({ kind: 'success', text: t('casePeople.added', { name }) });
          }}
          onCancel={() => {
            setAdding(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
      {toRemove ? (
        <ConfirmDialog
          title={t('casePeople.removeTitle', { name: fullName(toRemove) })}
          confirmLabel={t('casePeople.removeConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void onRemove()}
          onCancel={() => setToRemove(null)}
          busy={busy}
          danger
        >
          <p>{t('casePeople.removeText', { role: t(`vocab.role.${toRemove.role}`).toLowerCase() })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

type Errors = Partial<Record<PersonField | 'person' | 'role' | 'childExposure', string>>;

function AddPersonForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const addPerson = useCasesStore((s) => s.addPerson);
  const findByNumber = usePersonsStore((s) => s.findByNumber);
  const [role, setRole] = useState<OtherRole | ''>('');
  const [choice, setChoice] = useState<PersonChoice>(() => emptyChoice('existing'));
  const [exposure, setExposure] = useState<ChildExposure | ''>('');
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState<PersonSummary | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (!role) found.role = t('validation.chooseRole');
    if (choice.mode === 'existing') {
      if (!choice.picked) found.person = t('validation.choosePerson');
      else if (choice.picked.id === detail.mainPersonId) found.person = t('validation.mainPersonTwice');
    } else for (const [f, key] of Object.entries(validatePerson(choice.values))) found[f as PersonField] = t(`validation.${key}`);
    if (hasFindings(found)) {
      setErrors(found);
      focus.refused();
      return;
    }
    setBusy(true);
    const person = choice.mode === 'existing' ? { personId: choice.picked!.id } : { newPerson: toCreateInput(choice.values) };
    try {
      await addPerson(detail.id, { person, role: role as OtherRole, ...(role === 'child' && exposure ? { childExposure: exposure } : {}) });
      onDone(choice.mode === 'existing' ? fullName(choice.picked!) : fullName({ firstName: choice.values.firstName.trim(), lastName: choice.values.lastName.trim() }));
    } catch (err) {
      const existingId = existingIdOf(err);
      const number = typedNumber(choice);
      const hit = existingId && number ? (await findByNumber(number).catch(() => [])).find((p) => p.id === existingId) : undefined;
      if (hit) {
        setConflict(hit);
        setErrors({ 'identity.value': t('intake.numberTaken') });
        setFormError(t('casePeople.conflict'));
      } else {
        const placed: Errors = {};
        const other: string[] = [];
        for (const issue of issuesOf(err)) {
          const inner = /^entry\.person\.newPerson\.(.+)$/.exec(issue.path)?.[1];
          const key = inner && (PERSON_FIELDS as readonly string[]).includes(inner) ? (inner as PersonField) : issue.path === 'entry.childExposure' ? 'childExposure' : issue.path === 'entry.role' ? 'role' : issue.path.startsWith('entry.person') ? 'person' : null;
          if (key && !placed[key]) placed[key] = issueText(issue);
          else if (!key) other.push(issueText(issue));
        }
        setErrors(placed);
        setFormError([describeError(err), ...other].join(' '));
      }
      setBusy(false);
      focus.refused();
    }
  };

  return (
    <form ref={focus.ref} className="subform form" onSubmit={onSubmit} noValidate aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t('casePeople.add')}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <SelectField
        id="add-person-role"
        label={t('casePeople.role')}
        value={role}
        onChange={(v) => {
          setRole(v as OtherRole | '');
          setErrors((x) => ({ ...x, role: undefined }));
        }}
        options={OTHER_ROLES.map((r) => ({ value: r, label: t(`vocab.role.${r}`) }))}
        placeholder={t('common.choose')}
        error={errors.role}
        autoFocus
      />
      <PersonChooser
        idPrefix="add-person"
        value={choice}
        onChange={(next, clears) => {
          setChoice(next);
          if (clears === 'all') setErrors((x) => ({ role: x.role, childExposure: x.childExposure }));
          else setErrors((x) => ({ ...x, [clears]: undefined }));
          if (clears === 'all' || clears === 'identity.value') setConflict(null);
        }}
        errors={errors}
        conflict={
          conflict
            ? {
                person: conflict,
                onUse: () => {
                  setChoice((c) => ({ ...c, mode: 'existing', picked: conflict }));
                  setConflict(null);
                  setErrors({});
                  setFormError(null);
                },
              }
            : null
        }
      />
      {role === 'child' ? (
        <RadioGroup
          name="add-person-exposure"
          legend={t('intake.exposure')}
          hint={t('intake.exposureHint')}
          value={exposure}
          onChange={(v) => setExposure(v as ChildExposure)}
          options={CHILD_EXPOSURES.map((x) => ({ value: x, label: t(`vocab.exposure.${x}`) }))}
          error={errors.childExposure}
          inline
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('casePeople.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
