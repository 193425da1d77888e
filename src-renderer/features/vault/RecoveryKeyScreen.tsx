import { useEffect, useId, useState } from 'react';
import { invoke } from '../../app/api-client';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../app/AuthLayout';
import { PageHeading } from '../../components/PageHeading';
import { RecoveryKeyGroups } from './RecoveryKeyGroups';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { useVaultStore } from './vault-store';

/**
 * Shown once, right after the vault is made. The worker cannot go on before
 * confirming that the key is on paper: without it, a unit that forgets every
 * passphrase has lost its records.
 */
export function RecoveryKeyScreen({ recoveryKey, unitName }: { recoveryKey: string; unitName: string }) {
  const { t } = useTranslation();
  const confirmSaved = useVaultStore((s) => s.confirmRecoveryKeySaved);
  const [confirmed, setConfirmed] = useState(false);
  const checkId = useId();
  const keyLabelId = useId();

  // The key is shown only this once: keep the vault from auto-locking while
  // the worker reads, prints or copies it by hand (which touches no keys).
  useEffect(() => {
    const timer = window.setInterval(() => {
      void invoke('vault.touch').catch(() => undefined);
    }, 60_000);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <>
      <div className="screen-only">
        <AuthLayout wide>
          <PageHeading>{t('recovery.title')}</PageHeading>
          <p className="lead">{t('recovery.intro')}</p>
          <div className="recovery-key-box" role="group" aria-labelledby={keyLabelId}>
            <p id={keyLabelId} className="recovery-key-label">
              {t('recovery.keyLabel')}
            </p>
            <RecoveryKeyGroups recoveryKey={recoveryKey} testId="recovery-key" />
          </div>
          <h2>{t('recovery.howTo')}</h2>
          <ul className="plain-list">
            <li>{t('recovery.howTo1')}</li>
            <li>{t('recovery.howTo2')}</li>
            <li>{t('recovery.howTo3')}</li>
          </ul>
          <div className="button-row">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('recovery.print')}
            </button>
          </div>
          <div className="confirm-check">
            <input id={checkId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <label htmlFor={checkId}>{t('recovery.confirm')}</label>
          </div>
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={!confirmed} onClick={confirmSaved}>
              {t('recovery.continue')}
            </button>
          </div>
        </AuthLayout>
      </div>
      <RecoveryKeySheet recoveryKey={recoveryKey} unitName={unitName} />
    </>
  );
}
