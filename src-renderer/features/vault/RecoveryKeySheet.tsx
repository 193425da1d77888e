import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { RecoveryKeyGroups } from './RecoveryKeyGroups';
import './recovery-print.css';

/**
 * The paper the recovery key lives on. Rendered always but shown only in
 * print (recovery-print.css), so "Skriv ut" gives one clean A4 sheet and
 * none of the screen around it. Hidden from assistive technology: the
 * screen version carries the same key.
 */
export function RecoveryKeySheet({ recoveryKey, unitName }: { recoveryKey: string; unitName: string }) {
  const { t } = useTranslation();
  return (
    <section className="print-sheet" aria-hidden="true">
      <p className="sheet-marking">{t('app.confidential')}</p>
      <h1 className="sheet-title">{t('recoverySheet.title')}</h1>
      <dl className="sheet-facts">
        <dt>{t('recoverySheet.unit')}</dt>
        <dd>{unitName}</dd>
        <dt>{t('recoverySheet.printed')}</dt>
        <dd>{todayIso()}</dd>
      </dl>
      <p>{t('recoverySheet.intro')}</p>
      <div className="sheet-key">
        <RecoveryKeyGroups recoveryKey={recoveryKey} testId="recovery-key-print" />
      </div>
      <ol className="sheet-instructions">
        <li>{t('recoverySheet.instruction1')}</li>
        <li>{t('recoverySheet.instruction2')}</li>
        <li>{t('recoverySheet.instruction3')}</li>
        <li>{t('recoverySheet.instruction4')}</li>
      </ol>
      <div className="sheet-lines">
        <p className="sheet-line sheet-line-wide">{t('recoverySheet.storedAt')}</p>
        <p className="sheet-line">{t('recoverySheet.signature')}</p>
        <p className="sheet-line">{t('recoverySheet.nameClarification')}</p>
        <p className="sheet-line">{t('recoverySheet.date')}</p>
      </div>
      <p className="sheet-marking sheet-marking-bottom">{t('app.confidential')}</p>
    </section>
  );
}
