import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Lang } from '../i18n';

/** The language, on the first page (a native select: the phone's own picker, no Mantine). */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="lite-language"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(e) => chooseLanguage(e.currentTarget.value as Lang)}
      data-testid="language-select"
    >
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </select>
  );
}
