import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import type { PrivacySettings } from '../../../src-main/features/privacy/settings';
import { usePrivacyStore } from './privacy-store';

interface FormValues {
  years: string;
  keepEverything: boolean;
  birthdayException: boolean;
  start: string;
  end: string;
  weekdaysOnly: boolean;
  manyCount: string;
  manyMinutes: string;
}

function toForm(s: PrivacySettings): FormValues {
  return {
    years: String(s.retention.yearsAfterLastEntry),
    keepEverything: s.retention.keepEverything,
    birthdayException: s.retention.birthdayException,
    start: s.officeHours.start,
    end: s.officeHours.end,
    weekdaysOnly: s.officeHours.weekdaysOnly,
    manyCount: String(s.manyPersons.count),
    manyMinutes: String(s.manyPersons.minutes),
  };
}

/** A number field's text as the server takes it: a whole number, or NaN (which the server refuses with its own message). */
const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/** The rules: retention, office hours and "many persons" for the log flags. Validated by the server; its messages are shown by the field. */
export function PrivacySettingsPanel() {
  const { t } = useTranslation();
  const settings = usePrivacyStore((s) => s.settings);
  const load = usePrivacyStore((s) => s.loadSettings);
  const save = usePrivacyStore((s) => s.saveSettings);
  const [values, setValues] = useState<FormValues | null>(settings ? toForm(settings) : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    load()
      .then(() => {
        const s = usePrivacyStore.getState().settings;
        if (s) setValues(toForm(s));
      })
      .catch((err: unknown) => setError(describeError(err)));
  }, [load]);

  if (!values) return <p className="loading">{error ?? t('common.loading')}</p>;
  const set = <K extends keyof FormValues>(k: K) => (v: FormValues[K]) => {
    setValues({ ...values, [k]: v });
    setSaved(false);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    for (const [k, v] of [['years', values.years], ['manyCount', values.manyCount], ['manyMinutes', values.manyMinutes]] as const) {
      if (Number.isNaN(whole(v))) {
        setFieldErrors({ [k]: t('privacy.settings.invalidNumber') });
        return;
      }
    }
    try {
      const next = await save({
        retention: { yearsAfterLastEntry: whole(values.years), keepEverything: values.keepEverything, birthdayException: values.birthdayException },
        officeHours: { start: values.start, end: values.end, weekdaysOnly: values.weekdaysOnly },
        manyPersons: { count: whole(values.manyCount), minutes: whole(values.manyMinutes) },
      });
      setValues(toForm(next));
      setSaved(true);
    } catch (err) {
      const byPath = fieldErrorsOf(err);
      setFieldErrors({
        years: byPath['retention.yearsAfterLastEntry'],
        start: byPath['officeHours.start'],
        end: byPath['officeHours.end'],
        manyCount: byPath['manyPersons.count'],
        manyMinutes: byPath['manyPersons.minutes'],
      });
      setError(describeError(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="privacy-settings-heading">
      <h2 id="privacy-settings-heading">{t('privacy.settings.heading')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        {error ? <Alert>{error}</Alert> : null}
        {saved ? <Alert kind="success">{t('privacy.settings.saved')}</Alert> : null}
        <fieldset className="fieldset">
          <legend>{t('privacy.settings.retention')}</legend>
          <TextField id="privacy-years" label={t('privacy.settings.years')} value={values.years} onChange={set('years')} error={fieldErrors.years} inputMode="numeric" className="input-short" />
          <CheckboxField id="privacy-keep" label={t('privacy.settings.keepEverything')} checked={values.keepEverything} onChange={set('keepEverything')} />
          <CheckboxField id="privacy-birthday" label={t('privacy.settings.birthday')} checked={values.birthdayException} onChange={set('birthdayException')} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('privacy.settings.officeHours')}</legend>
          <div className="form-row">
            <TextField id="privacy-start" label={t('privacy.settings.start')} value={values.start} onChange={set('start')} error={fieldErrors.start} className="input-short" />
            <TextField id="privacy-end" label={t('privacy.settings.end')} value={values.end} onChange={set('end')} error={fieldErrors.end} className="input-short" />
          </div>
          <CheckboxField id="privacy-weekdays" label={t('privacy.settings.weekdaysOnly')} checked={values.weekdaysOnly} onChange={set('weekdaysOnly')} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('privacy.settings.many')}</legend>
          <div className="form-row">
            <TextField id="privacy-many-count" label={t('privacy.settings.manyCount')} value={values.manyCount} onChange={set('manyCount')} error={fieldErrors.manyCount} inputMode="numeric" className="input-short" />
            <TextField id="privacy-many-minutes" label={t('privacy.settings.manyMinutes')} value={values.manyMinutes} onChange={set('manyMinutes')} error={fieldErrors.manyMinutes} inputMode="numeric" className="input-short" />
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('privacy.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
