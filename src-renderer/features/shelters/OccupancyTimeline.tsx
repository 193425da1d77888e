import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { navigate } from '../../app/navigation-store';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { TextField } from '../../components/TextField';
import { addDays, billedRange, dayNumber } from '../../../src-main/domain/placement-cost';
import type { Occupancy } from '../../../src-main/features/shelters/contract';
import { fullName } from '../persons/person-format';
import { useSheltersStore } from './shelters-store';

/** How full a day is, as a class (the CSP forbids inline styles, so levels rather than widths). */
function levelOf(persons: number, capacity: number | null): string {
  if (persons === 0) return 'occ-0';
  if (capacity === null || capacity === 0) return 'occ-mid';
  if (persons > capacity) return 'occ-over';
  if (persons === capacity) return 'occ-full';
  return persons * 2 <= capacity ? 'occ-low' : 'occ-mid';
}

/** A shelter's occupancy: one strip of days with the number staying, and one row per stay. */
export function OccupancyTimeline({ shelterId }: { shelterId: string }) {
  const { t } = useTranslation();
  const occupancy = useSheltersStore((s) => (s.occupancy?.shelterId === shelterId ? s.occupancy : null));
  const load = useSheltersStore((s) => s.loadOccupancy);
  const today = todayIso();
  const [from, setFrom] = useState(addDays(today, -45));
  const [to, setTo] = useState(addDays(today, 14));

  useEffect(() => {
    void load(shelterId, addDays(today, -45), addDays(today, 14));
  }, [load, shelterId, today]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void load(shelterId, from.trim(), to.trim());
  };

  return (
    <section className="case-section" aria-labelledby="occupancy-title">
      <h2 id="occupancy-title">{t('shelters.occupancy')}</h2>
      <form className="form-row search-row" onSubmit={onSubmit} noValidate>
        <TextField id="occ-from" label={t('shelters.occupancyFrom')} className="input-date" value={from} onChange={setFrom} />
        <TextField id="occ-to" label={t('shelters.occupancyTo')} className="input-date" value={to} onChange={setTo} />
        <button type="submit" className="button">{t('shelters.occupancyShow')}</button>
      </form>
      {occupancy ? <Timeline occupancy={occupancy} today={today} /> : null}
    </section>
  );
}

function Timeline({ occupancy, today }: { occupancy: Occupancy; today: string }) {
  const { t } = useTranslation();
  const first = dayNumber(occupancy.from);
  const over = occupancy.capacity !== null && occupancy.perDay.some((d) => d.persons > occupancy.capacity!);
  return (
    <div className="timeline" role="group" aria-label={t('shelters.timelineLabel', { from: occupancy.from, to: occupancy.to })}>
      {over ? <p className="flag">{t('shelters.overCapacity')}</p> : null}
      <div className="timeline-row timeline-axis" aria-hidden="true">
        <span className="timeline-label" />
        <span className="timeline-days">
          {occupancy.perDay.map((d, i) => (
            <span key={d.date} className="day day-axis">
              {i === 0 || d.date.endsWith('-01') ? <span className="axis-label">{d.date}</span> : null}
            </span>
          ))}
        </span>
      </div>
      <div className="timeline-row">
        <span className="timeline-label">{t('shelters.capacity')}: {occupancy.capacity ?? '–'}</span>
        <span className="timeline-days">
          {occupancy.perDay.map((d) => (
            <span
              key={d.date}
              className={`day ${levelOf(d.persons, occupancy.capacity)}${d.date === today ? ' day-today' : ''}${d.date.endsWith('-01') ? ' day-month' : ''}`}
              title={occupancy.capacity === null ? t('shelters.dayTitleNoCap', { date: d.date, count: d.persons }) : t('shelters.dayTitle', { date: d.date, count: d.persons, capacity: occupancy.capacity })}
            >
              {d.persons > 0 ? d.persons : ''}
            </span>
          ))}
        </span>
      </div>
      {occupancy.stays.length === 0 ? <p className="empty">{t('shelters.occupancyEmpty')}</p> : null}
      {occupancy.stays.map((s) => {
        const r = billedRange({ start: s.start, end: s.end }, occupancy.to);
        return (
          <div key={s.placementId} className="timeline-row">
            <span className="timeline-label">
              <button type="button" className="link-button" onClick={() => navigate({ name: 'case', caseId: s.caseId })}>
                {fullName(s.person)}
              </button>{' '}
              <ProtectionMarker level={s.person.protectionLevel} />
              {s.children > 0 ? <span className="muted"> {t('shelters.withChildren', { count: s.children })}</span> : null}
            </span>
            <span className="timeline-days">
              {occupancy.perDay.map((d, i) => {
                const n = first + i;
                const on = n >= r.from && n < r.to;
                const planned = !on && s.end === null && s.plannedEnd !== null && d.date > today && d.date < s.plannedEnd;
                return <span key={d.date} className={`day ${on ? 'stay-on' : planned ? 'stay-planned' : 'stay-off'}${d.date === today ? ' day-today' : ''}`} />;
              })}
            </span>
          </div>
        );
      })}
    </div>
  );
}
