import { useTranslation } from 'react-i18next';
import { actionKey } from './audit-actions';

/** An audit action in words (the code itself when it has no label). */
export function useActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation();
  return (a: string) => (i18n.exists(`privacy.log.actions.${actionKey(a)}`) ? t(`privacy.log.actions.${actionKey(a)}` as 'privacy.log.actions.persons__read') : a);
}

/** The log table's head: the same columns on screen and in the PDF. */
export function LogTableHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('privacy.log.when')}</th>
        <th scope="col">{t('privacy.log.who')}</th>
        <th scope="col">{t('privacy.log.what')}</th>
        <th scope="col">{t('privacy.log.concerns')}</th>
        <th scope="col">{t('privacy.log.flagsCol')}</th>
      </tr>
    </thead>
  );
}
