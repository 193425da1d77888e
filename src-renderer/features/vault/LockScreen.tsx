import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../app/AuthLayout';
import { Alert } from '../../components/Alert';
import type { LockReason, VaultStatus } from '../../../src-main/features/vault/types';
import { UnlockForm } from './UnlockForm';
import { RecoveryUnlockForm } from './RecoveryUnlockForm';

type LockedStatus = Extract<VaultStatus, { state: 'locked' }>;

/** Reasons worth a sentence: the worker did not lock it themselves, or something changed while it was locked. */
type ExplainedReason = 'idle' | 'os' | 'restore';
const isExplained = (r: LockReason | null): r is ExplainedReason => r === 'idle' || r === 'os' || r === 'restore';

export function LockScreen({ status }: { status: LockedStatus }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const reason = status.lastLockReason;

  return (
    <AuthLayout>
      <p className="unit-name">{status.unitName}</p>
      {mode === 'passphrase' ? (
        <UnlockForm
          workers={status.workers}
          onForgot={() => setMode('recovery')}
          notice={isExplained(reason) ? <Alert kind={reason === 'restore' ? 'warning' : 'info'}>{t(`lock.reason_${reason}`)}</Alert> : null}
        />
      ) : (
        <RecoveryUnlockForm workers={status.workers} onBack={() => setMode('passphrase')} />
      )}
    </AuthLayout>
  );
}
