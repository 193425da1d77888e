import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import type { ShelterDetail } from '../../../src-main/features/shelters/contract';
import { formatOre, parseKronor } from '../placements/money';
import { OccupancyTimeline } from './OccupancyTimeline';
import { ShelterForm } from './ShelterForm';
import { useSheltersStore } from './shelters-store';
import '../placements/placements.css';

/** The edit form for a shelter, once its entry is loaded. */
export function ShelterEdit({ shelterId }: { shelterId: string }) {
  const { t } = useTranslation();
  const detail = useSheltersStore((s) => (s.detail?.id === shelterId ? s.detail : null));
  const error = useSheltersStore((s) => s.error);
  const open = useSheltersStore((s) => s.open);
  useEffect(() => {
    void open(shelterId);
  }, [open, shelterId]);
  if (!detail) return error ? <Alert>{describeError(error)}</Alert> : <p className="loading">{t('common.loading')}</p>;
  return <ShelterForm existing={detail} />;
}

/** One shelter: its facts, the secret address behind a logged "show", its price periods and its occupancy. */
export function ShelterView({ shelterId }: { shelterId: string }) {
  const { t } = useTranslation();
  const detail = useSheltersStore((s) => (s.detail?.id === shelterId ? s.detail : null));
  const error = useSheltersStore((s) => s.error);
  const open = useSheltersStore((s) => s.open);
  const hideAddress = useSheltersStore((s) => s.hideAddress);
  const setArchived = useSheltersStore((s) => s.setArchived);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void open(shelterId);
    return () => hideAddress();
  }, [open, hideAddress, shelterId]);

  if (!detail) return error ? <Alert>{describeError(error)}</Alert> : <p className="loading">{t('common.loading')}</p>;
  const yesNo = (b: boolean) => (b ? t('shelters.yes') : t('shelters.no'));

  return (
    <section className="page">
      <p>
        <button type="button" className="link-button" onClick={() => navigate({ name: 'shelters' })}>
          {t('shelters.back')}
        </button>
      </p>
      <div className="page-head">
        <PageHeading>
          {detail.name}
          {detail.archived ? <span className="badge"> {t('shelters.archived')}</span> : null}
        </PageHeading>
        <div className="button-row">
        <button type="button" className="button" onClick={() => navigate({ name: 'shelter-edit', shelterId: detail.id })}>
          {t('shelters.edit')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setActionError(null);
            setArchived(detail.id, !detail.archived).catch((err: unknown) => setActionError(describeError(err)));
          }}
        >
          {detail.archived ? t('shelters.unarchive') : t('shelters.archive')}
        </button>
        </div>
      </div>
      {actionError ? <Alert>{actionError}</Alert> : null}
      <dl className="facts">
        <Fact label={t('shelters.operatorType')} value={t(`placementVocab.operatorType.${detail.operatorType}`) as string} />
        <Fact label={t('shelters.capacity')} value={detail.capacity === null ? '–' : String(detail.capacity)} />
        <Fact label={t('shelters.occupied')} value={String(detail.occupiedToday)} />
        <Fact label={t('shelters.permitNumber')} value={detail.permitNumber ?? '–'} />
        <Fact label={t('shelters.permitValidFrom')} value={detail.permitValidFrom ?? '–'} />
        <Fact label={t('shelters.permitValidTo')} value={detail.permitValidTo ?? '–'} />
        <Fact label={t('shelters.contactName')} value={detail.contactName ?? '–'} />
        <Fact label={t('shelters.contactPhone')} value={detail.contactPhone ?? '–'} />
        <Fact label={t('shelters.contactEmail')} value={detail.contactEmail ?? '–'} />
        <Fact label={t('shelters.wheelchair')} value={yesNo(detail.wheelchairAccessible)} />
        <Fact label={t('shelters.pets')} value={yesNo(detail.petsAllowed)} />
        <Fact label={t('shelters.boysMaxAge')} value={detail.boysMaxAge === null ? '–' : String(detail.boysMaxAge)} />
        <Fact label={t('shelters.languages')} value={detail.languages ?? '–'} />
        <Fact label={t('shelters.accessibilityNotes')} value={detail.accessibilityNotes ?? '–'} />
      </dl>
      <ShelterAddressRow detail={detail} />
      <PricePeriods detail={detail} />
      <OccupancyTimeline shelterId={detail.id} />
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ShelterAddressRow({ detail }: { detail: ShelterDetail }) {
  const { t } = useTranslation();
  const address = useSheltersStore((s) => s.address);
  const reveal = useSheltersStore((s) => s.revealAddress);
  const hide = useSheltersStore((s) => s.hideAddress);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="case-section" aria-labelledby="shelter-address-title">
      <h2 id="shelter-address-title">{t('shelters.addressLegend')}</h2>
      {error ? <Alert>{error}</Alert> : null}
      {!detail.hasAddress ? (
        <p className="empty">{t('shelters.addressNone')}</p>
      ) : address ? (
        <p className="address-revealed">
          <span>{[address.streetAddress, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</span>{' '}
          <span className="reveal-note">{t('address.revealedNote')}</span>{' '}
          <button type="button" className="button button-small" onClick={hide}>
            {t('shelters.hideAddress')}
          </button>
        </p>
      ) : (
        <p className="address-withheld">
          <span className="withheld-text">{t('shelters.addressHidden')}</span>{' '}
          <button type="button" className="button button-small" onClick={() => reveal(detail.id).catch((err: unknown) => setError(describeError(err)))}>
            {t('shelters.showAddress')}
          </button>
        </p>
      )}
    </section>
  );
}

function PricePeriods({ detail }: { detail: ShelterDetail }) {
  const { t } = useTranslation();
  const addPrice = useSheltersStore((s) => s.addPrice);
  const [validFrom, setValidFrom] = useState(todayIso());
  const [adult, setAdult] = useState('');
  const [child, setChild] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setFormError(null);
    const a = parseKronor(adult);
    const c = parseKronor(child);
    const local: Record<string, string> = {};
    if (a == null) local.adultOre = t('shelters.priceInvalid');
    if (c == null) local.childOre = t('shelters.priceInvalid');
    setErrors(local);
    if (a == null || c == null) return;
    try {
      await addPrice({ shelterId: detail.id, validFrom: validFrom.trim(), adultOre: a, childOre: c });
      setDone(t('shelters.priceSaved', { date: validFrom.trim() }));
      setAdult('');
      setChild('');
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setFormError(describeError(err));
    }
  };

  return (
    <section className="case-section" aria-labelledby="prices-title">
      <h2 id="prices-title">{t('shelters.prices')}</h2>
      {detail.pricePeriods.length === 0 ? <p className="empty">{t('shelters.noPrice')}</p> : null}
      {detail.pricePeriods.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('shelters.period')}</th>
              <th scope="col" className="cell-num">{t('shelters.adultPrice')}</th>
              <th scope="col" className="cell-num">{t('shelters.childPrice')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.pricePeriods.map((p) => (
              <tr key={p.id}>
                <td className="cell-nowrap">
                  {p.validFrom} {p.validTo ? t('shelters.validTo', { date: p.validTo }) : t('shelters.ongoingPeriod')}
                </td>
                <td className="cell-num">{formatOre(p.adultOre)}</td>
                <td className="cell-num">{formatOre(p.childOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="add-price-title">
        <h3 id="add-price-title" className="sub-title">{t('shelters.addPrice')}</h3>
        {formError ? <Alert>{formError}</Alert> : null}
        {done ? <Alert kind="success">{done}</Alert> : null}
        <div className="form-row">
          <TextField id="price-validFrom" label={t('shelters.validFrom')} hint={t('common.dateHint')} className="input-date" value={validFrom} onChange={setValidFrom} error={errors.validFrom} />
          <TextField id="price-adult" label={t('shelters.adultPrice')} hint={t('shelters.priceHint')} className="input-short" value={adult} onChange={setAdult} error={errors.adultOre} />
          <TextField id="price-child" label={t('shelters.childPrice')} hint={t('shelters.priceHint')} className="input-short" value={child} onChange={setChild} error={errors.childOre} />
        </div>
        <button type="submit" className="button">{t('shelters.addPrice')}</button>
      </form>
    </section>
  );
}

