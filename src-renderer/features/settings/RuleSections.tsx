import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import type { PrivacySettings } from '../../../src-main/features/privacy/settings';
import type { StatisticsSettings } from '../../../src-main/features/statistics/contract';
import { SaveRow, SettingsSection, useSectionForm, ValueList, wholeNumber, type FieldErrors } from './section-form';
import { useSettingsStore } from './settings-store';

/** "Ange ett heltal" for each named field whose text is not a whole number (optional ones may be empty). */
function numbersCheck<V extends Record<string, string | boolean>>(v: V, fields: readonly (keyof V & string)[], message: string, optional: readonly (keyof V & string)[] = []): FieldErrors<V> {
  const out: FieldErrors<V> = {};
  for (const f of fields) {
    const text = String(v[f]);
    if (optional.includes(f) && text.trim() === '') continue;
    if (wholeNumber(text) === null) out[f] = message;
  }
  return out;
}


/** The retention rule: years after the last entry, the birthday exception, keep everything. */
export function RetentionRulesSection({ privacy, canEdit }: { privacy: PrivacySettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const updatePrivacy = useSettingsStore((s) => s.updatePrivacy);
  const toForm = (p: PrivacySettings) => ({ years: String(p.retention.yearsAfterLastEntry), keepEverything: p.retention.keepEverything, birthdayException: p.retention.birthdayException });
  const form = useSectionForm({
    initial: () => toForm(privacy),
    check: (v) => numbersCheck(v, ['years'], t('unitSettings.wholeNumber')),
    fieldOf: (path) => (path === 'retention.yearsAfterLastEntry' ? 'years' : undefined),
    save: async (v) => toForm(await updatePrivacy({ retention: { yearsAfterLastEntry: wholeNumber(v.years)!, keepEverything: v.keepEverything, birthdayException: v.birthdayException } })),
  });
  const r = privacy.retention;
  return (
    <SettingsSection id="retention" intro={t('unitSettings.retention.intro')}>
      {canEdit ? (
        <form ref={form.formRef} className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('unitSettings.sections.retention')}>
          {form.error ? <Alert>{form.error}</Alert> : null}
          <TextField id="settings-years" label={t('privacy.settings.years')} value={form.values.years} onChange={form.set('years')} error={form.errors.years} inputMode="numeric" className="input-short" />
          <CheckboxField id="settings-birthday" label={t('privacy.settings.birthday')} checked={form.values.birthdayException} onChange={form.set('birthdayException')} />
          <CheckboxField id="settings-keep" label={t('privacy.settings.keepEverything')} checked={form.values.keepEverything} onChange={form.set('keepEverything')} />
          <SaveRow busy={form.busy} saved={form.saved} />
          <p>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'privacy', tab: 'retention' })}>
              {t('unitSettings.retention.openRetention')}
            </button>
          </p>
        </form>
      ) : (
        <ValueList
          items={[
            [t('privacy.settings.years'), String(r.yearsAfterLastEntry)],
            [t('privacy.settings.birthday'), t(r.birthdayException ? 'unitSettings.yes' : 'unitSettings.no')],
            [t('privacy.settings.keepEverything'), t(r.keepEverything ? 'unitSettings.yes' : 'unitSettings.no')],
          ]}
        />
      )}
    </SettingsSection>
  );
}

/** Office hours and "many persons in a short time": what the log review flags. */
export function LogRulesSection({ privacy, canEdit }: { privacy: PrivacySettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const updatePrivacy = useSettingsStore((s) => s.updatePrivacy);
  const toForm = (p: PrivacySettings) => ({ start: p.officeHours.start, end: p.officeHours.end, weekdaysOnly: p.officeHours.weekdaysOnly, manyCount: String(p.manyPersons.count), manyMinutes: String(p.manyPersons.minutes) });
  const paths: Record<string, 'start' | 'end' | 'manyCount' | 'manyMinutes'> = { 'officeHours.start': 'start', 'officeHours.end': 'end', 'manyPersons.count': 'manyCount', 'manyPersons.minutes': 'manyMinutes' };
  const form = useSectionForm({
    initial: () => toForm(privacy),
    check: (v) => numbersCheck(v, ['manyCount', 'manyMinutes'], t('unitSettings.wholeNumber')),
    fieldOf: (path) => paths[path],
    save: async (v) =>
      toForm(
        await updatePrivacy({
          officeHours: { start: v.start.trim(), end: v.end.trim(), weekdaysOnly: v.weekdaysOnly },
          manyPersons: { count: wholeNumber(v.manyCount)!, minutes: wholeNumber(v.manyMinutes)! },
        }),
      ),
  });
  const o = privacy.officeHours;
  return (
    <SettingsSection id="log" intro={t('unitSettings.log.intro')}>
      {canEdit ? (
        <form ref={form.formRef} className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('unitSettings.sections.log')}>
          {form.error ? <Alert>{form.error}</Alert> : null}
          <fieldset className="fieldset">
            <legend>{t('privacy.settings.officeHours')}</legend>
            <div className="form-row">
              <TextField id="settings-office-start" label={t('privacy.settings.start')} hint="TT:MM" value={form.values.start} onChange={form.set('start')} error={form.errors.start} className="input-short" autoComplete="off" />
              <TextField id="settings-office-end" label={t('privacy.settings.end')} hint="TT:MM" value={form.values.end} onChange={form.set('end')} error={form.errors.end} className="input-short" autoComplete="off" />
            </div>
            <CheckboxField id="settings-weekdays" label={t('privacy.settings.weekdaysOnly')} checked={form.values.weekdaysOnly} onChange={form.set('weekdaysOnly')} />
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('privacy.settings.many')}</legend>
            <div className="form-row">
              <TextField id="settings-many-count" label={t('privacy.settings.manyCount')} value={form.values.manyCount} onChange={form.set('manyCount')} error={form.errors.manyCount} inputMode="numeric" className="input-short" />
              <TextField id="settings-many-minutes" label={t('privacy.settings.manyMinutes')} value={form.values.manyMinutes} onChange={form.set('manyMinutes')} error={form.errors.manyMinutes} inputMode="numeric" className="input-short" />
            </div>
          </fieldset>
          <SaveRow busy={form.busy} saved={form.saved} />
          <p>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'privacy', tab: 'log' })}>
              {t('unitSettings.log.openLog')}
            </button>
          </p>
        </form>
      ) : (
        <ValueList
          items={[
            [t('privacy.settings.officeHours'), `${t('unitSettings.log.hours', { start: o.start, end: o.end })}, ${t(o.weekdaysOnly ? 'unitSettings.log.weekdays' : 'unitSettings.log.allDays')}`],
            [t('privacy.settings.many'), t('unitSettings.log.manyText', { count: privacy.manyPersons.count, minutes: privacy.manyPersons.minutes })],
          ]}
        />
      )}
    </SettingsSection>
  );
}

/** Population, the small-number threshold of exports, and the risk-assessment days. */
export function StatisticsRulesSection({ statistics, canEdit }: { statistics: StatisticsSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const updateStatistics = useSettingsStore((s) => s.updateStatistics);
  const toForm = (s: StatisticsSettings) => ({ suppressionThreshold: String(s.suppressionThreshold), adultPopulation: s.adultPopulation === null ? '' : s.adultPopulation.toLocaleString('sv-SE'), riskAssessmentDays: String(s.riskAssessmentDays) });
  const form = useSectionForm({
    initial: () => toForm(statistics),
    check: (v) => numbersCheck(v, ['suppressionThreshold', 'adultPopulation', 'riskAssessmentDays'], t('unitSettings.wholeNumber'), ['adultPopulation']),
    save: async (v) =>
      toForm(
        await updateStatistics({
          suppressionThreshold: wholeNumber(v.suppressionThreshold)!,
          adultPopulation: v.adultPopulation.trim() === '' ? null : wholeNumber(v.adultPopulation)!,
          riskAssessmentDays: wholeNumber(v.riskAssessmentDays)!,
        }),
      ),
  });
  return (
    <SettingsSection id="statistics" intro={t('unitSettings.statistics.intro')}>
      {canEdit ? (
        <form ref={form.formRef} className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('unitSettings.sections.statistics')}>
          {form.error ? <Alert>{form.error}</Alert> : null}
          <TextField id="settings-population" label={t('statistics.settings.population')} value={form.values.adultPopulation} onChange={form.set('adultPopulation')} error={form.errors.adultPopulation} inputMode="numeric" className="input-short" />
          <TextField id="settings-threshold" label={t('statistics.settings.threshold')} hint={t('statistics.settings.thresholdHint', { threshold: statistics.suppressionThreshold })} value={form.values.suppressionThreshold} onChange={form.set('suppressionThreshold')} error={form.errors.suppressionThreshold} inputMode="numeric" className="input-short" />
          <TextField id="settings-risk-days" label={t('statistics.settings.riskDays')} value={form.values.riskAssessmentDays} onChange={form.set('riskAssessmentDays')} error={form.errors.riskAssessmentDays} inputMode="numeric" className="input-short" />
          <SaveRow busy={form.busy} saved={form.saved} />
        </form>
      ) : (
        <StatisticsValues statistics={statistics} />
      )}
    </SettingsSection>
  );
}

/** The statistics settings as values (for a handläggare here, and beside the figures on Statistik). */
export function StatisticsValues({ statistics }: { statistics: StatisticsSettings }) {
  const { t } = useTranslation();
  return (
    <ValueList
      items={[
        [t('statistics.settings.population'), statistics.adultPopulation === null ? t('unitSettings.statistics.noPopulation') : statistics.adultPopulation.toLocaleString('sv-SE')],
        [t('statistics.settings.threshold'), String(statistics.suppressionThreshold)],
        [t('statistics.settings.riskDays'), t('unitSettings.statistics.days', { count: statistics.riskAssessmentDays })],
      ]}
    />
  );
}
