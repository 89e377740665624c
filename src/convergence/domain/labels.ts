/**
 * Labels for printed convergence documents in English, Hindi and Marathi.
 *
 * Division-of-labour notes go to block and village functionaries who often read Marathi or
 * Hindi first; department names follow the forms used in Maharashtra government offices
 * (e.g. "जिल्हा बाल संरक्षण कक्ष" for the DCPU). Digits stay Latin in every language so that
 * case references, dates and counts read the same to every department.
 */
import type { ConvergenceDomain, DepartmentKind, IsoDate, IsoMonth } from './types';

export const LANGS = ['en', 'hi', 'mr'] as const;
export type Lang = (typeof LANGS)[number];
type Text = Record<Lang, string>;

const LABELS = {
  'doc.confidential': {
    en: 'Confidential — JJ Act 2015 s.74',
    hi: 'गोपनीय — किशोर न्याय अधिनियम 2015, धारा 74',
    mr: 'गोपनीय — बाल न्याय अधिनियम 2015, कलम 74',
  },
  'doc.page': { en: 'Page {page} of {total}', hi: 'पृष्ठ {page} / {total}', mr: 'पान {page} / {total}' },
  'doc.generatedOn': { en: 'Generated on {date}', hi: 'तैयार करने की तारीख: {date}', mr: 'तयार केल्याचा दिनांक: {date}' },
  'dol.title': { en: 'Division of labour note', hi: 'कार्य-विभाजन टिप्पणी', mr: 'कार्यविभाजन टिपण' },
  'dol.forDepartment': { en: 'For: {department}', hi: 'प्रति: {department}', mr: 'प्रति: {department}' },
  'dol.full': {
    en: 'Full note — for the chair and the DCPU',
    hi: 'संपूर्ण टिप्पणी — अध्यक्ष एवं जिला बाल संरक्षण इकाई हेतु',
    mr: 'संपूर्ण टिपण — अध्यक्ष व जिल्हा बाल संरक्षण कक्षासाठी',
  },
  'dol.group': { en: 'Convergence group', hi: 'अभिसरण समूह', mr: 'अभिसरण गट' },
  'dol.meetingDate': { en: 'Meeting date', hi: 'बैठक की तारीख', mr: 'बैठकीचा दिनांक' },
  'dol.chair': { en: 'Chair', hi: 'अध्यक्ष', mr: 'अध्यक्ष' },
  'dol.attendance': { en: 'Attendance', hi: 'उपस्थिति', mr: 'उपस्थिती' },
  'dol.present': { en: 'Present', hi: 'उपस्थित', mr: 'उपस्थित' },
  'dol.absent': { en: 'Absent', hi: 'अनुपस्थित', mr: 'अनुपस्थित' },
  'dol.guests': { en: 'Guests', hi: 'आमंत्रित', mr: 'निमंत्रित' },
  'dol.col.case': { en: 'Case ref.', hi: 'प्रकरण क्रमांक', mr: 'प्रकरण क्रमांक' },
  'dol.col.child': { en: 'Child', hi: 'बालक/बालिका', mr: 'बालक' },
  'dol.col.action': { en: 'Action', hi: 'कार्रवाई', mr: 'कार्रवाई' },
  'dol.col.due': { en: 'Due date', hi: 'नियत तारीख', mr: 'मुदत' },
  'dol.col.officer': { en: 'Officer', hi: 'अधिकारी', mr: 'अधिकारी' },
  'dol.withheld': { en: 'Withheld (s.74)', hi: 'गोपनीय (धारा 74)', mr: 'गोपनीय (कलम 74)' },
  'dol.carriedOver': { en: 'carried over', hi: 'पिछली बैठक से', mr: 'मागील बैठकीतून' },
  'dol.noCase': { en: 'General', hi: 'सामान्य', mr: 'सर्वसाधारण' },
  'dol.none': {
    en: 'No actions for this recipient.',
    hi: 'इस प्राप्तकर्ता के लिए कोई कार्रवाई नहीं।',
    mr: 'या प्राप्तकर्त्यासाठी कोणतीही कार्यवाही नाही.',
  },
  'dol.notRecorded': { en: 'not recorded', hi: 'दर्ज नहीं', mr: 'नोंद नाही' },
  'dol.disclosure': {
    en: 'Children are named only on the copy of a department that acts on their case, or a reader whose role may see them; a CWC non-disclosure order leaves only the case reference and initials (JJ Act 2015 s.74).',
    hi: 'बच्चों के नाम केवल उस विभाग की प्रति में हैं जो उनके प्रकरण पर कार्रवाई करता है, या ऐसे पाठक की प्रति में जिसकी भूमिका उन्हें देख सकती है; बाल कल्याण समिति के गैर-प्रकटीकरण आदेश पर केवल प्रकरण क्रमांक और आद्याक्षर रहते हैं (किशोर न्याय अधिनियम 2015, धारा 74)।',
    mr: 'बालकांची नावे फक्त त्यांच्या प्रकरणावर कार्यवाही करणार्‍या विभागाच्या प्रतीत, किंवा ज्याच्या भूमिकेला ती पाहण्याची परवानगी आहे अशा वाचकाच्या प्रतीत दिली आहेत; बाल कल्याण समितीच्या अप्रकटीकरण आदेशानंतर फक्त प्रकरण क्रमांक व आद्याक्षरे राहतात (बाल न्याय अधिनियम 2015, कलम 74).',
  },
  'dol.years': { en: '{age} yrs', hi: '{age} वर्ष', mr: '{age} वर्षे' },
  'dol.initialsOnly': { en: 'initials only: CWC order', hi: 'केवल आद्याक्षर: बाल कल्याण समिति आदेश', mr: 'फक्त आद्याक्षरे: बाल कल्याण समिती आदेश' },
  'acc.title': { en: 'Convergence accountability report', hi: 'अभिसरण जवाबदेही रिपोर्ट', mr: 'अभिसरण उत्तरदायित्व अहवाल' },
  'acc.area': { en: 'Area', hi: 'क्षेत्र', mr: 'क्षेत्र' },
  'acc.period': { en: 'Period', hi: 'अवधि', mr: 'कालावधी' },
  'acc.summary': { en: 'Summary for the period', hi: 'अवधि का सारांश', mr: 'कालावधीचा सारांश' },
  'acc.month': { en: 'Month', hi: 'माह', mr: 'महिना' },
  'acc.department': { en: 'Department', hi: 'विभाग', mr: 'विभाग' },
  'acc.code': { en: 'Code', hi: 'कोड', mr: 'संकेत' },
  'acc.assigned': { en: 'Assigned', hi: 'सौंपी गई', mr: 'सोपवलेली' },
  'acc.doneOnTime': { en: 'Done on time', hi: 'समय पर पूर्ण', mr: 'वेळेत पूर्ण' },
  'acc.doneLate': { en: 'Done late', hi: 'विलंब से पूर्ण', mr: 'उशिरा पूर्ण' },
  // The screen (web/src/features/convergence/AccountabilityPage.tsx) reads these three too, so the
  // exports and the screen split "overdue" the same way in every language (issue #17).
  'acc.overdueInPeriod': {
    en: 'Overdue: assigned in the period',
    hi: 'समय-सीमा बीत गई: इस अवधि में सौंपी गई',
    mr: 'मुदत उलटलेली: या कालावधीत सोपवलेली',
  },
  'acc.overdueEarlier': {
    en: 'Overdue: assigned earlier',
    hi: 'समय-सीमा बीत गई: पहले सौंपी गई',
    mr: 'मुदत उलटलेली: आधी सोपवलेली',
  },
  'acc.overdueNote': {
    en: 'Overdue counts every action still open past its due date at the end of the period, including actions assigned before the period, so on time + late + overdue need not equal assigned.',
    hi: 'अवधि के अंत तक समय-सीमा बीत जाने पर भी अधूरी हर कार्रवाई गिनी जाती है, इस अवधि से पहले सौंपी गई कार्रवाइयाँ भी; इसलिए समय पर + देर से + समय-सीमा बीती का जोड़ सौंपी गई के बराबर होना ज़रूरी नहीं।',
    mr: 'कालावधीच्या शेवटी मुदत उलटूनही अपूर्ण असलेली प्रत्येक कार्यवाही मोजली जाते, या कालावधीपूर्वी सोपवलेलीही; म्हणून वेळेत + उशिरा + मुदत उलटलेली यांची बेरीज सोपवलेल्यांइतकी असेलच असे नाही.',
  },
  'acc.overdueInMonth': {
    en: 'Overdue: assigned in the month',
    hi: 'समय-सीमा बीत गई: इस माह में सौंपी गई',
    mr: 'मुदत उलटलेली: या महिन्यात सोपवलेली',
  },
  'acc.overdueBeforeMonth': {
    en: 'Overdue: assigned before the month',
    hi: 'समय-सीमा बीत गई: माह से पहले सौंपी गई',
    mr: 'मुदत उलटलेली: महिन्यापूर्वी सोपवलेली',
  },
  'acc.avgDaysLate': { en: 'Avg. days late', hi: 'औसत विलंब (दिन)', mr: 'सरासरी विलंब (दिवस)' },
  'acc.onTimeRate': { en: 'On-time rate', hi: 'समय पर पूर्णता दर', mr: 'वेळेत पूर्णतेचे प्रमाण' },
  'acc.attendance': { en: 'Meeting attendance', hi: 'बैठक उपस्थिति', mr: 'बैठकीतील उपस्थिती' },
  'acc.trendOverdue': { en: 'Overdue actions at month end', hi: 'माह के अंत में समय-सीमा बीती कार्रवाइयाँ', mr: 'महिनाअखेर मुदत उलटलेल्या कार्रवाई' },
  'acc.sheetSummary': { en: 'Summary', hi: 'सारांश', mr: 'सारांश' },
  'acc.sheetMonthly': { en: 'Monthly', hi: 'मासिक', mr: 'मासिक' },
  'acc.sheetDefinitions': { en: 'Definitions', hi: 'परिभाषाएँ', mr: 'व्याख्या' },
  'acc.definitions': {
    en: 'Overdue: not done at month end (or today) and past its due date. Avg. days late: mean lateness over late completions and items still overdue. Attendance: share of held meetings at which the department had at least one representative present.',
    hi: 'समय-सीमा बीत गई: माह के अंत (या आज) तक पूर्ण नहीं और समय-सीमा बीत चुकी। औसत विलंब: विलंब से पूर्ण तथा अब भी समय-सीमा बीती कार्रवाइयों का औसत विलंब। उपस्थिति: आयोजित बैठकों में से जिनमें विभाग का कम से कम एक प्रतिनिधि उपस्थित था उनका अनुपात।',
    mr: 'मुदत उलटलेली: महिनाअखेर (किंवा आज) पूर्ण न झालेली व मुदत संपलेली. सरासरी विलंब: उशिरा पूर्ण झालेल्या व अजूनही मुदत उलटलेल्या कार्यवाहींचा सरासरी विलंब. उपस्थिती: झालेल्या बैठकींपैकी ज्यांत विभागाचा किमान एक प्रतिनिधी उपस्थित होता त्यांचे प्रमाण.',
  },
} satisfies Record<string, Text>;

export type LabelKey = keyof typeof LABELS;

/** A label with {placeholders} filled in. */
export function t(lang: Lang, key: LabelKey, params: Record<string, string | number> = {}): string {
  const text: string = LABELS[key][lang];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const DEPARTMENTS: Record<DepartmentKind, Text> = {
  DWCD: { en: 'Women & Child Development', hi: 'महिला एवं बाल विकास विभाग', mr: 'महिला व बाल विकास विभाग' },
  DCPU: { en: 'District Child Protection Unit', hi: 'जिला बाल संरक्षण इकाई', mr: 'जिल्हा बाल संरक्षण कक्ष' },
  CWC: { en: 'Child Welfare Committee', hi: 'बाल कल्याण समिति', mr: 'बाल कल्याण समिती' },
  DLSA: { en: 'District Legal Services Authority', hi: 'जिला विधिक सेवा प्राधिकरण', mr: 'जिल्हा विधी सेवा प्राधिकरण' },
  EDUCATION: { en: 'Education', hi: 'शिक्षा विभाग', mr: 'शिक्षण विभाग' },
  HEALTH: { en: 'Health', hi: 'स्वास्थ्य विभाग', mr: 'आरोग्य विभाग' },
  POLICE: { en: 'Police', hi: 'पुलिस', mr: 'पोलीस' },
  LABOUR: { en: 'Labour', hi: 'श्रम विभाग', mr: 'कामगार विभाग' },
  SOCIAL_JUSTICE: { en: 'Social Justice', hi: 'सामाजिक न्याय विभाग', mr: 'सामाजिक न्याय विभाग' },
  RURAL_DEVELOPMENT: { en: 'Rural Development', hi: 'ग्रामीण विकास विभाग', mr: 'ग्रामविकास विभाग' },
  PANCHAYAT: { en: 'Panchayati Raj', hi: 'पंचायती राज', mr: 'पंचायत राज' },
  REVENUE: { en: 'Revenue', hi: 'राजस्व विभाग', mr: 'महसूल विभाग' },
  NGO: { en: 'NGO partners', hi: 'स्वयंसेवी संस्थाएँ', mr: 'स्वयंसेवी संस्था' },
};

const DOMAINS: Record<ConvergenceDomain, Text> = {
  health: { en: 'Health', hi: 'स्वास्थ्य', mr: 'आरोग्य' },
  education: { en: 'Education', hi: 'शिक्षा', mr: 'शिक्षण' },
  nutrition: { en: 'Nutrition', hi: 'पोषण', mr: 'पोषण' },
  livelihood: { en: 'Livelihood', hi: 'आजीविका', mr: 'उपजीविका' },
  social_protection: { en: 'Social protection', hi: 'सामाजिक सुरक्षा', mr: 'सामाजिक सुरक्षा' },
  legal_aid_documents: { en: 'Legal aid & documents', hi: 'विधिक सहायता व दस्तावेज़', mr: 'कायदेशीर मदत व कागदपत्रे' },
  protection_safety: { en: 'Protection & safety', hi: 'संरक्षण एवं सुरक्षा', mr: 'संरक्षण व सुरक्षितता' },
  family_strengthening: { en: 'Family strengthening', hi: 'परिवार सुदृढ़ीकरण', mr: 'कुटुंब बळकटीकरण' },
  alternative_care: { en: 'Alternative care', hi: 'वैकल्पिक देखभाल', mr: 'पर्यायी संगोपन' },
  psychosocial: { en: 'Psychosocial support', hi: 'मनोसामाजिक सहायता', mr: 'मनोसामाजिक आधार' },
};

export function departmentLabel(lang: Lang, kind: DepartmentKind): string {
  return DEPARTMENTS[kind][lang];
}

export function domainLabel(lang: Lang, domain: ConvergenceDomain): string {
  return DOMAINS[domain][lang];
}

/** BCP 47 tag for the document language (PDF /Lang, Intl formatting). */
export function locale(lang: Lang): string {
  return `${lang}-IN`;
}

/** "12 March 2025" / "12 मार्च 2025", Latin digits in every language. */
export function formatDate(lang: Lang, date: IsoDate): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatMonth(lang: Lang, month: IsoMonth): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}
