import { describe, expect, it } from 'vitest';
import { CATALOGUE, catalogueKeys, catalogueLang, formatDay, formatMoney, formLabel, issueText, translate } from './catalogue';
import { alertText } from '../cases/alert-text';
import { VALIDATION_CODES } from '../cases/domain/refusals';

// Issue #17: every refusal and "not possible now" reason was English; a key missing in Hindi or
// Marathi must fail here, not show English on a Marathi screen.
describe('the shared catalogue', () => {
  const en = catalogueKeys(CATALOGUE.en).sort();

  it.each(['hi', 'mr'] as const)('%s has every key English has, and no other, each in Devanagari', (lang) => {
    expect(catalogueKeys(CATALOGUE[lang]).sort()).toEqual(en);
    for (const key of en) {
      const text = translate(lang, key);
      expect(text, `${lang} ${key}`).toMatch(/[\u0900-\u097F]/);
      expect(text, `${lang} ${key}: Latin digits only`).not.toMatch(/[\u0966-\u096F]/);
    }
  });

  it('has a sentence for every refusal code of the case workflow, in all three languages', () => {
    for (const code of VALIDATION_CODES)
      for (const lang of ['en', 'hi', 'mr'] as const)
        expect(translate(lang, `refusal.${code}`), `${lang} ${code}`).not.toBe(`refusal.${code}`);
  });

  it('uses the glossary terms: case is प्रकरण (not केस), restoration पुनर्स्थापना/पुनर्स्थापन (not पुनर्वसन), SIR not तपास', () => {
    const all = (lang: 'hi' | 'mr') => en.map((k) => translate(lang, k)).join('\n');
    for (const lang of ['hi', 'mr'] as const) {
      expect(all(lang)).not.toMatch(/केस|पुनर्वसन|तपास/);
    }
    expect(translate('mr', 'refusal.FORM44_REQUIRED')).toContain('पुनर्स्थापन');
    expect(translate('mr', 'refusal.SIR_NOT_ORDERED')).toContain('सामाजिक चौकशी अहवाल');
    expect(translate('hi', 'refusal.SIR_NOT_ORDERED')).toContain('सामाजिक जाँच रिपोर्ट');
  });

  it('never glues a Marathi postposition to a placeholder ("{{dept}} कडे")', () => {
    for (const key of catalogueKeys(CATALOGUE.mr))
      expect(translate('mr', key), key).not.toMatch(/}}\s?(कडे|ला|चा|ची|चे|च्या|ने|मध्ये|साठी|वर|ना|तून|पासून)(\s|$|[.,;])/);
  });

  it('picks plural forms by count (Hindi and Marathi too), and interpolates', () => {
    expect(translate('en', 'validation.tooShort', { count: 1 })).toBe('At least 1 character');
    expect(translate('en', 'validation.tooShort', { count: 12 })).toBe('At least 12 characters');
    expect(translate('mr', 'validation.tooShort', { count: 1 })).toBe('किमान 1 अक्षर');
    expect(translate('mr', 'validation.tooShort', { count: 12 })).toBe('किमान 12 अक्षरे');
    expect(translate('hi', 'validation.tooMany', { count: 0 })).toBe('अधिकतम 0 चीज़ें');
    expect(translate('hi', 'validation.tooMany', { count: 1 })).toBe('अधिकतम 1 चीज़');
  });

  it('falls back to English, then to the key; the reader language comes from Accept-Language', () => {
    expect(translate('mr', 'no.such.key')).toBe('no.such.key');
    expect(catalogueLang('mr-IN,mr;q=0.9,en;q=0.8')).toBe('mr');
    expect(catalogueLang('ta-IN, hi;q=0.5')).toBe('hi');
    expect(catalogueLang('de')).toBe('en');
    expect(catalogueLang(undefined)).toBe('en');
  });

  // Issue #17, "What was seen": raw zod text, internal field names, form44, ₹500,000 in Marathi, clock times.
  it('words a refused field for people: the field named in words, never zod or an internal name', () => {
    expect(issueText('en', 'domains', 'Too small: expected array to have >=1 items')).toBe('Domains: choose at least one');
    expect(issueText('mr', 'items.2.dateOfBirth', 'cannot be in the future')).toBe('जन्मतारीख: भविष्यातील असू शकत नाही');
    expect(issueText('hi', 'note', 'Too small: expected string to have >=1 characters')).toBe('टिप्पणी: आवश्यक');
    expect(issueText('en', 'chairPersonId', 'a meeting needs a chair')).toBe('Chair of the meeting: a meeting needs a chair');
    expect(issueText('en', 'nextVisitPlaceId', 'Invalid input')).toBe('Next visit place: not valid');
  });

  it('shows CWC forms as "Form 44", Indian grouping in every language, and due days without a clock time', () => {
    expect([formLabel('en', 'form44'), formLabel('hi', 'form_25'), formLabel('mr', '44')]).toEqual(['Form 44', 'फ़ॉर्म 25', 'फॉर्म 44']);
    for (const lang of ['en', 'hi', 'mr'] as const) expect(formatMoney(lang, 500000)).toBe('₹5,00,000');
    expect(formatDay('en', new Date('2026-12-05T18:30:00Z'))).toBe('6 Dec 2026'); // midnight IST: the IST day
    expect(formatDay('mr', '2026-12-06')).not.toMatch(/[\u0966-\u096F]|:|AM|PM/i);
  });

  it("words an alert in the reader's language when read, and keeps an old row's English", () => {
    const params = { key: 'alert.overdue', number: 1204, dueKind: 'sir_submission', dueAt: '2026-12-05T18:30:00Z' } as const;
    expect(alertText('en', params, 'x')).toBe(
      'Overdue on case #1204: Social Investigation Report, Form 22 (JJ Act 2015 s.36, 15 days), due 6 Dec 2026.',
    );
    expect(alertText('mr', params, 'x')).toMatch(/^प्रकरण #1204: मुदत उलटली — सामाजिक चौकशी अहवाल, फॉर्म 22/);
    expect(alertText('hi', { key: 'alert.urgentBalPanchayat', category: 'child_marriage', ref: 'abcdef12-0000' }, 'x')).toBe(
      'बाल पंचायत से तत्काल सूचना: जल्द होने वाला बाल विवाह। एक घंटे के भीतर कार्रवाई करें (मुद्दा abcdef12)।',
    );
    expect(alertText('mr', null, 'Overdue on case #1')).toBe('Overdue on case #1');
  });
});
