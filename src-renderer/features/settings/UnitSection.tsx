import { useState, type ChangeEvent } from 'react';
import '../cases/documents.css';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { Settings } from '../../../src-main/features/settings/contract';
import { useVaultStore } from '../vault/vault-store';
import { readFile } from './read-file';
import { SaveRow, SettingsSection, useSectionForm, ValueList } from './section-form';
import { useSettingsStore } from './settings-store';

/** The unit's name and logo, which head every printout. */
export function UnitSection({ settings, logo, canEdit }: { settings: Settings; logo: string | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useSettingsStore((s) => s.update);
  const setUnitName = useVaultStore((s) => s.setUnitName);
  const form = useSectionForm({
    initial: () => ({ unitName: settings.unitName }),
    check: (v) => (v.unitName.trim() ? {} : { unitName: t('validation.required') }),
    save: async (v) => {
      const next = await update({ unitName: v.unitName.trim() });
      setUnitName(next.unitName);
      return { unitName: next.unitName };
    },
  });
  return (
    <SettingsSection id="unit" intro={t('unitSettings.unit.intro')}>
      {canEdit ? (
        <form ref={form.formRef} className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('settings.unitName')}>
          {form.error ? <Alert>{form.error}</Alert> : null}
          <TextField id="settings-unit" label={t('settings.unitName')} value={form.values.unitName} onChange={form.set('unitName')} error={form.errors.unitName} autoComplete="off" />
          <SaveRow busy={form.busy} saved={form.saved} />
        </form>
      ) : (
        <ValueList items={[[t('settings.unitName'), settings.unitName]]} />
      )}
      <h3 className="sub-title">{t('unitSettings.unit.logoHeading')}</h3>
      <LogoPanel logo={logo} canEdit={canEdit} />
    </SettingsSection>
  );
}

function LogoPanel({ logo, canEdit }: { logo: string | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const setLogo = useSettingsStore((s) => s.setLogo);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const change = async (next: () => Promise<string | null>, done: string) => {
    setMessage(null);
    try {
      await setLogo(await next());
      setMessage({ kind: 'success', text: done });
    } catch (err) {
      setMessage({ kind: 'error', text: describeError(err) });
    }
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void change(() => readFile(file, 'dataUrl'), t('documentSettings.logoSaved'));
  };

  return (
    <div>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      {logo ? <img className="logo-preview" src={logo} alt={t('documentSettings.logoAlt')} /> : <p className="empty">{t('documentSettings.noLogo')}</p>}
      {canEdit ? (
        <div className="button-row">
          <label className="button" htmlFor="logo-file">
            {t('documentSettings.chooseLogo')}
          </label>
          <input id="logo-file" className="visually-hidden" type="file" accept="image/png,image/jpeg" onChange={onFile} />
          {logo ? (
            <button type="button" className="button" onClick={() => void change(async () => null, t('unitSettings.saved'))}>
              {t('documentSettings.removeLogo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
