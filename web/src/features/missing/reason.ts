import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { translateReason } from '../../forms/errors';

// Its own file so the public report form does not pull in the officers' tables and tooltips
// (shared.tsx) on a village connection (issue #17).

/** This module's own reasons (src/missing/missing.model.ts and the services), by their English text. */
const REASONS: [RegExp, string][] = [
  [/^give the child's name/, 'nameNeeded'],
  [/^must be a phone number/, 'phone'],
  [/^give whole or half years/, 'halfYears'],
  [/^must be 17\.9 or under/, 'ageMissing'],
  [/^must be 21 or under/, 'ageFound'],
  [/^is more than \d+ years ago/, 'tooOld'],
  [/^must be an email address/, 'email'],
  [/^no LGD district/, 'unknownDistrict'],
  [/^over today's photo allowance/, 'photoQuota'],
];

/** A refusal in the user's language: the frame's shared reasons first, then this module's. */
export function missingReason(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const shared = translateReason(t, message);
  if (shared !== message) return shared;
  const mine = REASONS.find(([re]) => re.test(message));
  return mine ? t(`missing.reasons.${mine[1]}`) : message;
}

export function useMissingReason() {
  const { t } = useTranslation();
  return useCallback((message: string | undefined) => missingReason(t, message), [t]);
}
