import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf, issuesOf } from '../../app/errors';
import { focusFirstInvalid } from '../../app/validation';
import type { SettingsSectionId } from './settings-store';

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

/** A typed number as the server takes it: digits only (spaces allowed, "45 000"), else null. */
export function wholeNumber(text: string): number | null {
  const t = text.replace(/\s/g, '');
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/**
 * A refused save's messages: each at the field its path belongs to, and a
 * message for the form when the refusal is not about fields, or names one
 * the form does not show (so no message is lost).
 */
export function placeIssues<F extends string>(err: unknown, fieldOf: (path: string) => F | undefined): { fields: Partial<Record<F, string>>; message: string | null } {
  const fields: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fieldErrorsOf(err))) {
    const f = fieldOf(path);
    if (f) fields[f] ??= text;
    else unplaced.push(text);
  }
  if (issuesOf(err).length === 0) return { fields, message: describeError(err) };
  return { fields, message: unplaced.length ? unplaced.join(' ') : null };
}

/**
 * The form's element, and a call that moves the focus to its first field
 * marked invalid once React has drawn the messages (so the worker lands on it).
 */
export function useFocusOnErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick) focusFirstInvalid(formRef.current);
  }, [tick]);
  return { formRef, focusErrors: () => setTick((n) => n + 1) };
}

/**
 * One section's form: the values as typed, a check before sending (only that
 * a number is a number; the server checks the rest and its message lands at
 * the field its path names), and "Sparat" after a save until the next edit.
 */
export function useSectionForm<V extends Record<string, string | boolean>>(opts: {
  initial: () => V;
  /** Client-side findings, as text, by field. */
  check?: (v: V) => FieldErrors<V>;
  /** The field a server path belongs to (default: the path itself, when it is a field). */
  fieldOf?: (path: string) => (keyof V & string) | undefined;
  /** Sends the values; returns them as the server now holds them. */
  save: (v: V) => Promise<V>;
}) {
  const [values, setValues] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { formRef, focusErrors } = useFocusOnErrors();

  const set =
    <K extends keyof V & string>(k: K) =>
    (v: V[K]) => {
      setValues((x) => ({ ...x, [k]: v }));
      setErrors((e) => ({ ...e, [k]: undefined }));
      setSaved(false);
    };

  const showErrors = (found: FieldErrors<V>) => {
    setErrors(found);
    focusErrors();
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const found = opts.check?.(values) ?? {};
    if (Object.values(found).some(Boolean)) return showErrors(found);
    setBusy(true);
    try {
      setValues(await opts.save(values));
      setErrors({});
      setSaved(true);
    } catch (err) {
      const placed = placeIssues(err, opts.fieldOf ?? ((p: string) => (p in values ? (p as keyof V & string) : undefined)));
      setError(placed.message);
      showErrors(placed.fields);
    } finally {
      setBusy(false);
    }
  };

  return { values, set, errors, error, saved, busy, onSubmit, formRef };
}

/** The save button of a section, with "Sparat" beside it after a save. */
export function SaveRow({ busy, saved, label }: { busy: boolean; saved: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : (label ?? t('unitSettings.save'))}
      </button>
      <span className="settings-saved" role="status">
        {saved ? t('unitSettings.saved') : ''}
      </span>
    </div>
  );
}

/** Settings shown, not edited (a handläggare sees them). */
export function ValueList({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="settings-values">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One section of the settings screen, with its heading and a sentence on what it does. */
export function SettingsSection({ id, intro, children }: { id: SettingsSectionId; intro?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="panel settings-section" id={`settings-section-${id}`} aria-labelledby={`settings-section-${id}-heading`}>
      <h2 id={`settings-section-${id}-heading`} tabIndex={-1}>
        {t(`unitSettings.sections.${id}`)}
      </h2>
      {intro ? <p className="field-hint settings-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
