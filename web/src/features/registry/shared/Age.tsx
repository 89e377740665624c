import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

/** "8 years" or "about 8 years" when the date of birth was estimated from a stated age. */
export function Age({ age, estimated }: { age: number | null | undefined; estimated?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (age == null) return <>—</>;
  return <>{t(estimated ? 'child.ageAbout' : 'child.age', { count: age, n: f.number(age) })}</>;
}
