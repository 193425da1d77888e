import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates';
import { describeError } from '../../app/errors';
import { lockDown } from '../../app/lockdown';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { BackupInfo } from '../../../src-main/features/backups/types';
import { useSettingsStore } from './settings-store';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** "Ta säkerhetskopia nu", the list of backups, and – for samordnare – restoring one after a plain warning. */
export function BackupsPanel({ isCoordinator }: { isCoordinator: boolean }) {
  const { t } = useTranslation();
  const backups = useSettingsStore((s) => s.backups);
  const loaded = useSettingsStore((s) => s.backupsLoaded);
  const listError = useSettingsStore((s) => s.backupsError);
  const loadBackups = useSettingsStore((s) => s.loadBackups);
  const backupNow = useSettingsStore((s) => s.backupNow);
  const restore = useSettingsStore((s) => s.restore);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [toRestore, setToRestore] = useState<BackupInfo | null>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const onBackup = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await backupNow();
      setMessage({ kind: 'success', text: t('settings.backupMade') });
    } catch (err) {
      setMessage({ kind: 'error', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  const onRestore = async () => {
    if (!toRestore) return;
    setBusy(true);
    try {
      await restore(toRestore.name);
      // The vault is locked now; drop everything and show the lock screen.
      await lockDown();
    } catch (err) {
      setToRestore(null);
      setMessage({ kind: 'error', text: describeError(err) });
      setBusy(false);
    }
  };

  return (
    <div>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      {listError ? <Alert>{describeError(listError)}</Alert> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onBackup} disabled={busy}>
          {t('settings.backupNow')}
        </button>
      </div>
      {loaded && backups.length === 0 ? <p className="empty">{t('settings.noBackups')}</p> : null}
      {backups.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.colCreated')}</th>
              <th scope="col">{t('settings.colSize')}</th>
              <th scope="col">{t('settings.colPath')}</th>
              {isCoordinator ? (
                <th scope="col">
                  <span className="visually-hidden">{t('settings.restore')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td className="cell-nowrap">{formatDateTime(b.createdAt)}</td>
                <td className="cell-nowrap">{formatSize(b.sizeBytes)}</td>
                <td className="cell-path">{b.path}</td>
                {isCoordinator ? (
                  <td>
                    <button type="button" className="button button-small" onClick={() => setToRestore(b)} disabled={busy} aria-label={t('settings.restoreLabel', { date: formatDateTime(b.createdAt) })}>
                      {t('settings.restore')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {toRestore ? (
        <ConfirmDialog
          title={t('settings.restoreTitle')}
          confirmLabel={t('settings.restoreConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void onRestore()}
          onCancel={() => setToRestore(null)}
          busy={busy}
          danger
        >
          <p>{t('settings.restoreText', { date: formatDateTime(toRestore.createdAt) })}</p>
          <p>
            <strong>{t('settings.restoreLock')}</strong>
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
