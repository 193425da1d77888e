import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import { CHILD_CONSENTS, SCHOOLING, type ChildConsent, type Schooling } from '../../../src-main/features/placements/contract';
import { fullName } from '../persons/person-format';
import { selectActiveShelters, useSheltersStore } from '../shelters/shelters-store';
import { parseKronor } from './money';
import { usePlacementsStore } from './placements-store';

interface ChildDraft {
  personId: string;
  name: string;
  comes: boolean;
  startDate: string;
  decisionRef: string;
  consent: string;
  consentGround: string;
  schooling: string;
  schoolingNote: string;
}

const FIELDS = ['personId', 'shelterId', 'decisionDate', 'decisionRef', 'startDate', 'plannedEndDate', 'followUpDate', 'adultPriceOverrideOre', 'childPriceOverrideOre', 'priceOverrideReason'];

/** Places a person of the case at a shelter, with the children who come along, each with its own decision and schooling. */
export function PlacementForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const allShelters = useSheltersStore((s) => s.list);
  // filtered outside the selector: a selector that returns a new array each time re-renders for ever
  const shelters = useMemo(() => selectActiveShelters({ list: allShelters }), [allShelters]);
  const loadShelters = useSheltersStore((s) => s.loadList);
  const create = usePlacementsStore((s) => s.create);
  const adults = [...new Map(detail.persons.filter((p) => p.role !== 'child' && p.role !== 'perpetrator').map((p) => [p.personId, p])).values()];
  const [personId, setPersonId] = useState(detail.mainPersonId);
  const [shelterId, setShelterId] = useState('');
  const [v, setV] = useState({ decisionDate: todayIso(), decisionRef: '', startDate: todayIso(), plannedEndDate: '', followUpDate: '', adultPrice: '', childPrice: '', priceOverrideReason: '' });
  const [children, setChildren] = useState<ChildDraft[]>(() =>
    detail.persons.filter((p) => p.role === 'child').map((p) => ({ personId: p.personId, name: fullName(p), comes: false, startDate: '', decisionRef: '', consent: '', consentGround: '', schooling: '', schoolingNote: '' })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadShelters(false);
  }, [loadShelters]);

  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const setChild = (i: number, patch: Partial<ChildDraft>) => setChildren((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const adult = parseKronor(v.adultPrice);
    const child = parseKronor(v.childPrice);
    const local: Record<string, string> = {};
    if (!shelterId) local.shelterId = t('validation.required');
    if (adult === null) local.adultPriceOverrideOre = t('shelters.priceInvalid');
    if (child === null) local.childPriceOverrideOre = t('shelters.priceInvalid');
    const coming = children.map((c, i) => ({ c, i })).filter(({ c }) => c.comes);
    for (const { c, i } of coming) {
      if (!c.decisionRef.trim()) local[`children.${i}.decisionRef`] = t('validation.required');
      if (!c.consent) local[`children.${i}.consent`] = t('validation.required');
      if (!c.schooling) local[`children.${i}.schooling`] = t('validation.required');
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await create({
        caseId: detail.id,
        personId,
        shelterId,
        decisionDate: v.decisionDate.trim(),
        decisionRef: v.decisionRef,
        startDate: v.startDate.trim(),
        plannedEndDate: opt(v.plannedEndDate),
        followUpDate: opt(v.followUpDate),
        adultPriceOverrideOre: adult ?? null,
        childPriceOverrideOre: child ?? null,
        priceOverrideReason: v.priceOverrideReason,
        children: coming.map(({ c }) => ({
          personId: c.personId,
          startDate: opt(c.startDate),
          decisionRef: c.decisionRef,
          consent: c.consent as ChildConsent,
          consentGround: c.consentGround,
          schooling: c.schooling as Schooling,
          schoolingNote: c.schoolingNote,
        })),
      });
      onDone();
    } catch (err) {
      // the server numbers children among those who come; map back to the form's rows
      const rowOf = coming.map(({ i }) => i);
      const childKeys = coming.flatMap((_, n) => ['personId', 'startDate', 'endDate', 'decisionRef', 'consent', 'consentGround', 'schooling'].map((f) => `children.${n}.${f}`));
      const { fields, other } = splitFieldErrors(err, [...FIELDS, ...childKeys]);
      const mapped: Record<string, string> = {};
      for (const [k, text] of Object.entries(fields)) {
        const m = /^children\.(\d+)\.(.+)$/.exec(k);
        mapped[m ? `children.${rowOf[Number(m[1])]}.${m[2]}` : k] = text;
      }
      setErrors(mapped);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  return (
    <form className="subform form-wide" onSubmit={onSubmit} noValidate aria-labelledby="placement-form-title">
      <h3 id="placement-form-title" className="sub-title">{t('placements.formTitle')}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="form-row">
        <SelectField id="placement-person" label={t('placements.who')} value={personId} onChange={setPersonId} options={adults.map((p) => ({ value: p.personId, label: fullName(p) }))} error={errors.personId} />
        <SelectField id="placement-shelter" label={t('placements.chooseShelter')} value={shelterId} onChange={setShelterId} placeholder={t('common.choose')} options={shelters.map((s) => ({ value: s.id, label: s.name }))} error={errors.shelterId} />
      </div>
      <div className="form-row">
        <TextField id="placement-decisionDate" label={t('placements.decisionDate')} hint={t('common.dateHint')} className="input-date" value={v.decisionDate} onChange={set('decisionDate')} error={errors.decisionDate} />
        <TextField id="placement-decisionRef" label={t('placements.decisionRef')} value={v.decisionRef} onChange={set('decisionRef')} error={errors.decisionRef} />
      </div>
      <div className="form-row">
        <TextField id="placement-startDate" label={t('placements.startDate')} hint={t('common.dateHint')} className="input-date" value={v.startDate} onChange={set('startDate')} error={errors.startDate} />
        <TextField id="placement-plannedEndDate" label={t('placements.plannedEndDate')} hint={t('common.dateHint')} className="input-date" value={v.plannedEndDate} onChange={set('plannedEndDate')} error={errors.plannedEndDate} />
        <TextField id="placement-followUpDate" label={t('placements.followUpDate')} hint={t('common.dateHint')} className="input-date" value={v.followUpDate} onChange={set('followUpDate')} error={errors.followUpDate} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('placements.childrenLegend')}</legend>
        {children.length === 0 ? <p className="field-hint">{t('placements.childrenNone')}</p> : null}
        {children.map((c, i) => (
          <div key={c.personId} className="child-block">
            <CheckboxField id={`placement-child-${i}`} label={t('placements.childComes', { name: c.name })} checked={c.comes} onChange={(comes) => setChild(i, { comes })} />
            {c.comes ? (
              <div className="child-fields">
                <div className="form-row">
                  <TextField id={`placement-child-${i}-decisionRef`} label={t('placements.childDecisionRef')} value={c.decisionRef} onChange={(x) => setChild(i, { decisionRef: x })} error={errors[`children.${i}.decisionRef`]} />
                  <TextField id={`placement-child-${i}-startDate`} label={t('placements.childStart')} hint={t('common.dateHint')} className="input-date" value={c.startDate} onChange={(x) => setChild(i, { startDate: x })} error={errors[`children.${i}.startDate`]} />
                </div>
                <SelectField id={`placement-child-${i}-consent`} label={t('placements.consent')} value={c.consent} onChange={(x) => setChild(i, { consent: x })} placeholder={t('common.choose')} options={CHILD_CONSENTS.map((o) => ({ value: o, label: t(`placementVocab.consent.${o}`) }))} error={errors[`children.${i}.consent`] ?? errors[`children.${i}.personId`]} />
                {c.consent === 'without_consent' ? (
                  <TextField id={`placement-child-${i}-consentGround`} label={t('placements.consentGround')} value={c.consentGround} onChange={(x) => setChild(i, { consentGround: x })} error={errors[`children.${i}.consentGround`]} />
                ) : null}
                <SelectField id={`placement-child-${i}-schooling`} label={t('placements.schooling')} value={c.schooling} onChange={(x) => setChild(i, { schooling: x })} placeholder={t('common.choose')} options={SCHOOLING.map((o) => ({ value: o, label: t(`placementVocab.schooling.${o}`) }))} error={errors[`children.${i}.schooling`]} />
                <TextField id={`placement-child-${i}-schoolingNote`} label={t('placements.schoolingNote')} value={c.schoolingNote} onChange={(x) => setChild(i, { schoolingNote: x })} error={errors[`children.${i}.schoolingNote`]} />
              </div>
            ) : null}
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('placements.priceLegend')}</legend>
        <p className="field-hint">{t('placements.priceOverrideHint')}</p>
        <div className="form-row">
          <TextField id="placement-adultPrice" label={t('placements.adultOverride')} className="input-short" value={v.adultPrice} onChange={set('adultPrice')} error={errors.adultPriceOverrideOre} />
          <TextField id="placement-childPrice" label={t('placements.childOverride')} className="input-short" value={v.childPrice} onChange={set('childPrice')} error={errors.childPriceOverrideOre} />
        </div>
        <TextField id="placement-priceReason" label={t('placements.overrideReason')} value={v.priceOverrideReason} onChange={set('priceOverrideReason')} error={errors.priceOverrideReason} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('common.saving') : t('placements.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
