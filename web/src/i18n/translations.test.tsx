import { describe, expect, it } from 'vitest';
import * as vocabulary from '../../../src/registry/vocabulary';
import { ROLES } from '../../../src/access/roles';
import en from './en.json';
import hi from './hi.json';
import mr from './mr.json';
import { formatterFor } from './format';
import { flatten as flat } from '../test/translations';

const langs = { en: flat(en), hi: flat(hi), mr: flat(mr) };

describe('translations', () => {
  it('Hindi and Marathi have every English string, and nothing else', () => {
    const keys = [...langs.en.keys()].sort();
    expect([...langs.hi.keys()].sort()).toEqual(keys);
    expect([...langs.mr.keys()].sort()).toEqual(keys);
  });

  it('keeps the same placeholders in every language', () => {
    const holes = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join();
    for (const [k, v] of langs.en) {
      expect(holes(langs.hi.get(k)!), `hi ${k}`).toBe(holes(v));
      expect(holes(langs.mr.get(k)!), `mr ${k}`).toBe(holes(v));
    }
  });

  it('every vocabulary value and role has a label in all three languages', () => {
    const lists: [string, readonly string[]][] = [
      ['sex', vocabulary.SEXES],
      ['careStatus', vocabulary.CARE_STATUSES],
      ['caregiverType', vocabulary.CAREGIVER_TYPES],
      ['vulnerabilityFactor', vocabulary.VULNERABILITY_FACTORS],
      ['documentType', vocabulary.DOCUMENT_TYPES],
      ['documentStatus', vocabulary.DOCUMENT_STATUSES],
      ['schoolStatus', vocabulary.SCHOOL_STATUSES],
      ['areaType', vocabulary.AREA_TYPES],
      ['rationCard', vocabulary.RATION_CARDS],
      ['migration', vocabulary.MIGRATION],
      ['casteCategory', vocabulary.CASTE_CATEGORIES],
      ['relationship', vocabulary.RELATIONSHIPS],
      ['deathCause', vocabulary.DEATH_CAUSES],
      ['role', ROLES],
    ];
    for (const [kind, values] of lists)
      for (const v of values)
        for (const [lang, map] of Object.entries(langs)) expect(map.get(`vocab.${kind}.${v}`), `${lang} vocab.${kind}.${v}`).toBeTruthy();
  });

  it('Hindi and Marathi strings are written in Devanagari', () => {
    for (const lang of ['hi', 'mr'] as const) {
      const latinOnly = [...langs[lang]].filter(
        ([, v]) => !/[\u0900-\u097F]/.test(v) && /[a-z]{4,}/i.test(v.replace(/{{\w+}}/g, '')) && !/^(CSV|Excel)/.test(v),
      );
      expect(latinOnly, lang).toEqual([]);
    }
  });
});

describe('Indian number and date format', () => {
  it('groups in lakhs and crores', () => {
    expect(formatterFor('en').number(12345678)).toBe('1,23,45,678');
    expect(formatterFor('en').money(120000)).toBe('₹1,20,000');
    expect(formatterFor('hi').number(150000)).toBe('1,50,000');
  });

  it('writes dates day-month-year, never shifted by the time zone', () => {
    expect(formatterFor('en').date('2016-04-02')).toBe('2 Apr 2016');
    expect(formatterFor('en').date(null)).toBe('—');
  });

  it("Marathi keeps Latin digits, as amounts and the server's reasons do, with Marathi month names", () => {
    const mr = formatterFor('mr');
    expect(mr.number(150000)).toBe('1,50,000');
    expect(mr.money(72000)).toMatch(/^₹\s?72,000(\.00)?$/);
    const d = mr.date('2016-04-02');
    expect(d).toMatch(/2/);
    expect(d).toMatch(/2016/);
    expect(d).not.toMatch(/[\u0966-\u096F]/);
    expect(d).toMatch(/[\u0900-\u097F]/); // the month in Devanagari
  });
});
