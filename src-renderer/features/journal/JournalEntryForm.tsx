import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { checkDate } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';

/** Longest entry, as the contract has it (JOURNAL_TEXT_MAX; not imported: the contract module carries zod). */
export const JOURNAL_TEXT_MAX = 20_000;

export type JournalFormMode = 'new' | 'edit' | 'correct';

export interface JournalFormValues {
  entryDate: string;
  text: string;
}

type Field = 'entryDate' | 'text';

/** A new entry, a draft being changed, or a correction of a signed entry: a date and the text. Nothing typed is lost on a refusal. */
export function JournalEntryForm({
  idPrefix,
  mode,
  initial,
  title,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  mode: JournalFormMode;
  initial?: JournalFormValues;
  title: string;
  onSave: (values: JournalFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<JournalFormValues>(() => initial ?? { entryDate: todayIso(), text: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textRef.current?.focus();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    const d = checkDate(values.entryDate, { required: true, notFuture: true });
    if (d) found.entryDate = t(`validation.${d}`);
    const text = values.text.trim();
    if (text.length === 0) found.text = t('validation.journalText');
    else if (text.length > JOURNAL_TEXT_MAX) found.text = t('validation.journalTextTooLong');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focus.refused();
      return;
    }
    setBusy(true);
    try {
      await onSave({ entryDate: values.entryDate.trim(), text });
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['entryDate', 'text']);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
      focus.refused();
    }
  };

  const submitLabel = mode === 'new' ? t('journal.saveDraft') : mode === 'edit' ? t('journal.saveChanges') : t('journal.saveCorrection');

  // The form is not named by its heading, so "Anteckning" stays the only label with that word (getByLabel finds one field).
  return (
    <form ref={focus.ref} className="subform journal-form" onSubmit={onSubmit} noValidate>
      <h3 id={`${idPrefix}-title`} className="sub-title">
        {title}
      </h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        id={`${idPrefix}-date`}
        label={t('journal.entryDate')}
        hint={t('common.dateHint')}
        value={values.entryDate}
        onChange={(v) => {
          setValues((x) => ({ ...x, entryDate: v }));
          setErrors((x) => ({ ...x, entryDate: undefined }));
        }}
        error={errors.entryDate}
        inputMode="numeric"
        autoComplete="off"
        className="input-date"
      />
      <TextArea
        ref={textRef}
        id={`${idPrefix}-text`}
        label={mode === 'correct' ? t('journal.correctionText') : t('journal.text')}
        hint={mode === 'correct' ? t('journal.correctionHint') : t('journal.textHint')}
        value={values.text}
        onChange={(v) => {
          setValues((x) => ({ ...x, text: v }));
          setErrors((x) => ({ ...x, text: undefined }));
        }}
        error={errors.text}
        rows={8}
        maxLength={JOURNAL_TEXT_MAX + 100}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
