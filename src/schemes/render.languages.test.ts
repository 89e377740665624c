import { describe, expect, it } from 'vitest';
import { compileRule } from './rule-engine';
import { evaluateScheme } from './eligibility';
import type { Facts } from './facts';
import type { Reason } from './reasons';
import { formatYearsIn, pickReasonLang, renderReason, renderReasons, type ReasonLang } from './render';
import type { Rule } from './rules';
import { validateScheme, type Scheme } from './scheme';

// Every kind of rule leaf, explained by the engine as structured reasons, then rendered
// by the one renderer in English, Hindi and Marathi.

const say = (rule: Rule, facts: Facts, lang: ReasonLang) => renderReasons(compileRule(rule).explain(facts).reasons, lang);
const all = (rule: Rule, facts: Facts) => ({ en: say(rule, facts, 'en'), hi: say(rule, facts, 'hi'), mr: say(rule, facts, 'mr') });

describe('the engine gives structured reasons', () => {
  it('a code with the fact, value, limit and comparison', () => {
    const { reasons } = compileRule({ fact: 'annualIncome', op: 'lte', value: 72000, when: { fact: 'area', eq: 'rural' } }).explain({
      area: 'rural',
      annualIncome: 60000,
    });
    expect(reasons).toEqual<Reason[]>([
      { code: 'limit', fact: 'annualIncome', value: 60000, limit: 72000, comparison: 'under', when: { fact: 'area', values: ['rural'] } },
    ]);
  });
});

describe('range (between)', () => {
  const rule: Rule = { fact: 'age', op: 'between', min: 0, max: 17.99 };
  it('within', () => {
    expect(all(rule, { age: 12 })).toEqual({ en: ['age 12 is within 0–17'], hi: ['आयु 12, 0–17 के भीतर है'], mr: ['वय 12, 0–17 च्या आत आहे'] });
  });
  it('above and below', () => {
    expect(all(rule, { age: 18 })).toEqual({
      en: ['age 18 is above the limit of 17'],
      hi: ['आयु 18, 17 की सीमा से अधिक है'],
      mr: ['वय 18, 17 च्या मर्यादेपेक्षा जास्त आहे'],
    });
    expect(all({ fact: 'motherAge', op: 'between', min: 18, max: 59.99 }, { motherAge: 17 })).toEqual({
      en: ["mother's age 17 is below the minimum of 18"],
      hi: ['माता की आयु 17, न्यूनतम 18 से कम है'],
      mr: ['आईचे वय 17, किमान 18 पेक्षा कमी आहे'],
    });
  });
  it('years and months in each language', () => {
    expect(all({ fact: 'ageOnDec31', op: 'between', min: 5.5, max: 7.4167 }, { ageOnDec31: 7.5 })).toEqual({
      en: ['age on 31 December 7 years 6 months is above the limit of 7 years 5 months'],
      hi: ['31 दिसंबर को आयु 7 वर्ष 6 महीने, 7 वर्ष 5 महीने की सीमा से अधिक है'],
      mr: ['31 डिसेंबर रोजीचे वय 7 वर्षे 6 महिने, 7 वर्षे 5 महिने च्या मर्यादेपेक्षा जास्त आहे'],
    });
    expect(formatYearsIn(1 + 1 / 12, 'hi')).toBe('1 वर्ष 1 महीना');
    expect(formatYearsIn(1 + 1 / 12, 'mr')).toBe('1 वर्षे 1 महिना');
  });
});

describe('income limit (lte, lt, gte) with Indian grouping and Latin digits', () => {
  const rural: Rule = { fact: 'annualIncome', op: 'lte', value: 72000, when: { fact: 'area', eq: 'rural' } };
  it('under, at and over a rural limit', () => {
    expect(all(rural, { area: 'rural', annualIncome: 60000 })).toEqual({
      en: ['income ₹60,000 is under the ₹72,000 rural limit'],
      hi: ['आय ₹60,000, ₹72,000 की ग्रामीण सीमा से कम है'],
      mr: ['उत्पन्न ₹60,000 ₹72,000 च्या ग्रामीण मर्यादेपेक्षा कमी आहे'],
    });
    expect(all(rural, { area: 'rural', annualIncome: 72000 })).toEqual({
      en: ['income ₹72,000 is at the ₹72,000 rural limit'],
      hi: ['आय ₹72,000, ₹72,000 की ग्रामीण सीमा के बराबर है'],
      mr: ['उत्पन्न ₹72,000 ₹72,000 च्या ग्रामीण मर्यादेइतके आहे'],
    });
    expect(all(rural, { area: 'rural', annualIncome: 72001 })).toEqual({
      en: ['income ₹72,001 is over the ₹72,000 rural limit'],
      hi: ['आय ₹72,001, ₹72,000 की ग्रामीण सीमा से अधिक है'],
      mr: ['उत्पन्न ₹72,001 ₹72,000 च्या ग्रामीण मर्यादेपेक्षा जास्त आहे'],
    });
  });
  it('lakh grouping, strict limits and minimums', () => {
    expect(all({ fact: 'annualIncome', op: 'lt', value: 100000 }, { annualIncome: 100000 })).toEqual({
      en: ['income ₹1,00,000 is not under the ₹1,00,000 limit'],
      hi: ['आय ₹1,00,000, ₹1,00,000 की सीमा से कम नहीं है'],
      mr: ['उत्पन्न ₹1,00,000 ₹1,00,000 च्या मर्यादेपेक्षा कमी नाही'],
    });
    expect(all({ fact: 'disabilityPercent', op: 'gte', value: 40 }, { disabilityPercent: 35 })).toEqual({
      en: ['disability 35% is below the 40% minimum'],
      hi: ['दिव्यांगता 35%, 40% की न्यूनतम सीमा से कम है'],
      mr: ['दिव्यांगत्व 35% 40% च्या किमान मर्यादेपेक्षा कमी आहे'],
    });
    // No Devanagari digits, whatever the language.
    for (const s of Object.values(all({ fact: 'annualIncome', op: 'lte', value: 250000 }, { annualIncome: 1234567 })).flat()) {
      expect(s).toContain('₹12,34,567');
      expect(s).not.toMatch(/[०-९]/);
    }
  });
});

describe('enum', () => {
  it('a value that fits, one that does not, and one that must not be', () => {
    expect(all({ fact: 'casteCategory', op: 'in', values: ['SC', 'ST'] }, { casteCategory: 'ST' })).toEqual({
      en: ['caste category: ST'],
      hi: ['जाति वर्ग: अनुसूचित जनजाति (ST)'],
      mr: ['जात प्रवर्ग: अनुसूचित जमाती (ST)'],
    });
    expect(
      all({ fact: 'orphanStatus', op: 'in', values: ['both_parents_dead', 'one_parent_dead'] }, { orphanStatus: 'not_orphan' }),
    ).toEqual({
      en: ['orphan status: not an orphan (needs one of both parents dead, one parent dead)'],
      hi: ['अनाथ स्थिति: अनाथ नहीं (माता-पिता दोनों की मृत्यु, एक अभिभावक की मृत्यु में से एक होना चाहिए)'],
      mr: ['अनाथ स्थिती: अनाथ नाही (आई-वडील दोघांचाही मृत्यू, एका पालकाचा मृत्यू यांपैकी एक असणे आवश्यक)'],
    });
    expect(all({ not: { fact: 'motherStatus', op: 'eq', value: 'dead' } }, { motherStatus: 'dead' })).toEqual({
      en: ['mother: deceased (must not be deceased)'],
      hi: ['माता: मृत (मृत नहीं होना चाहिए)'],
      mr: ['आई: मृत (मृत नसावे)'],
    });
  });
});

describe('boolean', () => {
  it('yes and no sentences', () => {
    expect(all({ fact: 'bpl', op: 'isTrue' }, { bpl: true })).toEqual({
      en: ['the family is below the poverty line (BPL)'],
      hi: ['परिवार गरीबी रेखा से नीचे (बीपीएल) है'],
      mr: ['कुटुंब दारिद्र्यरेषेखाली (बीपीएल) आहे'],
    });
    expect(all({ fact: 'cwcRecommendation', op: 'isTrue' }, { cwcRecommendation: false })).toEqual({
      en: ['no Child Welfare Committee recommendation/order is on file'],
      hi: ['बाल कल्याण समिति की कोई सिफ़ारिश/आदेश फ़ाइल में नहीं है'],
      mr: ['बाल कल्याण समितीची शिफारस/आदेश फाइलमध्ये नाही'],
    });
  });
});

describe('date window (within)', () => {
  const pmCares: Rule = { fact: 'fatherDeathDate', op: 'within', from: '2020-03-11', to: '2022-02-28' };
  it('inside, before and after, with the cause beside the date', () => {
    expect(all(pmCares, { fatherDeathDate: '2021-05-02', fatherDeathCause: 'covid19' })).toEqual({
      en: ["father's death recorded (2021-05-02, COVID-19) is inside 11 Mar 2020 – 28 Feb 2022"],
      hi: ['पिता की मृत्यु दर्ज (2 मई 2021, COVID-19), 11 मार्च 2020 – 28 फ़रवरी 2022 की अवधि के भीतर है'],
      mr: ['वडिलांच्या मृत्यूची नोंद (2 मे 2021, COVID-19), 11 मार्च 2020 – 28 फेब्रुवारी 2022 या कालावधीत आहे'],
    });
    expect(all(pmCares, { fatherDeathDate: '2020-03-10', fatherDeathCause: 'illness' })).toEqual({
      en: ["father's death recorded (2020-03-10, illness) is outside 11 Mar 2020 – 28 Feb 2022 (before it)"],
      hi: ['पिता की मृत्यु दर्ज (10 मार्च 2020, बीमारी), 11 मार्च 2020 – 28 फ़रवरी 2022 की अवधि से बाहर है (उससे पहले)'],
      mr: ['वडिलांच्या मृत्यूची नोंद (10 मार्च 2020, आजार), 11 मार्च 2020 – 28 फेब्रुवारी 2022 या कालावधीबाहेर आहे (त्यापूर्वी)'],
    });
    expect(say(pmCares, { fatherDeathDate: '2022-03-01' }, 'mr')).toEqual([
      'वडिलांच्या मृत्यूची नोंद (1 मार्च 2022), 11 मार्च 2020 – 28 फेब्रुवारी 2022 या कालावधीबाहेर आहे (त्यानंतर)',
    ]);
  });
});

describe('missing facts', () => {
  const made = validateScheme({
    id: 'test-scheme',
    name: { en: 'Test scheme', hi: 'परीक्षण योजना', mr: 'चाचणी योजना' },
    department: 'Test',
    level: 'state',
    state: 27,
    stateName: 'Maharashtra',
    subject: 'child',
    channel: { mode: 'offline', where: 'DCPU' },
    sources: [{ title: 'test', date: '2020-01-01' }],
    versions: [
      {
        validFrom: '2020-01-01',
        validTo: null,
        benefit: { kind: 'cash', amount: 100, period: 'monthly' },
        rules: {
          all: [
            { fact: 'annualIncome', op: 'lte', value: 72000, when: { fact: 'area', eq: 'rural' } },
            { fact: 'guardianDeathCause', op: 'eq', value: 'covid19', ifMissing: true },
          ],
        },
        documents: [],
      },
    ],
  });
  if (!made.ok) throw new Error(made.errors.join('\n'));
  const scheme: Scheme = made.value;

  it('a maybe names the facts that would decide it', () => {
    const r = evaluateScheme(scheme, { stateCode: 27, annualIncome: 80000 }, '2024-01-01');
    expect(r.status).toBe('maybe');
    expect(r.reasons.at(-1)).toEqual({ code: 'missing_facts', facts: ['area'] });
    expect(renderReasons(r.reasons, 'en')).toEqual([
      'lives in Maharashtra (state LGD 27)',
      'income ₹80,000 is over the ₹72,000 rural limit',
      "nothing recorded for legal guardian or adoptive parent's cause of death",
      'not recorded yet, would decide it: area',
    ]);
    expect(renderReasons(r.reasons, 'hi')).toEqual([
      'महाराष्ट्र (राज्य LGD 27) में रहते हैं',
      'आय ₹80,000, ₹72,000 की ग्रामीण सीमा से अधिक है',
      'कानूनी अभिभावक या दत्तक माता-पिता की मृत्यु का कारण के लिए कुछ दर्ज नहीं है',
      'अभी दर्ज नहीं है, इससे निर्णय होगा: क्षेत्र',
    ]);
    expect(renderReasons(r.reasons, 'mr')).toEqual([
      'महाराष्ट्र (राज्य LGD 27) मध्ये राहतात',
      'उत्पन्न ₹80,000 ₹72,000 च्या ग्रामीण मर्यादेपेक्षा जास्त आहे',
      'कायदेशीर पालक किंवा दत्तक पालकांच्या मृत्यूचे कारण साठी काहीही नोंदलेले नाही',
      'अद्याप नोंदलेले नाही, यावरून ठरेल: क्षेत्र',
    ]);
  });

  it('a fact only written down when something happened', () => {
    const reasons = compileRule({ fact: 'guardianDeathCause', op: 'eq', value: 'covid19', ifMissing: false }).explain({}).reasons;
    expect(reasons).toEqual([{ code: 'not_recorded', fact: 'guardianDeathCause' }]);
    expect(['en', 'hi', 'mr'].map((l) => renderReason(reasons[0], l as ReasonLang))).toEqual([
      "nothing recorded for legal guardian or adoptive parent's cause of death",
      'कानूनी अभिभावक या दत्तक माता-पिता की मृत्यु का कारण के लिए कुछ दर्ज नहीं है',
      'कायदेशीर पालक किंवा दत्तक पालकांच्या मृत्यूचे कारण साठी काहीही नोंदलेले नाही',
    ]);
  });

  it('another state and a version not in force', () => {
    expect(renderReasons(evaluateScheme(scheme, { stateCode: 29 }, '2024-01-01').reasons, 'mr')).toEqual([
      'ही योजना फक्त महाराष्ट्र (राज्य LGD 27) मध्ये लागू आहे; हे कुटुंब राज्य LGD 29 मध्ये आहे',
    ]);
    expect(renderReasons(evaluateScheme(scheme, {}, '2019-01-01').reasons, 'hi')).toEqual([
      'परीक्षण योजना के नियम 2019-01-01 को लागू नहीं थे (लागू: 2020-01-01 – अब तक)',
    ]);
  });
});

describe('choosing the language', () => {
  it('query, then Accept-Language by q, then the user, then English', () => {
    expect(pickReasonLang('mr', 'hi', 'en')).toBe('mr');
    expect(pickReasonLang(undefined, 'fr, hi;q=0.8, mr;q=0.9', 'en')).toBe('mr');
    expect(pickReasonLang(undefined, 'mr-IN', 'en')).toBe('mr');
    expect(pickReasonLang(undefined, 'fr', 'hi')).toBe('hi');
    expect(pickReasonLang(undefined, undefined, 'ta')).toBe('en');
  });
});
