import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { RadioGroup } from '../../components/RadioGroup';
import type { PersonSummary } from '../../../src-main/features/persons/contract';
import { PersonFields } from './PersonFields';
import { fullName, identityText } from './person-format';
import type { PersonField } from './person-form-validation';
import type { PersonChoice } from './person-choice';
import { selectPicker, usePersonsStore } from './persons-store';
import { SEARCH_DEBOUNCE_MS } from './PersonsPage';

export interface PersonChooserProps {
  idPrefix: string;
  value: PersonChoice;
  /** `clears`: the error key (a PersonField, or 'person') the change makes stale. */
  onChange: (next: PersonChoice, clears: PersonField | 'person' | 'all') => void;
  /** 'person' is about the choice as a whole ("välj en person"). */
  errors: Partial<Record<PersonField | 'person', string>>;
  /** The number typed is already registered: offer that person instead. */
  conflict?: { person: PersonSummary; onUse: () => void } | null;
}

/**
 * Search-and-pick an existing person with the same as-you-type search as
 * "Personer", or fill in a new person inline. Used for the main person and
 * every other person in the intake flow, and for "Lägg till person".
 */
export function PersonChooser({ idPrefix, value, onChange, errors, conflict }: PersonChooserProps) {
  const { t } = useTranslation();
  const changeBtn = useRef<HTMLButtonElement>(null);
  const justPicked = useRef(false);

  useEffect(() => {
    if (justPicked.current && value.picked) changeBtn.current?.focus();
    justPicked.current = false;
  }, [value.picked]);

  const personError = errors.person ? (
    <p id={`${idPrefix}-person-error`} className="field-error" role="alert" data-error-focus tabIndex={-1}>
      {errors.person}
    </p>
  ) : null;

  const conflictNote: { id: string; node: ReactNode } | null = conflict
    ? {
        id: `${idPrefix}-conflict`,
        node: (
          <div id={`${idPrefix}-conflict`} className="conflict-note" role="alert">
            <p>
              {t('chooser.conflict')}{' '}
              <strong>
                {fullName(conflict.person)} ({identityText(conflict.person)})
              </strong>{' '}
              <ProtectionMarker level={conflict.person.protectionLevel} />
            </p>
            <button type="button" className="button button-small" onClick={conflict.onUse} data-error-focus>
              {t('chooser.useExisting')}
            </button>
          </div>
        ),
      }
    : null;

  return (
    <div className="person-chooser">
      <RadioGroup
        name={`${idPrefix}-mode`}
        legend={t('chooser.mode')}
        value={value.mode}
        onChange={(m) => onChange({ ...value, mode: m as PersonChoice['mode'] }, 'all')}
        options={[
          { value: 'existing', label: t('chooser.existing') },
          { value: 'new', label: t('chooser.new') },
        ]}
        inline
      />
      {value.mode === 'existing' ? (
        value.picked ? (
          <div className="picked-person">
            <span className="picked-label">{t('chooser.picked')}:</span> <strong>{fullName(value.picked)}</strong> <span className="cell-number">{identityText(value.picked)}</span> <ProtectionMarker level={value.picked.protectionLevel} />
            <button ref={changeBtn} type="button" className="button button-small" onClick={() => onChange({ ...value, picked: null }, 'person')}>
              {t('chooser.change')}
            </button>
          </div>
        ) : (
          <PersonSearchBox
            idPrefix={idPrefix}
            invalid={Boolean(errors.person)}
            onPick={(p) => {
              justPicked.current = true;
              onChange({ ...value, picked: p }, 'person');
            }}
          />
        )
      ) : (
        <PersonFields idPrefix={idPrefix} values={value.values} onChange={(patch, clears) => onChange({ ...value, values: { ...value.values, ...patch } }, clears)} errors={errors} numberNote={conflictNote} />
      )}
      {personError}
    </div>
  );
}

/** The as-you-type person search on its own (also used to pick the person of a register extract). */
export function PersonSearchBox({ idPrefix, onPick, invalid }: { idPrefix: string; onPick: (p: PersonSummary) => void; invalid: boolean }) {
  const { t } = useTranslation();
  const pickerId = idPrefix;
  const picker = usePersonsStore(selectPicker(pickerId));
  const setQuery = usePersonsStore((s) => s.setPickerQuery);
  const search = usePersonsStore((s) => s.searchPicker);
  const clear = usePersonsStore((s) => s.clearPicker);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => void search(pickerId), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [picker.query, pickerId, search]);

  useEffect(() => () => clear(pickerId), [pickerId, clear]);

  const q = picker.query.trim();
  const results = picker.resultsFor === q ? picker.results : [];
  const answered = q !== '' && picker.resultsFor === q;

  const buttons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Enter searches here; it must not save the whole form. One hit is picked at once.
      e.preventDefault();
      if (results.length === 1) onPick(results[0]!);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      buttons()[0]?.focus();
    }
  };
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const all = buttons();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? Math.min(all.length - 1, i + 1) : i - 1;
    if (next < 0) document.getElementById(`${idPrefix}-search`)?.focus();
    else all[next]?.focus();
  };

  return (
    <div className={`field search-field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={`${idPrefix}-search`}>{t('chooser.search')}</label>
      <p id={`${idPrefix}-search-hint`} className="field-hint">
        {t('chooser.searchHint')}
      </p>
      <input
        id={`${idPrefix}-search`}
        className="input input-search"
        type="search"
        value={picker.query}
        onChange={(e) => setQuery(pickerId, e.target.value)}
        onKeyDown={onInputKey}
        aria-describedby={`${idPrefix}-search-hint ${idPrefix}-search-status${invalid ? ` ${idPrefix}-person-error` : ''}`}
        aria-invalid={invalid ? true : undefined}
        autoComplete="off"
      />
      <p id={`${idPrefix}-search-status`} className="search-status" role="status">
        {picker.searching ? t('persons.searching') : answered ? (results.length === 0 ? t('chooser.noResults') : t('persons.resultsCount', { count: results.length })) : ''}
      </p>
      {picker.error ? <Alert>{describeError(picker.error)}</Alert> : null}
      {results.length > 0 ? (
        <ul ref={listRef} className="pick-list" aria-label={t('chooser.results')} onKeyDown={onListKey}>
          {results.map((p) => (
            <li key={p.id} className={p.protectionLevel === 'none' ? undefined : 'row-protected'}>
              <button type="button" className="pick-button" onClick={() => onPick(p)}>
                <span className="visually-hidden">{t('chooser.pick')} </span>
                <span className="pick-name">{fullName(p)}</span>
                <span className="cell-number">{identityText(p)}</span>
                <ProtectionMarker level={p.protectionLevel} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
