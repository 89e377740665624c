import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Lang } from '../i18n';

/** Switch language at any time; the choice is remembered on this device. */
export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('app.language')}
      label={compact ? undefined : t('app.language')}
      value={i18n.language}
      onChange={(e) => chooseLanguage(e.currentTarget.value as Lang)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      size="xs"
      w={compact ? 112 : undefined}
      // Never squeezed by a long title beside it (on a phone it showed only "म").
      miw={compact ? 112 : undefined}
      style={{ flexShrink: 0 }}
      data-testid="language-select"
    />
  );
}
