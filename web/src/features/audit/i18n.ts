// Strings of the audit screens in English, Hindi and Marathi (merged into the shared translations by the module).
type Tree = { [key: string]: string | Tree };

const en = {
  audit: {
    nav: 'Audit log',
    title: 'Audit log',
    intro: 'Every read, search, export and change of a child’s or family’s record in your jurisdiction, newest first.',
    accessTitle: 'Who looked at this record',
    accessIntro: 'Every read, list, search and export that showed this record, newest first.',
    backToChild: 'Back to the child',
    backToFamily: 'Back to the family',
    whoLooked: 'Who looked at this record',
    count_one: '{{n}} entry',
    count_other: '{{n}} entries',
    none: 'No entries.',
    when: 'When',
    who: 'Who',
    what: 'What',
    on: 'Record',
    all: 'All',
    older: 'Show older entries',
    system: 'The system',
    action: { read: 'Read', list: 'List', search: 'Search', export: 'Export', create: 'Created', update: 'Changed' },
    entity: { child: 'Child', family: 'Family', case: 'Case', meeting: 'Meeting' },
  },
};

const hi: typeof en = {
  audit: {
    nav: 'ऑडिट लॉग',
    title: 'ऑडिट लॉग',
    intro: 'आपके क्षेत्राधिकार में बच्चों और परिवारों के रिकॉर्ड का हर बार पढ़ना, खोजना, निर्यात और बदलाव, सबसे नया पहले।',
    accessTitle: 'यह रिकॉर्ड किसने देखा',
    accessIntro: 'हर बार जब यह रिकॉर्ड पढ़ा गया, सूची या खोज में आया या निर्यात हुआ, सबसे नया पहले।',
    backToChild: 'बच्चे के रिकॉर्ड पर लौटें',
    backToFamily: 'परिवार के रिकॉर्ड पर लौटें',
    whoLooked: 'यह रिकॉर्ड किसने देखा',
    count_one: '{{n}} प्रविष्टि',
    count_other: '{{n}} प्रविष्टियाँ',
    none: 'कोई प्रविष्टि नहीं।',
    when: 'कब',
    who: 'किसने',
    what: 'क्या',
    on: 'रिकॉर्ड',
    all: 'सभी',
    older: 'पुरानी प्रविष्टियाँ दिखाएँ',
    system: 'सिस्टम',
    action: { read: 'पढ़ा', list: 'सूची', search: 'खोज', export: 'निर्यात', create: 'बनाया', update: 'बदला' },
    entity: { child: 'बच्चा', family: 'परिवार', case: 'प्रकरण', meeting: 'बैठक' },
  },
};

const mr: typeof en = {
  audit: {
    nav: 'ऑडिट नोंदवही',
    title: 'ऑडिट नोंदवही',
    intro: 'तुमच्या कार्यक्षेत्रातील बालक आणि कुटुंबांच्या नोंदी प्रत्येक वेळी वाचल्या, शोधल्या, निर्यात केल्या किंवा बदलल्या त्या सर्व, नवीन आधी.',
    accessTitle: 'ही नोंद कोणी पाहिली',
    accessIntro: 'ही नोंद प्रत्येक वेळी वाचली गेली, यादीत किंवा शोधात आली किंवा निर्यात झाली, नवीन आधी.',
    backToChild: 'बालकाच्या नोंदीकडे परत',
    backToFamily: 'कुटुंबाच्या नोंदीकडे परत',
    whoLooked: 'ही नोंद कोणी पाहिली',
    count_one: '{{n}} नोंद',
    count_other: '{{n}} नोंदी',
    none: 'एकही नोंद नाही.',
    when: 'केव्हा',
    who: 'कोणी',
    what: 'काय',
    on: 'नोंद',
    all: 'सर्व',
    older: 'जुन्या नोंदी दाखवा',
    system: 'प्रणाली',
    action: { read: 'वाचली', list: 'यादी', search: 'शोध', export: 'निर्यात', create: 'तयार केली', update: 'बदलली' },
    entity: { child: 'बालक', family: 'कुटुंब', case: 'प्रकरण', meeting: 'बैठक' },
  },
};

export const AUDIT_TRANSLATIONS: { en: Tree; hi: Tree; mr: Tree } = { en, hi, mr };
