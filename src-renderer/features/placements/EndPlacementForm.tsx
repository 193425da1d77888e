import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { DESTINATIONS, END_REASONS, type Destination, type EndReason, type Placement } from '../../../src-main/features/placements/contract';
import { usePlacementsStore } from './placements-store';

/** Ends a placement: the departure day, why, and where the person went. */
export function EndPlacementForm({ placement, onDone, onCancel }: { placement: Placement; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const end = usePlacementsStore((s) => s.end);
  const [endDate, setEndDate] = useState(todayIso());
  const [endReason, setEndReason] = useState('');
  const [destination, setDestination] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => ref.current?.focus(), []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string> = {};
    if (!endReason) local.endReason = t('validation.required');
    if (!destination) local.destination = t('validation.required');
    if (endDate.trim() < placement.startDate) local.endDate = t('validation.endBeforeStart');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await end({ id: placement.id, endDate: endDate.trim(), endReason: endReason as EndReason, destination: destination as Destination });
      onDone();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['endDate', 'endReason', 'destination']);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="end-placement-title">
      <h3 id="end-placement-title" className="sub-title">{t('placements.endTitle', { shelter: placement.shelter.name })}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField ref={ref} id="end-placement-date" label={t('placements.endDate')} hint={t('common.dateHint')} className="input-date" value={endDate} onChange={setEndDate} error={errors.endDate} />
      <SelectField id="end-placement-reason" label={t('placements.endReason')} value={endReason} onChange={setEndReason} placeholder={t('common.choose')} options={END_REASONS.map((r) => ({ value: r, label: t(`placementVocab.endReason.${r}`) }))} error={errors.endReason} />
      <SelectField id="end-placement-destination" label={t('placements.destination')} value={destination} onChange={setDestination} placeholder={t('common.choose')} options={DESTINATIONS.map((d) => ({ value: d, label: t(`placementVocab.destination.${d}`) }))} error={errors.destination} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('common.saving') : t('placements.endSave')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
