import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { usePersonsStore } from './persons-store';

/**
 * "Visa adress" for a protected identity: asks first, saying plainly that
 * the look is logged with the worker's name, and only then calls
 * persons.revealAddress (which writes that log entry).
 */
export function RevealAddressButton({ personId, personName, label }: { personId: string; personName: string; label?: string }) {
  const { t } = useTranslation();
  const reveal = usePersonsStore((s) => s.revealAddress);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onConfirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await reveal(personId);
      setAsking(false);
    } catch (err) {
      setError(describeError(err));
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button-small" onClick={() => setAsking(true)} aria-describedby={`reveal-${personId}-note`}>
        {label ?? t('address.reveal')}
      </button>
      <span id={`reveal-${personId}-note`} className="reveal-note">
        {t('address.revealNote')}
      </span>
      {error ? <Alert>{error}</Alert> : null}
      {asking ? (
        <ConfirmDialog title={t('address.confirmTitle')} confirmLabel={t('address.confirm')} cancelLabel={t('common.cancel')} onConfirm={() => void onConfirm()} onCancel={() => setAsking(false)} busy={busy}>
          <p>{t('address.confirmText', { name: personName })}</p>
          <p className="dialog-warning">{t('address.confirmLogged')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
