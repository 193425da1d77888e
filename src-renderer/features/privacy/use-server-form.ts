import { useState, type FormEvent } from 'react';
import { describeError, fieldErrorsOf } from '../../app/errors';

/**
 * A small form whose only check is the server's: values, the server's
 * per-field messages, its message for the whole form, and a success text.
 * `submit` returns the success text; the values start over after success.
 */
export function useServerForm<V extends Record<string, string>>(initial: V, submit: (values: V) => Promise<string>) {
  const [values, setValues] = useState<V>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (k: keyof V) => (v: string) => {
    setValues((x) => ({ ...x, [k]: v }));
    setFieldErrors((e) => ({ ...e, [k]: undefined }));
    setDone(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const text = await submit(values);
      setValues(initial);
      setDone(text);
    } catch (err) {
      setFieldErrors(fieldErrorsOf(err));
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return { values, set, fieldErrors, error, done, busy, onSubmit };
}
