import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './index';

/**
 * Numbers, money and dates in the Indian format of the current language:
 * 1,23,456 (lakh/crore grouping), ₹13,000, 2 Apr 2016. Dates from the API are calendar
 * dates (YYYY-MM-DD): they are formatted in UTC so no time zone moves them a day.
 */
export function formatterFor(lang: string) {
  const locale = localeOf(lang);
  const num = new Intl.NumberFormat(locale);
  const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const toDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return {
    locale,
    number: (n: number | null | undefined) => (n == null ? '—' : num.format(n)),
    decimal: (n: number | null | undefined) => (n == null ? '—' : dec.format(n)),
    money: (n: number | null | undefined) => (n == null ? '—' : money.format(n)),
    date: (iso: string | null | undefined) => (iso ? day.format(toDate(iso)) : '—'),
    month: (iso: string) => month.format(toDate(iso)),
    dateTime: (iso: string | Date) => stamp.format(typeof iso === 'string' ? new Date(iso) : iso),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return useMemo(() => formatterFor(i18n.language), [i18n.language]);
}
