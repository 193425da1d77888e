import { useTranslation } from 'react-i18next';
import { isAddressProtected, type ProtectionLevel } from '../../src-main/domain/vocabulary';

/**
 * The marker a list or view shows next to a person with protected data.
 * Skyddad folkbokföring and fingerade personuppgifter share one strong red
 * marker ("Skyddad identitet"): both mean the address must never leak.
 */
export function ProtectionMarker({ level }: { level: ProtectionLevel }) {
  const { t } = useTranslation();
  if (isAddressProtected(level)) {
    return (
      <span className="marker marker-protected" title={t(`vocab.protection.${level}`)}>
        {t('vocab.protectionMarker.protected')}
      </span>
    );
  }
  if (level === 'sekretessmarkering') {
    return <span className="marker marker-secrecy">{t('vocab.protectionMarker.sekretessmarkering')}</span>;
  }
  return null;
}
