import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../app/AuthLayout';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useVaultStore } from './vault-store';

/** The vault file is there but cannot be read (damaged, not a vault, wrong version): say so, and what to do. */
export function UnreadableScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  const refresh = useVaultStore((s) => s.refreshStatus);
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    await refresh().catch(() => undefined);
    setBusy(false);
  };
  return (
    <AuthLayout>
      <PageHeading>{t('unreadable.title')}</PageHeading>
      <Alert>{message}</Alert>
      <h2>{t('unreadable.whatToDo')}</h2>
      <ol className="steps">
        <li>{t('unreadable.step1')}</li>
        <li>{t('unreadable.step2')}</li>
        <li>{t('unreadable.step3')}</li>
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={retry} disabled={busy}>
          {t('unreadable.retry')}
        </button>
      </div>
    </AuthLayout>
  );
}
