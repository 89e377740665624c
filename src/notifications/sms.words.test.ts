import { describe, expect, it } from 'vitest';
import { departmentLabel, LANGS } from '../convergence/domain/labels';
import { SMS_WORDS } from '../i18n/sms-words';
import type { OutboxMessage } from './senders';
import { dltTemplateText, smsConfigFromUrl, smsSegments, smsText, SMS_KINDS, templateId, type SmsKind } from './sms';

/**
 * Issue #17: an SMS is worded in the recipient's language from the app's catalogue (sms.*),
 * Hindi and Marathi go as UCS-2 with the right number of parts, and every kind and language is
 * its own DLT template (TRAI TCCCPR 2018) with its own template id.
 */
const LINK = 'https://samanvay.example.gov.in';
/** A short link's code (short-link.ts): the only variable of the link. */
const CODE = 'k7m2p9x4qa';
const ACTION = '1f2e3d4c-aaaa-bbbb-cccc-000000000000';
const payloadFor = (kind: SmsKind, lang: string): Pick<OutboxMessage, 'kind' | 'payload'> =>
  kind === 'note'
    ? { kind: 'convergence.note', payload: { meetingId: '5a6b7c8d-0000-0000-0000-000000000000', department: 'HEALTH', actions: 3, lang } }
    : kind === 'other'
      ? { kind: 'helpline.overdue', payload: { lang } }
      : { kind: `convergence.reminder.${kind}`, payload: { actionId: ACTION, department: 'HEALTH', dueDate: '2026-12-10', lang } };

describe('SMS wording (issue #17)', () => {
  it.each(LANGS.flatMap((lang) => SMS_KINDS.map((kind) => [lang, kind] as const)))(
    '%s %s: the catalogue text in the recipient language, the department in it, counted in the right encoding',
    (lang, kind) => {
      const sms = smsText(payloadFor(kind, lang), LINK, CODE);
      expect(sms).toMatchObject({ lang, kind });
      // The filled text is the registered template with only its variables replaced.
      const pattern = new RegExp(
        `^${dltTemplateText(kind, lang, LINK)
          .split('{#var#}')
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('(.+?)')}$`,
      );
      expect(sms.text).toMatch(pattern);
      if (kind === 'due_soon' || kind === 'overdue' || kind === 'note') expect(sms.text).toContain(departmentLabel(lang, 'HEALTH'));
      if (kind === 'due_soon' || kind === 'overdue') expect(sms.text).toContain('A-1F2E3D4C');
      const seg = smsSegments(sms.text);
      if (lang === 'en') {
        expect(seg.encoding).toBe('gsm7');
        expect(seg.segments).toBe(seg.units <= 160 ? 1 : Math.ceil(seg.units / 153));
      } else {
        expect(sms.text).toMatch(/[\u0900-\u097F]/);
        expect(seg).toEqual({
          encoding: 'ucs2',
          units: sms.text.length,
          segments: sms.text.length <= 70 ? 1 : Math.ceil(sms.text.length / 67),
        });
        // A reminder in Devanagari stays within three parts (each part is charged).
        expect(seg.segments).toBeLessThanOrEqual(3);
      }
    },
  );

  it('exact parts of the reminders as sent: GSM-7 160/153, UCS-2 70/67', () => {
    const parts = Object.fromEntries(
      LANGS.map((lang) => [lang, smsSegments(smsText(payloadFor('overdue', lang), LINK, CODE).text)] as const),
    );
    const mr = smsText(payloadFor('overdue', 'mr'), LINK, CODE).text;
    expect(mr).toBe(
      'समन्वय: अभिसरण कार्यवाही A-1F2E3D4C, विभाग: आरोग्य विभाग, मुदत उलटली: 10-12-2026. अद्ययावत करा: https://samanvay.example.gov.in/s/k7m2p9x4qa',
    );
    expect(parts.mr).toEqual({ encoding: 'ucs2', units: mr.length, segments: 3 });
    expect(mr.length).toBeGreaterThan(2 * 67);
    expect(parts.en.encoding).toBe('gsm7');
  });

  it('uses the glossary terms: कार्रवाई (not कार्यवाही/अतिदेय) in Hindi, no Marathi postposition after a placeholder, साइन इन', () => {
    for (const kind of SMS_KINDS) {
      expect(SMS_WORDS.hi[kind]).not.toMatch(/कार्यवाही|अतिदेय|लॉग इन/);
      expect(SMS_WORDS.mr[kind]).not.toMatch(/}} ?(ची|चा|चे|साठी|कडे|ला|ने|च्या)/);
      expect(SMS_WORDS.mr[kind]).not.toMatch(/लॉग इन|आपल्या/);
      // One template per kind and language: no plural forms.
      for (const lang of LANGS) expect(Object.keys(SMS_WORDS[lang]).sort()).toEqual([...SMS_KINDS].sort());
    }
    expect(SMS_WORDS.hi.overdue).toContain('समय-सीमा बीत गई');
    expect(SMS_WORDS.mr.overdue).toContain('मुदत उलटली');
  });

  it('registers {#var#} templates and sends the template id of the kind and the language', () => {
    // The site's address is fixed text of the registered template; the short link's code is the variable.
    expect(dltTemplateText('overdue', 'hi', LINK)).toBe(
      'समन्वय: अभिसरण कार्रवाई {#var#}, विभाग: {#var#}, समय-सीमा बीत गई: {#var#}। अद्यतन करें: https://samanvay.example.gov.in/s/{#var#}',
    );
    let n = 10;
    const ids = SMS_KINDS.flatMap((k) => LANGS.map((l) => `template_${k}_${l}=11070000000000000${n++}`));
    const config = smsConfigFromUrl(`https://gw.test/send?sender=SAMNVY&entity=1101&template=1107&${ids.join('&')}`);
    const seen = new Set<string>();
    for (const kind of SMS_KINDS)
      for (const lang of LANGS) {
        const { kind: k, lang: l } = smsText(payloadFor(kind, lang), LINK, CODE);
        seen.add(templateId(config, k, l));
      }
    expect(seen.size).toBe(SMS_KINDS.length * LANGS.length);
    expect(seen.has('1107')).toBe(false);
  });

  it('an unknown language falls back to English', () => {
    expect(smsText(payloadFor('overdue', 'ta'), LINK, CODE).lang).toBe('en');
  });
});
