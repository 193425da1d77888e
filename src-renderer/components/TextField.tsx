import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { describedBy } from './field-ids';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
  /** Shown under the field with role="alert" and tied to it by aria-describedby. */
  error?: string | null | undefined;
  hint?: ReactNode;
  /** Extra content under the field (e.g. a strength meter), announced with the field. */
  after?: ReactNode;
  afterId?: string;
}

/** A labelled text input with its hint and error next to it. */
export function TextField({ id, label, value, onChange, error, hint, after, afterId, className, ref, ...rest }: TextFieldProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        className={`input${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error: Boolean(error), extra: afterId })}
        {...rest}
      />
      {after}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
