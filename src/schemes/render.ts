// The one renderer of eligibility reasons: a structured `Reason` (reasons.ts)
// becomes a sentence in English, Hindi or Marathi. Fact labels, enum value
// labels, the yes/no sentences, months and years are translated here; numbers
// keep Indian grouping with Latin digits in every language (₹1,00,000), as on
// government forms in Maharashtra. English reproduces the engine's original
// wording exactly.

import { FACTS, type FactName } from './facts';
import { formatIndianNumber, formatInr, parseIsoDate } from './format';
import type { Comparison, Reason, ReasonContext, ReasonWhen } from './reasons';
import type { Scalar } from './rules';

export const REASON_LANGS = ['en', 'hi', 'mr'] as const;
export type ReasonLang = (typeof REASON_LANGS)[number];

export function isReasonLang(x: unknown): x is ReasonLang {
  return x === 'en' || x === 'hi' || x === 'mr';
}

type Tr = { hi: string; mr: string };

/** Hindi and Marathi fact labels (English is FACTS[fact].label). */
const LABELS: { readonly [K in FactName]-?: Tr } = {
  age: { hi: 'आयु', mr: 'वय' },
  dob: { hi: 'जन्म तिथि', mr: 'जन्मतारीख' },
  assessmentDate: { hi: 'आयु दर्ज करने की तिथि', mr: 'वय नोंदवल्याची तारीख' },
  sex: { hi: 'लिंग', mr: 'लिंग' },
  orphanStatus: { hi: 'अनाथ स्थिति', mr: 'अनाथ स्थिती' },
  fatherStatus: { hi: 'पिता', mr: 'वडील' },
  motherStatus: { hi: 'माता', mr: 'आई' },
  fatherDeathDate: { hi: 'पिता की मृत्यु दर्ज', mr: 'वडिलांच्या मृत्यूची नोंद' },
  fatherDeathCause: { hi: 'पिता की मृत्यु का कारण', mr: 'वडिलांच्या मृत्यूचे कारण' },
  motherDeathDate: { hi: 'माता की मृत्यु दर्ज', mr: 'आईच्या मृत्यूची नोंद' },
  motherDeathCause: { hi: 'माता की मृत्यु का कारण', mr: 'आईच्या मृत्यूचे कारण' },
  guardianDeathDate: { hi: 'कानूनी अभिभावक या दत्तक माता-पिता की मृत्यु दर्ज', mr: 'कायदेशीर पालक किंवा दत्तक पालकांच्या मृत्यूची नोंद' },
  guardianDeathCause: { hi: 'कानूनी अभिभावक या दत्तक माता-पिता की मृत्यु का कारण', mr: 'कायदेशीर पालक किंवा दत्तक पालकांच्या मृत्यूचे कारण' },
  singleParent: { hi: 'एकल अभिभावक परिवार', mr: 'एकल पालक कुटुंब' },
  disability: { hi: 'दिव्यांगता', mr: 'दिव्यांगत्व' },
  disabilityPercent: { hi: 'दिव्यांगता', mr: 'दिव्यांगत्व' },
  careStatus: { hi: 'देखभाल की स्थिति', mr: 'काळजीची स्थिती' },
  enrolledInSchool: { hi: 'स्कूल में नामांकन', mr: 'शाळेतील प्रवेश' },
  schoolClass: { hi: 'कक्षा', mr: 'इयत्ता' },
  schoolManagement: { hi: 'स्कूल का प्रकार', mr: 'शाळेचा प्रकार' },
  cwcRecommendation: { hi: 'बाल कल्याण समिति की सिफ़ारिश', mr: 'बाल कल्याण समितीची शिफारस' },
  aftercareExtensionApproved: { hi: 'पश्चात्वर्ती देखरेख का विस्तार', mr: 'संस्थोत्तर काळजीची मुदतवाढ' },
  childLabour: { hi: 'बाल श्रम', mr: 'बालमजुरी' },
  childMarriage: { hi: 'बाल विवाह', mr: 'बालविवाह' },
  trafficked: { hi: 'तस्करी', mr: 'तस्करी' },
  hivAffected: { hi: 'एचआईवी/एड्स', mr: 'एचआयव्ही/एड्स' },
  missingOrRunaway: { hi: 'लापता या घर से भागा', mr: 'हरवलेले किंवा घरातून पळालेले' },
  pmCaresChild: { hi: 'पीएम केयर्स फॉर चिल्ड्रन', mr: 'पीएम केअर्स फॉर चिल्ड्रन' },
  parentUncleanOccupation: { hi: 'माता-पिता का व्यवसाय', mr: 'पालकांचा व्यवसाय' },
  annualIncome: { hi: 'आय', mr: 'उत्पन्न' },
  area: { hi: 'क्षेत्र', mr: 'क्षेत्र' },
  bpl: { hi: 'बीपीएल स्थिति', mr: 'दारिद्र्यरेषेखालील स्थिती' },
  rationCardType: { hi: 'राशन कार्ड', mr: 'शिधापत्रिका' },
  seccListed: { hi: 'SECC 2011 सूची', mr: 'SECC 2011 यादी' },
  casteCategory: { hi: 'जाति वर्ग', mr: 'जात प्रवर्ग' },
  stateCode: { hi: 'राज्य (LGD कोड)', mr: 'राज्य (LGD कोड)' },
  districtCode: { hi: 'ज़िला (LGD कोड)', mr: 'जिल्हा (LGD कोड)' },
  motherAge: { hi: 'माता की आयु', mr: 'आईचे वय' },
  widowedMotherAge: { hi: 'विधवा माता की आयु', mr: 'विधवा आईचे वय' },
  breadwinnerAgeAtDeath: { hi: 'मृत कमाने वाले सदस्य की मृत्यु के समय आयु', mr: 'मृत कमावत्या व्यक्तीचे मृत्यूसमयीचे वय' },
  breadwinnerDeathDate: { hi: 'कमाने वाले सदस्य की मृत्यु दर्ज', mr: 'कमावत्या व्यक्तीच्या मृत्यूची नोंद' },
  ageAtFatherDeath: { hi: 'पिता की मृत्यु के समय आयु', mr: 'वडिलांच्या मृत्यूसमयीचे वय' },
  ageAtMotherDeath: { hi: 'माता की मृत्यु के समय आयु', mr: 'आईच्या मृत्यूसमयीचे वय' },
  ageAtGuardianDeath: { hi: 'अभिभावक की मृत्यु के समय आयु', mr: 'पालकांच्या मृत्यूसमयीचे वय' },
  ageOnDec31: { hi: '31 दिसंबर को आयु', mr: '31 डिसेंबर रोजीचे वय' },
  lastParentDeathCause: { hi: 'बाद में मृत अभिभावक की मृत्यु का कारण', mr: 'नंतर मृत्यू झालेल्या पालकाच्या मृत्यूचे कारण' },
};

/** Yes/no sentences of the boolean facts in Hindi and Marathi. */
const YES_NO: Partial<Record<FactName, { hi: [string, string]; mr: [string, string] }>> = {
  singleParent: {
    hi: ['बच्चा एकल अभिभावक के साथ रहता है', 'बच्चा एकल अभिभावक के साथ नहीं रहता'],
    mr: ['मूल एकल पालकासोबत राहते', 'मूल एकल पालकासोबत राहत नाही'],
  },
  disability: {
    hi: ['बच्चे को दिव्यांगता है', 'बच्चे की कोई दिव्यांगता दर्ज नहीं है'],
    mr: ['मुलाला दिव्यांगत्व आहे', 'मुलाचे कोणतेही दिव्यांगत्व नोंदलेले नाही'],
  },
  enrolledInSchool: {
    hi: ['बच्चे का स्कूल में नामांकन है', 'बच्चे का स्कूल में नामांकन नहीं है'],
    mr: ['मुलाचा शाळेत प्रवेश आहे', 'मुलाचा शाळेत प्रवेश नाही'],
  },
  cwcRecommendation: {
    hi: ['बाल कल्याण समिति की सिफ़ारिश/आदेश फ़ाइल में है', 'बाल कल्याण समिति की कोई सिफ़ारिश/आदेश फ़ाइल में नहीं है'],
    mr: ['बाल कल्याण समितीची शिफारस/आदेश फाइलमध्ये आहे', 'बाल कल्याण समितीची शिफारस/आदेश फाइलमध्ये नाही'],
  },
  aftercareExtensionApproved: {
    hi: ['पश्चात्वर्ती देखरेख 21 वर्ष के बाद तक बढ़ाई गई है', 'पश्चात्वर्ती देखरेख 21 वर्ष के बाद तक नहीं बढ़ाई गई है'],
    mr: ['संस्थोत्तर काळजी वयाच्या 21 वर्षांनंतरही वाढवली आहे', 'संस्थोत्तर काळजी वयाच्या 21 वर्षांनंतर वाढवलेली नाही'],
  },
  childLabour: {
    hi: ['बच्चा बाल श्रम से छुड़ाया गया है या बाल श्रम में है', 'कोई बाल श्रम दर्ज नहीं है'],
    mr: ['मूल बालमजुरीतून सोडवले आहे किंवा बालमजुरीत आहे', 'बालमजुरीची नोंद नाही'],
  },
  childMarriage: {
    hi: ['बच्चा बाल विवाह से पीड़ित है', 'कोई बाल विवाह दर्ज नहीं है'],
    mr: ['मूल बालविवाहाचे पीडित आहे', 'बालविवाहाची नोंद नाही'],
  },
  trafficked: {
    hi: ['बच्चा तस्करी का शिकार है', 'कोई तस्करी दर्ज नहीं है'],
    mr: ['मूल तस्करीचे बळी आहे', 'तस्करीची नोंद नाही'],
  },
  hivAffected: {
    hi: ['बच्चा एचआईवी/एड्स से प्रभावित है', 'बच्चा एचआईवी/एड्स से प्रभावित दर्ज नहीं है'],
    mr: ['मूल एचआयव्ही/एड्सने बाधित आहे', 'मूल एचआयव्ही/एड्सने बाधित असल्याची नोंद नाही'],
  },
  missingOrRunaway: {
    hi: ['बच्चा लापता हुआ या घर से भाग गया', 'बच्चा लापता या भागा हुआ दर्ज नहीं है'],
    mr: ['मूल हरवले किंवा घरातून पळून गेले', 'मूल हरवलेले किंवा पळालेले असल्याची नोंद नाही'],
  },
  pmCaresChild: {
    hi: ['बच्चा पीएम केयर्स फॉर चिल्ड्रन में पंजीकृत है', 'बच्चा पीएम केयर्स फॉर चिल्ड्रन में पंजीकृत नहीं है'],
    mr: ['मूल पीएम केअर्स फॉर चिल्ड्रनमध्ये नोंदलेले आहे', 'मूल पीएम केअर्स फॉर चिल्ड्रनमध्ये नोंदलेले नाही'],
  },
  parentUncleanOccupation: {
    hi: ['माता या पिता अस्वच्छ या खतरनाक व्यवसाय में हैं', 'माता-पिता का अस्वच्छ या खतरनाक व्यवसाय दर्ज नहीं है'],
    mr: ['आई किंवा वडील अस्वच्छ किंवा धोकादायक व्यवसायात आहेत', 'पालकांचा अस्वच्छ किंवा धोकादायक व्यवसाय नोंदलेला नाही'],
  },
  bpl: {
    hi: ['परिवार गरीबी रेखा से नीचे (बीपीएल) है', 'परिवार गरीबी रेखा से नीचे (बीपीएल) नहीं है'],
    mr: ['कुटुंब दारिद्र्यरेषेखाली (बीपीएल) आहे', 'कुटुंब दारिद्र्यरेषेखाली (बीपीएल) नाही'],
  },
  seccListed: {
    hi: ['परिवार SECC 2011 के अभाव मानदंडों को पूरा करता है', 'परिवार SECC 2011 की अभाव सूची में नहीं है'],
    mr: ['कुटुंब SECC 2011 च्या वंचिततेच्या निकषांत बसते', 'कुटुंब SECC 2011 च्या वंचितता यादीत नाही'],
  },
};

const PARENT: Record<string, Tr> = {
  alive: { hi: 'जीवित', mr: 'हयात' },
  dead: { hi: 'मृत', mr: 'मृत' },
  imprisoned: { hi: 'जेल में', mr: 'तुरुंगात' },
  seriously_ill: { hi: 'गंभीर रूप से बीमार', mr: 'गंभीर आजारी' },
  disabled: { hi: 'दिव्यांग', mr: 'दिव्यांग' },
  divorced_separated: { hi: 'तलाकशुदा या अलग', mr: 'घटस्फोटित किंवा विभक्त' },
  deserted: { hi: 'परिवार छोड़कर चले गए', mr: 'कुटुंब सोडून गेले' },
};
const CAUSE: Record<string, Tr> = {
  covid19: { hi: 'COVID-19', mr: 'COVID-19' },
  illness: { hi: 'बीमारी', mr: 'आजार' },
  accident: { hi: 'दुर्घटना', mr: 'अपघात' },
  suicide: { hi: 'आत्महत्या', mr: 'आत्महत्या' },
  violence: { hi: 'हिंसा', mr: 'हिंसा' },
  other: { hi: 'अन्य कारण', mr: 'इतर कारण' },
};

/** Hindi and Marathi labels of enum values (English is FACTS[fact].valueLabels or the value). */
const VALUES: Partial<Record<FactName, Record<string, Tr>>> = {
  sex: { female: { hi: 'स्त्री', mr: 'स्त्री' }, male: { hi: 'पुरुष', mr: 'पुरुष' }, transgender: { hi: 'ट्रांसजेंडर', mr: 'तृतीयपंथी' } },
  orphanStatus: {
    both_parents_dead: { hi: 'माता-पिता दोनों की मृत्यु', mr: 'आई-वडील दोघांचाही मृत्यू' },
    one_parent_dead: { hi: 'एक अभिभावक की मृत्यु', mr: 'एका पालकाचा मृत्यू' },
    abandoned: { hi: 'परित्यक्त', mr: 'परित्यक्त' },
    not_orphan: { hi: 'अनाथ नहीं', mr: 'अनाथ नाही' },
  },
  fatherStatus: PARENT,
  motherStatus: PARENT,
  fatherDeathCause: CAUSE,
  motherDeathCause: CAUSE,
  guardianDeathCause: CAUSE,
  lastParentDeathCause: CAUSE,
  careStatus: {
    birth_family: { hi: 'जन्म परिवार के साथ', mr: 'जन्मदात्या कुटुंबासोबत' },
    kinship: { hi: 'रिश्तेदारों के पास देखभाल', mr: 'नातेवाईकांकडे संगोपन' },
    foster: { hi: 'पोषण देखभाल (फ़ॉस्टर)', mr: 'प्रतिपालकत्व (फॉस्टर)' },
    cci: { hi: 'बाल देखरेख संस्था में', mr: 'बाल काळजी संस्थेत' },
    aftercare: { hi: 'पश्चात्वर्ती देखरेख', mr: 'संस्थोत्तर काळजी' },
    adopted: { hi: 'दत्तक', mr: 'दत्तक' },
    missing: { hi: 'लापता', mr: 'हरवलेले' },
    street_connected: { hi: 'सड़क पर रहने वाला', mr: 'रस्त्यावर राहणारे' },
  },
  schoolManagement: {
    government: { hi: 'सरकारी स्कूल', mr: 'सरकारी शाळा' },
    aided: { hi: 'सहायता प्राप्त स्कूल', mr: 'अनुदानित शाळा' },
    private_unaided: { hi: 'निजी गैर-सहायता प्राप्त स्कूल', mr: 'खाजगी विनाअनुदानित शाळा' },
  },
  area: { rural: { hi: 'ग्रामीण', mr: 'ग्रामीण' }, urban: { hi: 'शहरी', mr: 'शहरी' } },
  rationCardType: {
    AAY: { hi: 'अंत्योदय (AAY)', mr: 'अंत्योदय (AAY)' },
    PHH: { hi: 'प्राथमिकता परिवार (PHH)', mr: 'प्राधान्य कुटुंब (PHH)' },
    NPHH: { hi: 'गैर-प्राथमिकता', mr: 'बिगर-प्राधान्य' },
    none: { hi: 'कोई नहीं', mr: 'नाही' },
  },
  casteCategory: {
    SC: { hi: 'अनुसूचित जाति (SC)', mr: 'अनुसूचित जाती (SC)' },
    ST: { hi: 'अनुसूचित जनजाति (ST)', mr: 'अनुसूचित जमाती (ST)' },
    OBC: { hi: 'अन्य पिछड़ा वर्ग (OBC)', mr: 'इतर मागास वर्ग (OBC)' },
    VJNT: { hi: 'विमुक्त जाति (VJNT)', mr: 'विमुक्त जाती (VJNT)' },
    NT: { hi: 'घुमंतू जनजाति (NT)', mr: 'भटक्या जमाती (NT)' },
    SBC: { hi: 'विशेष पिछड़ा वर्ग (SBC)', mr: 'विशेष मागास प्रवर्ग (SBC)' },
    General: { hi: 'सामान्य', mr: 'खुला' },
  },
};

const STATE_NAMES: Record<number, Tr> = { 27: { hi: 'महाराष्ट्र', mr: 'महाराष्ट्र' } };

const MONTHS: Record<ReasonLang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  hi: ['जनवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्तूबर', 'नवंबर', 'दिसंबर'],
  mr: ['जानेवारी', 'फेब्रुवारी', 'मार्च', 'एप्रिल', 'मे', 'जून', 'जुलै', 'ऑगस्ट', 'सप्टेंबर', 'ऑक्टोबर', 'नोव्हेंबर', 'डिसेंबर'],
};

// ------------------------------------------------------------------ words

/** A fact's label in the language: "income", "आय", "उत्पन्न". */
export function factLabelIn(fact: FactName, lang: ReasonLang): string {
  return lang === 'en' ? FACTS[fact].label : LABELS[fact][lang];
}

/** An enum value's label in the language; yes/no for booleans; anything else as written. */
export function valueLabelIn(fact: FactName, value: unknown, lang: ReasonLang): string {
  const def = FACTS[fact];
  if (def.kind === 'boolean')
    return lang === 'en' ? (value ? 'yes' : 'no') : lang === 'hi' ? (value ? 'हाँ' : 'नहीं') : value ? 'होय' : 'नाही';
  if (def.kind === 'enum' && typeof value === 'string') {
    if (lang === 'en') return def.valueLabels?.[value] ?? value;
    return VALUES[fact]?.[value]?.[lang] ?? value;
  }
  return String(value);
}

/** "2020-03-11" → "11 Mar 2020" / "11 मार्च 2020"; unparsable dates as given. */
export function formatDateIn(iso: string, lang: ReasonLang): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  return `${p.d} ${MONTHS[lang][p.m - 1]} ${p.y}`;
}

/** Ages and year limits: "17"; 7.4167 → "7 years 5 months" / "7 वर्ष 5 महीने" / "7 वर्षे 5 महिने". */
export function formatYearsIn(n: number, lang: ReasonLang): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  if (n - Math.floor(n) >= 0.95) return String(Math.floor(n)); // "under 18" written as 17.99
  const totalMonths = Math.floor(n * 12 + 1e-9);
  const y = Math.floor(totalMonths / 12);
  const m = totalMonths % 12;
  if (m === 0) return String(y);
  if (lang === 'hi') return `${y} वर्ष ${m} ${m === 1 ? 'महीना' : 'महीने'}`;
  if (lang === 'mr') return `${y} वर्षे ${m} ${m === 1 ? 'महिना' : 'महिने'}`;
  return `${y} years ${m} month${m === 1 ? '' : 's'}`;
}

/** A fact's value: ₹ with lakh grouping, years, percent, codes, dates, enum labels. */
export function formatValueIn(fact: FactName, v: unknown, lang: ReasonLang): string {
  const def = FACTS[fact];
  if (def.kind === 'number' && typeof v === 'number') {
    if (def.unit === 'inr') return formatInr(v);
    if (def.unit === 'years') return formatYearsIn(v, lang);
    if (def.unit === 'percent') return `${v}%`;
    if (def.unit === 'code') return String(v);
    return formatIndianNumber(v);
  }
  if (def.kind === 'date' && typeof v === 'string') return lang === 'en' ? v : formatDateIn(v, lang);
  return valueLabelIn(fact, v, lang);
}

function contextWords(c: ReasonContext | undefined, lang: ReasonLang): string {
  return c ? `, ${valueLabelIn(c.fact, c.value, lang)}` : '';
}

/** The fact as a phrase: "income ₹60,000", "father: deceased", a yes/no sentence. */
export function statedFactIn(fact: FactName, value: Scalar, lang: ReasonLang, context?: ReasonContext): string {
  const def = FACTS[fact];
  const label = factLabelIn(fact, lang);
  switch (def.kind) {
    case 'boolean': {
      if (lang === 'en') return (value ? def.yes : def.no) ?? `${label}: ${value ? 'yes' : 'no'}`;
      const s = YES_NO[fact]?.[lang];
      return s ? s[value ? 0 : 1] : `${label}: ${valueLabelIn(fact, value, lang)}`;
    }
    case 'enum':
      return `${label}: ${valueLabelIn(fact, value, lang)}`;
    case 'date':
      return `${label} (${formatValueIn(fact, value, lang)}${contextWords(context, lang)})`;
    default:
      return `${label} ${formatValueIn(fact, value, lang)}`;
  }
}

function list(words: readonly string[], lang: ReasonLang): string {
  return words.join(lang === 'en' ? ', ' : ', ');
}

function oneOf(fact: FactName, vals: readonly Scalar[], lang: ReasonLang): string {
  const words = vals.map((v) => valueLabelIn(fact, v, lang));
  if (words.length === 1) return words[0];
  if (lang === 'hi') return `${list(words, lang)} में से एक`;
  if (lang === 'mr') return `${list(words, lang)} यांपैकी एक`;
  return `one of ${list(words, lang)}`;
}

function whenWords(w: ReasonWhen | undefined, lang: ReasonLang): string {
  return w ? w.values.map((v) => valueLabelIn(w.fact, v, lang)).join('/') : '';
}

function stateWhere(state: number, stateName: string | null, lang: ReasonLang): string {
  if (lang === 'en') return `${stateName ?? 'its state'} (state LGD ${state})`;
  const name = STATE_NAMES[state]?.[lang] ?? stateName ?? (lang === 'hi' ? 'उसका राज्य' : 'त्याचे राज्य');
  return `${name} (राज्य LGD ${state})`;
}

// ------------------------------------------------------------------ templates

type Words = Record<Comparison, string>;

const LIMIT: Record<ReasonLang, Partial<Words>> = {
  en: { under: 'is under', at: 'is at', over: 'is over', not_under: 'is not under' },
  hi: { under: 'से कम है', at: 'के बराबर है', over: 'से अधिक है', not_under: 'से कम नहीं है' },
  mr: { under: 'पेक्षा कमी आहे', at: 'इतके आहे', over: 'पेक्षा जास्त आहे', not_under: 'पेक्षा कमी नाही' },
};
const MINIMUM: Record<ReasonLang, Partial<Words>> = {
  en: { above: 'is above', at: 'is at', below: 'is below', not_above: 'is not above' },
  hi: { above: 'से अधिक है', at: 'के बराबर है', below: 'से कम है', not_above: 'से अधिक नहीं है' },
  mr: { above: 'पेक्षा जास्त आहे', at: 'इतके आहे', below: 'पेक्षा कमी आहे', not_above: 'पेक्षा जास्त नाही' },
};

function limitSentence(r: Extract<Reason, { code: 'limit' | 'minimum' }>, lang: ReasonLang): string {
  const subject = statedFactIn(r.fact, r.value, lang);
  const limit = formatValueIn(r.fact, r.limit, lang);
  const w = whenWords(r.when, lang);
  const rel = (r.code === 'limit' ? LIMIT : MINIMUM)[lang][r.comparison] ?? r.comparison;
  if (lang === 'en') return `${subject} ${rel} the ${limit}${w ? ` ${w}` : ''} ${r.code === 'limit' ? 'limit' : 'minimum'}`;
  if (lang === 'hi') return `${subject}, ${limit} की ${w ? `${w} ` : ''}${r.code === 'limit' ? 'सीमा' : 'न्यूनतम सीमा'} ${rel}`;
  // Marathi: "₹72,000 च्या ग्रामीण मर्यादेपेक्षा कमी आहे"
  const noun = r.code === 'limit' ? 'मर्यादे' : 'किमान मर्यादे';
  const tail = rel.startsWith('पेक्षा') ? `${noun}${rel}` : rel === 'इतके आहे' ? `${noun}इतके आहे` : `${noun} ${rel}`;
  return `${subject} ${limit} च्या ${w ? `${w} ` : ''}${tail}`;
}

function rangeSentence(r: Extract<Reason, { code: 'range' }>, lang: ReasonLang): string {
  const subject = statedFactIn(r.fact, r.value, lang);
  const min = formatValueIn(r.fact, r.min, lang);
  const max = formatValueIn(r.fact, r.max, lang);
  const w = whenWords(r.when, lang);
  if (lang === 'en') {
    const ws = w ? ` ${w}` : '';
    if (r.comparison === 'below') return `${subject} is below the minimum of ${min}${ws}`;
    if (r.comparison === 'above') return `${subject} is above the limit of ${max}${ws}`;
    return `${subject} is within ${min}–${max}${ws}`;
  }
  const ws = w ? ` (${w})` : '';
  if (lang === 'hi') {
    if (r.comparison === 'below') return `${subject}, न्यूनतम ${min} से कम है${ws}`;
    if (r.comparison === 'above') return `${subject}, ${max} की सीमा से अधिक है${ws}`;
    return `${subject}, ${min}–${max} के भीतर है${ws}`;
  }
  if (r.comparison === 'below') return `${subject}, किमान ${min} पेक्षा कमी आहे${ws}`;
  if (r.comparison === 'above') return `${subject}, ${max} च्या मर्यादेपेक्षा जास्त आहे${ws}`;
  return `${subject}, ${min}–${max} च्या आत आहे${ws}`;
}

function windowSentence(r: Extract<Reason, { code: 'date_window' }>, lang: ReasonLang): string {
  const subject = statedFactIn(r.fact, r.value, lang, r.context);
  const range = `${formatDateIn(r.from, lang)} – ${formatDateIn(r.to, lang)}`;
  if (lang === 'en') {
    if (r.comparison === 'before') return `${subject} is outside ${range} (before it)`;
    if (r.comparison === 'after') return `${subject} is outside ${range} (after it)`;
    return `${subject} is inside ${range}`;
  }
  if (lang === 'hi') {
    if (r.comparison === 'before') return `${subject}, ${range} की अवधि से बाहर है (उससे पहले)`;
    if (r.comparison === 'after') return `${subject}, ${range} की अवधि से बाहर है (उसके बाद)`;
    return `${subject}, ${range} की अवधि के भीतर है`;
  }
  if (r.comparison === 'before') return `${subject}, ${range} या कालावधीबाहेर आहे (त्यापूर्वी)`;
  if (r.comparison === 'after') return `${subject}, ${range} या कालावधीबाहेर आहे (त्यानंतर)`;
  return `${subject}, ${range} या कालावधीत आहे`;
}

function enumSentence(r: Extract<Reason, { code: 'enum' }>, lang: ReasonLang): string {
  const subject = statedFactIn(r.fact, r.value, lang);
  const want = oneOf(r.fact, r.expected, lang);
  if (r.negated) {
    if (lang === 'hi') return `${subject} (${want} नहीं होना चाहिए)`;
    if (lang === 'mr') return `${subject} (${want} नसावे)`;
    return `${subject} (must not be ${want})`;
  }
  if (lang === 'hi') return `${subject} (${want} होना चाहिए)`;
  if (lang === 'mr') return `${subject} (${want} असणे आवश्यक)`;
  return `${subject} (needs ${want})`;
}

/** One reason as a sentence in the language. */
export function renderReason(r: Reason, lang: ReasonLang = 'en'): string {
  switch (r.code) {
    case 'fact':
      return statedFactIn(r.fact, r.value, lang, r.context);
    case 'enum':
      return enumSentence(r, lang);
    case 'limit':
    case 'minimum':
      return limitSentence(r, lang);
    case 'range':
      return rangeSentence(r, lang);
    case 'date_window':
      return windowSentence(r, lang);
    case 'not_recorded': {
      const label = factLabelIn(r.fact, lang);
      if (lang === 'hi') return `${label} के लिए कुछ दर्ज नहीं है`;
      if (lang === 'mr') return `${label} साठी काहीही नोंदलेले नाही`;
      return `nothing recorded for ${label}`;
    }
    case 'missing_facts': {
      const labels = r.facts.map((f) => factLabelIn(f, lang)).join(', ');
      if (lang === 'hi') return `अभी दर्ज नहीं है, इससे निर्णय होगा: ${labels}`;
      if (lang === 'mr') return `अद्याप नोंदलेले नाही, यावरून ठरेल: ${labels}`;
      return `not recorded yet, would decide it: ${labels}`;
    }
    case 'lives_in': {
      const where = stateWhere(r.state, r.stateName, lang);
      if (lang === 'hi') return `${where} में रहते हैं`;
      if (lang === 'mr') return `${where} मध्ये राहतात`;
      return `lives in ${where}`;
    }
    case 'other_state': {
      const where = stateWhere(r.state, r.stateName, lang);
      if (lang === 'hi') return `यह योजना केवल ${where} में लागू है; यह परिवार राज्य LGD ${r.actualState} में है`;
      if (lang === 'mr') return `ही योजना फक्त ${where} मध्ये लागू आहे; हे कुटुंब राज्य LGD ${r.actualState} मध्ये आहे`;
      return `the scheme applies only in ${where}; this family is in state LGD ${r.actualState}`;
    }
    case 'not_in_force': {
      const open = lang === 'hi' ? 'अब तक' : lang === 'mr' ? 'चालू' : 'open';
      const span = r.spans.map((s) => `${s.from} – ${s.to ?? open}`).join(', ');
      if (lang === 'hi') return `${r.scheme.hi} के नियम ${r.asOf} को लागू नहीं थे (लागू: ${span})`;
      if (lang === 'mr') return `${r.scheme.mr} चे नियम ${r.asOf} रोजी लागू नव्हते (लागू: ${span})`;
      return `${r.scheme.en} had no rules in force on ${r.asOf} (in force: ${span})`;
    }
    case 'bad_date': {
      const x = JSON.stringify(r.asOf);
      if (lang === 'hi') return `निर्णय की तिथि (${x}) YYYY-MM-DD रूप में नहीं है`;
      if (lang === 'mr') return `निर्णयाची तारीख (${x}) YYYY-MM-DD स्वरूपात नाही`;
      return `the date to judge by (${x}) is not a YYYY-MM-DD date`;
    }
  }
}

/** Reasons as sentences, without repeating a sentence. */
export function renderReasons(reasons: readonly Reason[], lang: ReasonLang = 'en'): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    const s = renderReason(r, lang);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * The language to answer in: `?lang=`, else the first of en/hi/mr in Accept-Language
 * (by q-value), else the user's language, else English.
 */
export function pickReasonLang(query: unknown, acceptLanguage: string | undefined, userLanguage: string | null | undefined): ReasonLang {
  if (isReasonLang(query)) return query;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, i) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, i };
      })
      .filter((x) => x.q > 0 && !Number.isNaN(x.q))
      .sort((a, b) => b.q - a.q || a.i - b.i);
    const hit = ranked.find((x) => isReasonLang(x.lang));
    if (hit) return hit.lang as ReasonLang;
  }
  if (isReasonLang(userLanguage)) return userLanguage;
  return 'en';
}
