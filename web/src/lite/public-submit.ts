import type { TFunction } from 'i18next';
import type { RecordKind } from '../../../src/missing/domain/vocabulary';
import { ApiError } from '../api/client';
import { describeError, issuesToErrors, splitServerIssues } from '../forms/errors';
import '../forms/zodMessages';
import { CHALLENGE_RETRY, PHOTO_ACCEPT, PHOTO_MAX_BYTES, submitPublic } from '../features/missing/api';
import { solvedChallenge } from '../features/missing/pow';
import { missingReason } from '../features/missing/reason';
import { fieldsOf, payloadOf, type Values } from '../features/missing/report-fields';
import { schemaOf } from '../features/missing/report-schema';
import { todayIst } from '../app/clock';

/**
 * What the public form does on "Send" (loaded when the form is drawn, not before it: zod, the
 * schemas and the proof of work are not needed to show the form, issue #17). The same checks and
 * words as the officials' form (features/missing/ChildReportForm.tsx): the server's zod schema,
 * a photo's type and size, no day in the future; then a solved challenge per post (pow.ts; one that
 * expired or was used is asked for again once) and the post; a 400 lands on the fields it names.
 */
export type Outcome =
  { reference: string } | { errors: Record<string, string>; general: string[]; limited?: 'rate_limited' | 'daily_limit_reached' };

export async function checkAndSend(
  t: TFunction,
  kind: RecordKind,
  values: Values,
  photo: File | null,
  onChecking: (on: boolean) => void,
): Promise<Outcome> {
  const fields = fieldsOf(kind, false);
  const payload = payloadOf(values, fields);
  const errors: Record<string, string> = {};
  if (photo && !PHOTO_ACCEPT.includes(photo.type)) errors.photo = t('missing.photo.wrongType');
  else if (photo && photo.size > PHOTO_MAX_BYTES) errors.photo = t('missing.photo.tooLarge');
  const dayField = kind === 'missing' ? 'lastSeenOn' : 'foundOn';
  const day = payload[dayField] as string | undefined;
  if (day && day > todayIst()) errors[dayField] = 'cannot be in the future';
  const parsed = schemaOf(kind, false).safeParse(payload);
  if (!parsed.success) Object.assign(errors, issuesToErrors(parsed.error.issues));
  const translate = (e: Record<string, string>) =>
    Object.fromEntries(Object.entries(e).map(([k, m]) => [k, missingReason(t, m) ?? m])) as Record<string, string>;
  if (Object.keys(errors).length) {
    const shown = translate(errors);
    const stray = Object.entries(shown).filter(([k]) => k !== 'photo' && !fields.includes(k));
    return { errors: shown, general: stray.map(([k, m]) => `${k}: ${m}`) };
  }
  try {
    for (let attempt = 0; ; attempt++) {
      onChecking(true);
      let pow;
      try {
        pow = await solvedChallenge();
      } finally {
        onChecking(false);
      }
      try {
        const r = await submitPublic(kind, payload, photo, pow);
        return { reference: r.reference };
      } catch (err) {
        if (attempt === 0 && err instanceof ApiError && CHALLENGE_RETRY.has(err.code)) continue;
        throw err;
      }
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 429)
      return { errors: {}, general: [], limited: err.code === 'daily_limit_reached' ? 'daily_limit_reached' : 'rate_limited' };
    if (err instanceof ApiError && err.status === 400) {
      const split = splitServerIssues(err, [...fields, 'photo']);
      return { errors: translate(split.fields as Record<string, string>), general: split.other };
    }
    return { errors: {}, general: [describeError(t, err)] };
  }
}
