import type { ReactNode } from 'react';

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}

/** One labelled checkbox for a yes/no fact ("Tolk behövs"). */
export function CheckboxField({ id, label, checked, onChange, hint, disabled }: CheckboxFieldProps) {
  return (
    <div className="field">
      <div className="choice">
        <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} disabled={disabled} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
