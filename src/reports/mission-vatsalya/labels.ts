/** The fixed words of the Mission Vatsalya reports in English, Hindi and Marathi (see /work/shared/GLOSSARY.md). */
export type Lang = 'en' | 'hi' | 'mr';

const L = {
  monthlyTitle: {
    en: 'Mission Vatsalya monthly progress report',
    hi: 'मिशन वात्सल्य मासिक प्रगति रिपोर्ट',
    mr: 'मिशन वात्सल्य मासिक प्रगती अहवाल',
  },
  quarterlyTitle: {
    en: 'Mission Vatsalya quarterly state report',
    hi: 'मिशन वात्सल्य त्रैमासिक राज्य रिपोर्ट',
    mr: 'मिशन वात्सल्य त्रैमासिक राज्य अहवाल',
  },
  area: { en: 'Area', hi: 'क्षेत्र', mr: 'क्षेत्र' },
  period: { en: 'Period', hi: 'अवधि', mr: 'कालावधी' },
  generated: { en: 'Generated', hi: 'तैयार किया गया', mr: 'तयार केले' },
  indicator: { en: 'Indicator', hi: 'संकेतक', mr: 'निर्देशक' },
  inPeriod: { en: 'In the period', hi: 'अवधि में', mr: 'कालावधीत' },
  current: { en: 'As on date', hi: 'आज की स्थिति', mr: 'आजच्या स्थितीत' },
  of: { en: 'Of', hi: 'कुल में से', mr: 'एकूणपैकी' },
  rate: { en: 'Rate %', hi: 'दर %', mr: 'दर %' },
  median: { en: 'Median days', hi: 'माध्यिका दिन', mr: 'मध्यक दिवस' },
  basis: { en: 'Basis', hi: 'आधार', mr: 'आधार' },
  district: { en: 'District', hi: 'ज़िला', mr: 'जिल्हा' },
  stateTotal: { en: 'State total', hi: 'राज्य कुल', mr: 'राज्य एकूण' },
  awaiting: {
    en: 'not yet available (module being built)',
    hi: 'अभी उपलब्ध नहीं (मॉड्यूल निर्माणाधीन)',
    mr: 'अद्याप उपलब्ध नाही (मॉड्यूल तयार होत आहे)',
  },
  department: { en: 'Department', hi: 'विभाग', mr: 'विभाग' },
  confidential: {
    en: 'Counts only: no child is identified in this report (JJ Act 2015 s.74).',
    hi: 'केवल संख्याएँ: इस रिपोर्ट में किसी बच्चे की पहचान नहीं है (किशोर न्याय अधिनियम 2015 धारा 74)।',
    mr: 'फक्त संख्या: या अहवालात कोणत्याही बालकाची ओळख नाही (बाल न्याय अधिनियम 2015 कलम 74).',
  },
  structure: {
    en: 'Sections follow the Mission Vatsalya Guidelines 2022 monitoring themes: identification, care (institutional and non-institutional), statutory bodies (JJ Act 2015 timelines), convergence (DCWPC review), schemes, missing children, child helpline.',
    hi: 'खंड मिशन वात्सल्य दिशानिर्देश 2022 के निगरानी विषयों के क्रम में हैं: पहचान, देखरेख, वैधानिक निकाय (किशोर न्याय अधिनियम 2015 की समय-सीमाएँ), अभिसरण, योजनाएँ, गुमशुदा बच्चे, चाइल्ड हेल्पलाइन।',
    mr: 'विभाग मिशन वात्सल्य मार्गदर्शक सूचना 2022 च्या देखरेख विषयांनुसार आहेत: ओळख, काळजी, वैधानिक संस्था (बाल न्याय अधिनियम 2015 च्या मुदती), अभिसरण, योजना, हरवलेली बालके, चाइल्ड हेल्पलाइन.',
  },
  page: { en: 'Page {page} of {total}', hi: 'पृष्ठ {page} / {total}', mr: 'पान {page} / {total}' },
  'section.identification': { en: 'A. Identification and assessment', hi: 'क. पहचान और मूल्यांकन', mr: 'अ. ओळख व मूल्यांकन' },
  'section.care': { en: 'B. Care and restoration', hi: 'ख. देखरेख और पुनर्स्थापन', mr: 'ब. काळजी व पुनर्स्थापना' },
  'section.statutory': {
    en: 'C. Statutory timelines (JJ Act 2015)',
    hi: 'ग. वैधानिक समय-सीमाएँ (किशोर न्याय अधिनियम 2015)',
    mr: 'क. वैधानिक मुदती (बाल न्याय अधिनियम 2015)',
  },
  'section.convergence': {
    en: 'D. Convergence and department accountability',
    hi: 'घ. अभिसरण और विभागीय जवाबदेही',
    mr: 'ड. अभिसरण व विभागीय जबाबदारी',
  },
  'section.schemes': { en: 'E. Schemes and documents', hi: 'ङ. योजनाएँ और दस्तावेज़', mr: 'इ. योजना व कागदपत्रे' },
  'section.missing': { en: 'F. Missing children', hi: 'च. गुमशुदा बच्चे', mr: 'फ. हरवलेली बालके' },
  'section.helpline': { en: 'G. Child helpline 1098', hi: 'छ. चाइल्ड हेल्पलाइन 1098', mr: 'ग. चाइल्ड हेल्पलाइन 1098' },
} as const;

export type LabelKey = keyof typeof L;

export function t(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return L[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export const LOCALE: Record<Lang, string> = { en: 'en-IN', hi: 'hi-IN', mr: 'mr-IN' };
