import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { EmergencyNumber, UnitEmergencyNumbers } from '../../../src-main/features/safety-plans/contract';
import { placeIssues, SaveRow, SettingsSection, useFocusOnErrors } from './section-form';
import { useSettingsStore } from './settings-store';

const MAX = 20;

interface Row extends EmergencyNumber {
  /** Stable across moves, so React keeps each input with its row. */
  key: number;
}

let nextKey = 0;
const rowsOf = (numbers: EmergencyNumber[]): Row[] => numbers.map((n) => ({ label: n.label, number: n.number, key: nextKey++ }));

/**
 * The unit's emergency numbers: the list a new safety plan starts with, in
 * print order. Rows are edited, moved, added and removed here and saved
 * together; the server's message for a row's field is shown at that field.
 */
export function EmergencyNumbersSection({ numbers, canEdit }: { numbers: UnitEmergencyNumbers; canEdit: boolean }) {
  const { t } = useTranslation();
  const setNumbers = useSettingsStore((s) => s.setNumbers);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(numbers.numbers));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { formRef, focusErrors } = useFocusOnErrors();

  const change = (next: Row[]) => {
    setRows(next);
    setErrors({});
    setSaved(false);
  };
  const edit = (i: number, patch: Partial<EmergencyNumber>) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    change(next);
  };

  const send = async (list: EmergencyNumber[] | null) => {
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      const stored = await setNumbers(list);
      setRows(rowsOf(stored.numbers));
      setErrors({});
      setSaved(true);
    } catch (err) {
      const placed = placeIssues(err, (path) => /^numbers\.(\d+\.(?:label|number))$/.exec(path)?.[1]);
      setErrors(placed.fields);
      setError(placed.message);
      focusErrors();
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(rows.map((r) => ({ label: r.label, number: r.number })));
  };

  if (!canEdit)
    return (
      <SettingsSection id="numbers" intro={t('unitSettings.numbers.intro')}>
        {numbers.fromTemplate ? <p className="field-hint">{t('unitSettings.numbers.fromTemplate')}</p> : null}
        <table className="table settings-numbers-table">
          <thead>
            <tr>
              <th scope="col">{t('unitSettings.numbers.colLabel')}</th>
              <th scope="col">{t('unitSettings.numbers.colNumber')}</th>
            </tr>
          </thead>
          <tbody>
            {numbers.numbers.map((n, i) => (
              <tr key={i}>
                <td>{n.label}</td>
                <td className="cell-nowrap">{n.number}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SettingsSection>
    );

  return (
    <SettingsSection id="numbers" intro={t('unitSettings.numbers.intro')}>
      <form ref={formRef} className="form settings-numbers-form" onSubmit={onSubmit} noValidate aria-label={t('unitSettings.sections.numbers')}>
        {error ? <Alert>{error}</Alert> : null}
        {numbers.fromTemplate ? <p className="field-hint">{t('unitSettings.numbers.fromTemplate')}</p> : null}
        <ol className="settings-numbers">
          {rows.map((r, i) => (
            <li key={r.key} className="form-row settings-number-row">
              <TextField id={`unit-number-label-${r.key}`} label={t('unitSettings.numbers.label', { n: i + 1 })} value={r.label} onChange={(v) => edit(i, { label: v })} error={errors[`${i}.label`]} autoComplete="off" />
              <TextField id={`unit-number-value-${r.key}`} label={t('unitSettings.numbers.number', { n: i + 1 })} value={r.number} onChange={(v) => edit(i, { number: v })} error={errors[`${i}.number`]} autoComplete="off" inputMode="tel" className="input-phone" />
              <div className="settings-number-actions">
                <button type="button" className="button button-small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('unitSettings.numbers.up', { n: i + 1 })}>
                  ↑
                </button>
                <button type="button" className="button button-small" onClick={() => move(i, 1)} disabled={i === rows.length - 1} aria-label={t('unitSettings.numbers.down', { n: i + 1 })}>
                  ↓
                </button>
                <button type="button" className="button button-small" onClick={() => change(rows.filter((_, j) => j !== i))} aria-label={t('unitSettings.numbers.remove', { n: i + 1 })}>
                  {t('documents.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <button type="button" className="button" onClick={() => change([...rows, { label: '', number: '', key: nextKey++ }])} disabled={rows.length >= MAX}>
            {t('unitSettings.numbers.add')}
          </button>
          {rows.length >= MAX ? <span className="field-hint">{t('unitSettings.numbers.max')}</span> : null}
          {numbers.fromTemplate ? null : (
            <button type="button" className="button" onClick={() => void send(null)} disabled={busy}>
              {t('unitSettings.numbers.backToTemplate')}
            </button>
          )}
        </div>
        <SaveRow busy={busy} saved={saved} />
      </form>
    </SettingsSection>
  );
}
