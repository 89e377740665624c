// Strings of the rules-and-sources page in English, Hindi and Marathi. The rules themselves (citations,
// basis, notes) come from the server as data, in the language of the Act or order they cite.

const en = {
  rules: {
    nav: 'Rules and sources',
    title: 'Rules and sources',
    intro:
      'Every timeline, CWC order form and scheme rule the app applies, with the Act, rule, guideline or order it comes from and how far its text was checked.',
    timelines: 'Timelines',
    orderForms: 'CWC order forms',
    schemes: 'Scheme eligibility',
    rule: 'Rule',
    within: 'Within',
    source: 'Source',
    checked: 'Checked',
    setBy: 'Set by',
    statutory: 'Statutory',
    policy: 'Policy',
    notTracked: 'listed, not yet tracked on cases',
    trackedBy: { care: 'computed for foster and sponsorship records', report: 'generated as a report' },
    quarterly: 'CWC quarterly report for {{quarter}}',
    byDefault: 'Default',
    byState: 'State override',
    notAnOrder: 'not an order',
    inForce: 'in force',
    notInForce: 'not in force',
    verification: {
      official_text: 'official text',
      secondary_source: 'secondary source only',
      unverified: 'unverified',
    },
  },
};
type Tree = typeof en;

const hi: Tree = {
  rules: {
    nav: 'नियम और स्रोत',
    title: 'नियम और स्रोत',
    intro:
      'ऐप द्वारा लागू हर समय-सीमा, बाल कल्याण समिति आदेश प्रपत्र और योजना नियम, उसके अधिनियम, नियम, दिशानिर्देश या आदेश के साथ, और उसका पाठ कितना जाँचा गया।',
    timelines: 'समय-सीमाएँ',
    orderForms: 'बाल कल्याण समिति आदेश प्रपत्र',
    schemes: 'योजना पात्रता',
    rule: 'नियम',
    within: 'अवधि',
    source: 'स्रोत',
    checked: 'जाँच',
    setBy: 'किसने तय किया',
    statutory: 'वैधानिक',
    policy: 'नीति',
    notTracked: 'सूचीबद्ध, मामलों पर अभी ट्रैक नहीं',
    trackedBy: { care: 'पालन-पोषण और प्रायोजन अभिलेखों के लिए गणना', report: 'रिपोर्ट के रूप में तैयार' },
    quarterly: '{{quarter}} की बाल कल्याण समिति त्रैमासिक रिपोर्ट',
    byDefault: 'डिफ़ॉल्ट',
    byState: 'राज्य का आदेश',
    notAnOrder: 'आदेश नहीं',
    inForce: 'लागू',
    notInForce: 'लागू नहीं',
    verification: { official_text: 'आधिकारिक पाठ', secondary_source: 'केवल द्वितीयक स्रोत', unverified: 'असत्यापित' },
  },
};

const mr: Tree = {
  rules: {
    nav: 'नियम आणि स्रोत',
    title: 'नियम आणि स्रोत',
    intro:
      'ॲप लागू करत असलेली प्रत्येक कालमर्यादा, बाल कल्याण समितीचे आदेश नमुने आणि योजनांचे नियम, त्यांचा कायदा, नियम, मार्गदर्शक सूचना किंवा आदेश आणि मजकूर किती तपासला यासह.',
    timelines: 'कालमर्यादा',
    orderForms: 'बाल कल्याण समितीचे आदेश नमुने',
    schemes: 'योजना पात्रता',
    rule: 'नियम',
    within: 'मुदत',
    source: 'स्रोत',
    checked: 'तपासणी',
    setBy: 'कोणी ठरवले',
    statutory: 'वैधानिक',
    policy: 'धोरण',
    notTracked: 'सूचीत, प्रकरणांवर अद्याप मागोवा नाही',
    trackedBy: { care: 'प्रतिपालकत्व व प्रायोजकत्व नोंदींसाठी मोजले जाते', report: 'अहवाल म्हणून तयार होतो' },
    quarterly: '{{quarter}} चा बाल कल्याण समिती त्रैमासिक अहवाल',
    byDefault: 'मूळ',
    byState: 'राज्याचा आदेश',
    notAnOrder: 'आदेश नाही',
    inForce: 'लागू',
    notInForce: 'लागू नाही',
    verification: { official_text: 'अधिकृत मजकूर', secondary_source: 'केवळ दुय्यम स्रोत', unverified: 'पडताळणी नाही' },
  },
};

export const RULES_TRANSLATIONS = { en: en as Record<string, unknown>, hi, mr };
