import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ForcedPassphraseScreen } from '../features/vault/ForcedPassphraseScreen';
import { LockScreen } from '../features/vault/LockScreen';
import { RecoveryKeyScreen } from '../features/vault/RecoveryKeyScreen';
import { SetupScreen } from '../features/vault/SetupScreen';
import { UnreadableScreen } from '../features/vault/UnreadableScreen';
import { selectRecoveryKey, selectStatus, useVaultStore } from '../features/vault/vault-store';
import { Alert } from '../components/Alert';
import { AuthLayout } from './AuthLayout';
import { describeError } from './errors';
import { installLockListener } from './lockdown';
import { Shell } from './Shell';
import { useAutoLock } from './use-auto-lock';

/**
 * Picks the screen from the vault's status. Nothing of the working app is
 * mounted unless the vault is unlocked, the recovery key is confirmed and
 * the passphrase needs no forced change.
 */
export function App() {
  const { t } = useTranslation();
  const status = useVaultStore(selectStatus);
  const statusError = useVaultStore((s) => s.statusError);
  const recoveryKey = useVaultStore(selectRecoveryKey);
  const refresh = useVaultStore((s) => s.refreshStatus);

  useEffect(() => {
    const off = installLockListener();
    refresh().catch(() => undefined);
    return off;
  }, [refresh]);

  useAutoLock(status?.state === 'unlocked');

  if (!status) {
    return (
      <AuthLayout>
        {statusError ? (
          <>
            <Alert>{describeError(statusError)}</Alert>
            <div className="button-row">
              <button type="button" className="button" onClick={() => void refresh().catch(() => undefined)}>
                {t('common.retry')}
              </button>
            </div>
          </>
        ) : (
          <p className="loading">{t('app.loading')}</p>
        )}
      </AuthLayout>
    );
  }

  switch (status.state) {
    case 'no_vault':
      return <SetupScreen />;
    case 'locked':
      return <LockScreen key="locked" status={status} />;
    case 'unreadable':
      return <UnreadableScreen message={status.message} />;
    case 'unlocked':
      if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} unitName={status.session.unitName} />;
      if (status.session.mustChangePassphrase) return <ForcedPassphraseScreen workerName={status.session.workerName} />;
      return <Shell session={status.session} />;
  }
}
