// Plain-words formatting used in eligibility reasons. Hand-written instead of
// Intl.NumberFormat('en-IN') because the batch path formats millions of
// values and Intl is an order of magnitude slower; the output is the same
// Indian digit grouping (lakh/crore): ₹1,00,000.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Groups an integer string the Indian way: last three digits, then pairs. */
function groupIndian(digits: string): string {
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  let rest = digits.slice(0, -3);
  const parts: string[] = [];
  while (rest.length > 2) {
    parts.unshift(rest.slice(-2));
    rest = rest.slice(0, -2);
  }
  if (rest) parts.unshift(rest);
  return `${parts.join(',')},${last3}`;
}

/** 100000 → "1,00,000"; 2250.5 → "2,250.50". */
export function formatIndianNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const abs = Math.abs(n);
  const whole = Math.floor(abs);
  const paise = Math.round((abs - whole) * 100);
  const base = groupIndian(String(paise === 100 ? whole + 1 : whole));
  const frac = paise > 0 && paise < 100 ? `.${String(paise).padStart(2, '0')}` : '';
  return `${negative ? '-' : ''}${base}${frac}`;
}

/** 100000 → "₹1,00,000". */
export function formatInr(n: number): string {
  return `₹${formatIndianNumber(n)}`;
}

/** Ages and year limits: whole years as "17"; 7.4167 as "7 years 5 months". */
export function formatYears(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Rule authors write "under 18" as max 17.99: show it as the whole year.
  const frac = n - Math.floor(n);
  if (frac >= 0.95) return String(Math.floor(n));
  const totalMonths = Math.floor(n * 12 + 1e-9);
  const y = Math.floor(totalMonths / 12);
  const m = totalMonths % 12;
  if (m === 0) return String(y);
  return `${y} years ${m} month${m === 1 ? '' : 's'}`;
}

/** "2020-03-11" → "11 Mar 2020"; anything unparsable is returned as given. */
export function formatDate(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

export interface YMD {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict YYYY-MM-DD parse that refuses impossible days (2021-02-30). */
export function parseIsoDate(s: unknown): YMD | null {
  if (typeof s !== 'string') return null;
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  if (d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function isIsoDate(s: unknown): s is string {
  return parseIsoDate(s) !== null;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Completed years between two dates (the legal sense of "age": a child is 18
 * from the 18th birthday, Majority Act 1875 s.3). A 29 Feb birthday is
 * reached on 1 Mar in common years.
 */
export function completedYears(from: YMD, to: YMD): number {
  let years = to.y - from.y;
  if (to.m < from.m || (to.m === from.m && to.d < from.d)) years -= 1;
  return years;
}

/** Completed months between two dates, as fractional years (months / 12). */
export function completedMonthsAsYears(from: YMD, to: YMD): number {
  let months = (to.y - from.y) * 12 + (to.m - from.m);
  if (to.d < from.d) months -= 1;
  return months / 12;
}
