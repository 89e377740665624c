import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import hi from './hi.json';
import mr from './mr.json';
import { CATALOGUE } from '../../../src/i18n/catalogue';

/**
 * English, Hindi and Marathi. The choice is remembered on this device (localStorage) and
 * can change at any time; until someone chooses, the language in their profile is used.
 * Formatting follows the language: Intl 'en-IN' / 'hi-IN' / 'mr-IN' (lakh and crore grouping).
 * Marathi asks for Latin digits ('-u-nu-latn'): Intl's mr-IN default is Devanagari digits, while
 * amounts, phone numbers and the server's eligibility reasons use Latin digits in every language,
 * and one screen should not mix the two.
 */
export const LANGUAGES = [
  { code: 'en', label: 'English', locale: 'en-IN' },
  { code: 'hi', label: 'हिन्दी', locale: 'hi-IN' },
  { code: 'mr', label: 'मराठी', locale: 'mr-IN-u-nu-latn' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_KEY = 'samanvay.language';

const isLang = (x: unknown): x is Lang => LANGUAGES.some((l) => l.code === x);

export function storedLanguage(): Lang | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Before anyone chooses: the first of the browser's languages that the app speaks (a Marathi
 * phone sends "mr-IN", "mr"), else English. The sign-in page showed English on a Marathi phone.
 */
export function languageFromBrowser(preferred: readonly string[] | undefined): Lang {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

export function localeOf(lang: string): string {
  return LANGUAGES.find((l) => l.code === lang)?.locale ?? 'en-IN';
}

/** The user's explicit choice: remembered. */
export function chooseLanguage(lang: Lang) {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // private mode or storage full: the choice still applies to this page
  }
  void switchLanguage(lang);
}

/** After sign-in: the profile's language, unless this device already has a choice. */
export function applyProfileLanguage(lang: string) {
  if (!storedLanguage() && isLang(lang) && lang !== i18n.language) void switchLanguage(lang);
}

/**
 * The three languages side by side; the build keeps only English here (web/build/lang-split.ts)
 * and Hindi or Marathi come as one chunk when chosen (issue #17: a village connection gets the
 * sign-in page without the two languages it does not read). The tests and the dev server get all three.
 */
export const BASE_STRINGS = { en, hi, mr };

const loaded = new Set<string>(Object.keys(BASE_STRINGS));
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<{ default: Record<string, unknown>[] }>> = {
  hi: () => import('./lang-hi'),
  mr: () => import('./lang-mr'),
};

/** Fetches a language's strings once (nothing to do for English, or where they came with the app). */
export async function ensureLanguage(lang: string): Promise<void> {
  if (!isLang(lang) || lang === 'en' || loaded.has(lang)) return;
  try {
    const { default: bundles } = await LOADERS[lang]();
    for (const b of bundles) i18n.addResourceBundle(lang, 'translation', b, true, false);
    loaded.add(lang);
  } catch {
    // No connection for the chunk: English shows (the fallback) and the next change tries again.
  }
}

async function switchLanguage(lang: Lang) {
  await ensureLanguage(lang);
  await i18n.changeLanguage(lang);
}

export const resources: Resource = Object.fromEntries(Object.entries(BASE_STRINGS).map(([k, v]) => [k, { translation: v }]));

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? languageFromBrowser(browserLanguages()),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

const syncHtmlLang = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
// The catalogue the server shares (refusals, validation reasons): the same words on screen and on paper.
for (const [lng, tree] of Object.entries(CATALOGUE) as [string, Record<string, unknown> | undefined][])
  if (tree) i18n.addResourceBundle(lng, 'translation', tree, true, false);

syncHtmlLang(i18n.language);
i18n.on('languageChanged', syncHtmlLang);

let featureStrings: Promise<void> | undefined;
/**
 * Every feature's strings (menu labels, screens), fetched with the signed-in shell rather than with
 * the sign-in page (issue #17). Offline, the chunk comes from the service worker's copy; if it cannot
 * be had, the next call tries again (keys show until then, the shell still works).
 */
export function loadFeatureStrings(): Promise<void> {
  featureStrings ??= import('./features')
    .then((m) => m.registerFeatureStrings())
    .catch(() => {
      featureStrings = undefined;
    });
  return featureStrings;
}

/** A feature module may bring its own strings (deep-merged into the shared ones). */
export function addTranslations(bundles: Partial<Record<Lang, Record<string, unknown>>>) {
  for (const [lng, res] of Object.entries(bundles)) i18n.addResourceBundle(lng, 'translation', res, true, false);
}

export default i18n;
