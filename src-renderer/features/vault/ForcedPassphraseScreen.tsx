import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../app/AuthLayout';
import { lockNow } from '../../app/lockdown';
import { PageHeading } from '../../components/PageHeading';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/** A worker given a temporary passphrase must choose their own before anything else (the server refuses other calls until then). */
export function ForcedPassphraseScreen({ workerName }: { workerName: string }) {
  const { t } = useTranslation();
  return (
    <AuthLayout>
      <PageHeading>{t('changePassphrase.forcedTitle')}</PageHeading>
      <p className="lead">
        <strong>{workerName}</strong> – {t('changePassphrase.forcedIntro')}
      </p>
      <ChangePassphraseForm idPrefix="forced" />
      <p className="below-form">
        <button type="button" className="button" onClick={() => void lockNow()}>
          {t('header.lock')}
        </button>
      </p>
    </AuthLayout>
  );
}
