import { describe, expect, it } from 'vitest';
import { LANGS } from '../convergence/domain/labels';
import { DEPARTMENT_KINDS } from '../convergence/domain/types';
import { SMS_WORDS } from '../i18n/sms-words';
import type { OutboxMessage } from './senders';
import { dltTemplateText, smsText, SMS_KINDS } from './sms';
import { newShortCode, SHORT_CODE_LENGTH } from './short-link';

/**
 * DLT (TRAI TCCCPR 2018): the value sent in each {#var#} of a registered template may be at most
 * 30 characters, or the operator scrubs the message. Every variable, at its longest: every
 * department in every language, the longest reference and date, a large count, and the link,
 * whose only variable is a short link's code (the site's address and `/s/` are fixed text of the
 * registered template, `dltTemplateText`), whatever the site's address.
 * The values are read back from the text sent, against the template as registered.
 */
const DLT_VAR_MAX = 30;
const LONG_SITE = 'https://samanvay.womenchild.maharashtra.gov.in';

function values(lang: (typeof LANGS)[number], kind: (typeof SMS_KINDS)[number], department: string, code: string): string[] {
  const payload: Pick<OutboxMessage, 'kind' | 'payload'> =
    kind === 'note'
      ? { kind: 'convergence.note', payload: { meetingId: 'ffffffff-ffff-ffff-ffff-ffffffffffff', department, actions: 99999, lang } }
      : kind === 'other'
        ? { kind: 'helpline.overdue', payload: { lang } }
        : {
            kind: `convergence.reminder.${kind}`,
            payload: { actionId: 'ffffffff-ffff-ffff-ffff-ffffffffffff', department, dueDate: '2026-12-31', lang },
          };
  const sms = smsText(payload, LONG_SITE, code);
  const registered = dltTemplateText(kind, lang, LONG_SITE);
  const pattern = new RegExp(
    `^${registered
      .split('{#var#}')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+?)')}$`,
  );
  const m = pattern.exec(sms.text);
  if (!m) throw new Error(`${lang} ${kind}: the text does not follow its registered template`);
  const sent = m.slice(1);
  // Every placeholder of the catalogue text is one variable of the registered template.
  expect(sent).toHaveLength([...SMS_WORDS[lang][kind].matchAll(/{{\w+}}/g)].length);
  expect(Object.values(sms.vars).sort()).toEqual([...sent].sort());
  return sent;
}

describe('SMS DLT variables fit 30 characters', () => {
  it.each(LANGS.flatMap((lang) => SMS_KINDS.map((kind) => [lang, kind] as const)))(
    '%s %s: every variable, the link included',
    (lang, kind) => {
      for (const department of DEPARTMENT_KINDS) {
        const code = newShortCode();
        const sent = values(lang, kind, department, code);
        for (const v of sent) expect(v.length, `"${v}" (${department})`).toBeLessThanOrEqual(DLT_VAR_MAX);
        expect(sent, 'the link goes as its code only').toContain(code);
      }
    },
  );

  it('a short code is 10 random characters of the link alphabet, never repeated', () => {
    const codes = Array.from({ length: 2000 }, () => newShortCode());
    for (const c of codes) expect(c).toMatch(new RegExp(`^[a-z2-9]{${SHORT_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
