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
  // Money as ₹ and the language's own lakh/crore grouping: ICU's Marathi currency pattern groups
  // in thousands ("₹500,000" where English shows "₹5,00,000"), so the symbol is put by hand.
  const money = { format: (n: number) => `${n < 0 ? '-' : ''}₹${num.format(Math.abs(Math.round(n)))}` };
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // A deadline is a calendar day in India (IST), whatever the browser's time zone; its clock time
  // is shown only where the law counts in hours (production before the CWC within 24 h, s.31).
  const istDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' });
  const istStamp = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
  const toDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return {
    locale,
    number: (n: number | null | undefined) => (n == null ? '—' : num.format(n)),
    decimal: (n: number | null | undefined) => (n == null ? '—' : dec.format(n)),
    money: (n: number | null | undefined) => (n == null ? '—' : money.format(n)),
    date: (iso: string | null | undefined) => (iso ? day.format(toDate(iso)) : '—'),
    month: (iso: string) => month.format(toDate(iso)),
    dateTime: (iso: string | Date) => stamp.format(typeof iso === 'string' ? new Date(iso) : iso),
    /** A due date: the IST calendar day, with the clock time only when `withTime` (hour-counted limits). */
    due: (iso: string | null | undefined, withTime = false) => (iso ? (withTime ? istStamp : istDay).format(toDate(iso)) : '—'),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return useMemo(() => formatterFor(i18n.language), [i18n.language]);
}
