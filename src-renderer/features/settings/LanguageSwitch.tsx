import { useTranslation } from 'react-i18next';
import { storeLanguage, type Language } from '../../i18n/language';
import { RadioGroup } from '../../components/RadioGroup';

/** Svenska / English. Each option is written in its own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'sv';
  const choose = (value: string) => {
    const language: Language = value === 'en' ? 'en' : 'sv';
    storeLanguage(language);
    document.documentElement.lang = language;
    void i18n.changeLanguage(language);
  };
  return (
    <RadioGroup
      name="language"
      legend={t('settings.language')}
      value={current}
      onChange={choose}
      inline
      options={[
        { value: 'sv', label: t('settings.languageSv') },
        { value: 'en', label: t('settings.languageEn') },
      ]}
    />
  );
}
