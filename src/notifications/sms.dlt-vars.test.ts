import { describe, expect, it } from 'vitest';
import { LANGS } from '../convergence/domain/labels';
import { DEPARTMENT_KINDS } from '../convergence/domain/types';
import { SMS_WORDS } from '../i18n/sms-words';
import type { OutboxMessage } from './senders';
import { smsText, SMS_KINDS } from './sms';

/**
 * DLT (TRAI TCCCPR 2018): the value sent in each {#var#} of a registered template may be at most
 * 30 characters, or the operator scrubs the message. Every variable but the link, at its longest:
 * every department in every language, the longest reference and date, a large count.
 * The link is not checked here: with the site's address it is always over 30 characters (the
 * meeting's link carries a 36-character id), so it has to be registered as a {#url#} variable
 * with the domain whitelisted (src/notifications/NOT-DONE.md).
 */
const DLT_VAR_MAX = 30;
const NAMES = ['ref', 'department', 'due', 'count'] as const;

function values(lang: (typeof LANGS)[number], kind: (typeof SMS_KINDS)[number], department: string): Record<string, string> {
  const template = SMS_WORDS[lang][kind];
  const names = [...template.matchAll(/{{(\w+)}}/g)].map((m) => m[1]!);
  const payload: Pick<OutboxMessage, 'kind' | 'payload'> =
    kind === 'note'
      ? { kind: 'convergence.note', payload: { meetingId: 'ffffffff-ffff-ffff-ffff-ffffffffffff', department, actions: 99999, lang } }
      : kind === 'other'
        ? { kind: 'helpline.overdue', payload: { lang } }
        : {
            kind: `convergence.reminder.${kind}`,
            payload: { actionId: 'ffffffff-ffff-ffff-ffff-ffffffffffff', department, dueDate: '2026-12-31', lang },
          };
  const text = smsText(payload, 'https://x').text;
  const pattern = new RegExp(
    `^${template
      .split(/{{\w+}}/)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+?)')}$`,
  );
  const m = pattern.exec(text);
  if (!m) throw new Error(`${lang} ${kind}: the text does not follow its template`);
  return Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
}

describe('SMS DLT variables fit 30 characters', () => {
  it.each(LANGS.flatMap((lang) => SMS_KINDS.map((kind) => [lang, kind] as const)))('%s %s', (lang, kind) => {
    for (const department of DEPARTMENT_KINDS) {
      const v = values(lang, kind, department);
      for (const name of NAMES)
        if (name in v) expect(v[name]!.length, `${name} = "${v[name]}" (${department})`).toBeLessThanOrEqual(DLT_VAR_MAX);
    }
  });
});
