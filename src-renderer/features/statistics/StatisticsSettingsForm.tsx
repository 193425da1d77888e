import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, issuesOf } from '../../app/errors';
import { useSession } from '../../app/session-context';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { StatisticsSettings } from '../../../src-main/features/statistics/contract';
import { useStatisticsStore } from './statistics-store';

/** Threshold, population and risk-assessment days; a samordnare changes them, others see them. */
export function StatisticsSettingsForm({ settings }: { settings: StatisticsSettings }) {
  const { t } = useTranslation();
  const session = useSession();
  const canEdit = session?.role === 'samordnare';
  const updateSettings = useStatisticsStore((s) => s.updateSettings);
  const load = useStatisticsStore((s) => s.load);
  const [threshold, setThreshold] = useState(String(settings.suppressionThreshold));
  const [population, setPopulation] = useState(settings.adultPopulation === null ? '' : String(settings.adultPopulation));
  const [riskDays, setRiskDays] = useState(String(settings.riskAssessmentDays));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fieldError = (path: string) => issuesOf(error).find((i) => i.path === path)?.message ?? null;
  const toNumber = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await updateSettings({ suppressionThreshold: toNumber(threshold), adultPopulation: population.trim() === '' ? null : toNumber(population.replace(/\s/g, '')), riskAssessmentDays: toNumber(riskDays) });
      setSaved(true);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="figure figure-wide no-print" aria-labelledby="stat-settings-title">
      <h2 id="stat-settings-title" className="figure-title">
        {t('statistics.settings.title')}
      </h2>
      {canEdit ? null : <p className="field-hint">{t('statistics.settings.coordinatorOnly')}</p>}
      <form className="settings-grid" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField id="stat-threshold" label={t('statistics.settings.threshold')} hint={t('statistics.settings.thresholdHint', { threshold: settings.suppressionThreshold })} value={threshold} onChange={setThreshold} inputMode="numeric" disabled={!canEdit} error={fieldError('suppressionThreshold')} />
        <TextField id="stat-population" label={t('statistics.settings.population')} value={population} onChange={setPopulation} inputMode="numeric" disabled={!canEdit} error={fieldError('adultPopulation')} />
        <TextField id="stat-risk-days" label={t('statistics.settings.riskDays')} value={riskDays} onChange={setRiskDays} inputMode="numeric" disabled={!canEdit} error={fieldError('riskAssessmentDays')} />
        {canEdit ? (
          <button type="submit" className="button button-primary">
            {t('statistics.settings.save')}
          </button>
        ) : null}
      </form>
      {error && issuesOf(error).length === 0 ? <Alert>{describeError(error)}</Alert> : null}
      {saved ? <Alert kind="success">{t('statistics.settings.saved')}</Alert> : null}
    </section>
  );
}
