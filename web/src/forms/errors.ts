import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, ConflictError } from '../api/client';

/** Field name → the reason it was refused (the first one, in English as zod or the server said it). */
export type FieldErrors = Record<string, string>;

/**
 * Where an issue belongs: its path without list positions, so `vulnerabilityFactors.2`
 * lands on the factors field. Record keys stay whole: `answers.health.access` is one item.
 */
export function fieldKey(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  const kept = parts.filter((p) => !/^\d+$/.test(p));
  if (kept[0] === 'body') kept.shift();
  return kept.join('.');
}

export function issuesToErrors(issues: readonly { path?: readonly PropertyKey[]; field?: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const k = fieldKey(i.path ?? i.field ?? '');
    if (!(k in out)) out[k] = i.message;
  }
  return out;
}

/**
 * Server issues split in two: those a field on this form can show, and the rest (shown
 * above the form, so no reason is ever swallowed).
 */
export function splitServerIssues(err: ApiError, fields: readonly string[]): { fields: FieldErrors; other: string[] } {
  const all = issuesToErrors(err.issues);
  const mine: FieldErrors = {};
  const other: string[] = [];
  // The server's own sentence for people (issue #17: the field named in words, in the language
  // sent as Accept-Language), where it gave one.
  const worded = new Map(err.issues.map((i) => [fieldKey(i.field ?? ''), i.text]));
  for (const [k, msg] of Object.entries(all)) {
    const target = fields.includes(k) ? k : fields.find((f) => k.startsWith(`${f}.`));
    if (target) mine[target] ??= msg;
    // Not a field of this form: never the API's internal field name ("chairPersonId"), which
    // means nothing to the person at the screen; the server's worded reason, else the reason alone.
    else other.push(worded.get(k) ?? msg);
  }
  if (!err.issues.length) other.push(err.message);
  return { fields: mine, other };
}

/**
 * The reasons in src/registry/registry.model.ts and the registry services, by their
 * English text, so the browser shows the server's reason in the user's language.
 */
const KNOWN: Record<string, string> = {
  'is required': 'required',
  'is too long (120 characters at most)': 'tooLong120',
  'must be a date YYYY-MM-DD': 'dateFormat',
  'is not a real date': 'notRealDate',
  'cannot be in the future': 'future',
  'must be whole years': 'wholeYears',
  'cannot be negative': 'negative',
  'must be 25 or under': 'max25',
  'choose a family or a village': 'familyOrVillage',
  'must be whole rupees': 'wholeRupees',
  'is implausibly large': 'implausible',
  'choose a village': 'chooseVillage',
  'a living member cannot have a death date or cause': 'livingNoDeath',
  'cannot be before the date applied': 'beforeApplied',
  'give a date of birth or an estimated age': 'dobOrAge',
  'no such family in your jurisdiction': 'noSuchFamily',
  'answer at least one item': 'answerOne',
  'is not a child of this family': 'notChildOfFamily',
  'give the date the document was issued': 'issuedOnNeeded',
  'must not be below ageMin': 'ageRange',
};

/** zod's own wording (types, lengths, enums) by pattern. */
const PATTERNS: [RegExp, string][] = [
  [/^Invalid option/, 'chooseOne'],
  [/^Invalid input: expected \w+, received (undefined|null)/, 'required'],
  [/^Invalid input: expected (number|int)/, 'number'],
  [/^Too small: expected string to have >=1(?!\d)/, 'required'],
  [/^Too big: expected string to have <=(\d+)/, 'tooLong'],
  [/^Too big: expected number to be <=(\d+)/, 'max'],
  [/^Too small: expected number to be >=(\d+)/, 'min'],
  [/^Invalid (UUID|uuid)/, 'invalidId'],
];

/** Further zod wording, translated from the shared catalogue (src/i18n/catalogue.ts), with a count. */
const COUNTED: [RegExp, string][] = [
  [/^Too small: expected array to have >=1 items?$/, 'validation.chooseAtLeastOne'],
  [/^Too small: expected array to have >=(\d+)/, 'validation.chooseAtLeast'],
  [/^Too small: expected string to have >=(\d+)/, 'validation.tooShort'],
  [/^Too big: expected array to have <=(\d+)/, 'validation.tooMany'],
  [/^Unrecognized key/, 'validation.unknownField'],
];

/** zod's own English that no pattern above knows: never shown raw ("Invalid input", "Invalid string: …"). */
const ZOD_WORDING = /^(Invalid|Too (small|big)|Unrecognized|Expected|Required$)/;

/** Reasons worded in the shared catalogue (src/i18n/catalogue.ts). */
const KNOWN_CATALOGUE: Record<string, string> = {
  'must contain at least two letters': 'validation.nameLetters',
  'must contain a letter (not only spaces or invisible characters)': 'validation.nameLetters',
};

export function translateReason(t: TFunction, message: string): string {
  if (KNOWN_CATALOGUE[message]) return t(KNOWN_CATALOGUE[message]);
  const known = KNOWN[message];
  if (known) return t(`reasons.${known}`);
  for (const [re, key] of PATTERNS) {
    const m = re.exec(message);
    if (m) return t(`reasons.${key}`, { n: m[1] });
  }
  for (const [re, key] of COUNTED) {
    const m = re.exec(message);
    if (m) return m[1] ? t(key, { count: Number(m[1]) }) : t(key);
  }
  if (ZOD_WORDING.test(message)) return t('validation.invalid');
  return message; // the server's own words (already a sentence for people): better than nothing
}

export function useReason() {
  const { t } = useTranslation();
  return useCallback((message: string | undefined) => (message ? translateReason(t, message) : undefined), [t]);
}

/** A sentence for an error that is not about one field. */
export function describeError(t: TFunction, err: unknown): string {
  if (err instanceof ConflictError) return t('errors.conflict');
  if (err instanceof ApiError) {
    switch (err.status) {
      case 0:
        return t('errors.network');
      case 401:
        return t('errors.sessionEnded');
      case 403:
        return err.code === 'outside_jurisdiction' ? t('errors.outsideJurisdiction') : t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 423:
        return t('errors.locked');
      default: {
        if (err.status >= 500) return t('errors.server');
        // The server's own sentences for people, in the language on screen (sent as Accept-Language).
        const worded = err.issues.map((i) => i.text).filter((x): x is string => !!x);
        return worded.length ? worded.join('; ') : translateReason(t, err.message);
      }
    }
  }
  return t('errors.unexpected');
}
