import type { ReactNode } from 'react';
import type { SelectOption } from './SelectField';

export interface RadioGroupProps {
  name: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  error?: string | null | undefined;
  hint?: ReactNode;
  /** Lays the choices out in a row when they are short. */
  inline?: boolean;
}

/** A fieldset of radio buttons: every choice visible at once, for choices that matter. */
export function RadioGroup({ name, legend, value, onChange, options, error, hint, inline }: RadioGroupProps) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset className={`field fieldset${error ? ' field-invalid' : ''}`} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className={inline ? 'choices choices-inline' : 'choices'}>
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <div className="choice" key={o.value}>
              <input type="radio" id={id} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
