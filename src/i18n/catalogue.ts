/**
 * The shared catalogue: sentences the server produces for people (a case action's refusal,
 * validation reasons, "not possible now"), in English, Hindi and Marathi, as plain data that
 * both the server (`translate()` below, for PDFs, SMS, e-mail and API `reasonText`) and the web
 * app (merged into i18next, web/src/i18n/index.ts) read, so a reason reads the same everywhere.
 * Terms follow /shared/GLOSSARY.md (प्रकरण for case, पुनर्स्थापना/पुनर्स्थापन for restoration,
 * सामाजिक चौकशी अहवाल / सामाजिक जाँच रिपोर्ट for the SIR). No placeholder is followed by a Marathi
 * postposition; counts carry `_one`/`_other` forms.
 */
import { FIELD_LABELS } from './field-labels';
import { MATCH_WORDS } from './match-words';
import { EMAIL_WORDS } from './email-words';
import { SMS_WORDS } from './sms-words';

export type CatalogueTree = { [key: string]: string | CatalogueTree };
export type CatalogueLang = 'en' | 'hi' | 'mr';

const en = {
  // Alerts, due items, field names and reasons (issue #17).
  alert: {
    overdue: 'Overdue on case #{{number}}: {{what}}, due {{due}}.',
    urgentBalPanchayat: 'Urgent from a Bal Panchayat: {{what}}. Act within the hour (issue {{ref}}).',
    nationalMatchClosed: 'National match {{ref}} was confirmed by both states: the record in {{states}} is closed as matched.',
    helplineOverdue: '1098 call #{{number}}: the child was not reached by the target time ({{target}}). With: {{route}}.',
    helplineDueSoon: '1098 call #{{number}}: the child must be reached by {{target}} and is not yet. With: {{route}}.',
    fosterLapseNoAction:
      'Foster family {{ref}}: the action item for the DCPU could not be opened ({{why}}). It is tried again daily; meanwhile bring the placement before the CWC.',
  },
  // Why a foster lapse alert's convergence action item could not be opened (src/care/foster-lapse.service.ts).
  lapseActionProblem: {
    no_district_group: 'the district has no convergence group',
    other: 'the convergence group refused it: {{code}}',
  },
  dueItem: {
    cwc_production: 'production before the CWC (JJ Act 2015 s.31, 24 hours)',
    sir_submission: 'Social Investigation Report, Form 22 (JJ Act 2015 s.36, 15 days)',
    cwc_final_order: 'CWC final order (JJ Act 2015 s.36, 4 months)',
    lfa_declaration: 'declaration that the child is legally free for adoption, Form 25 (JJ Act 2015 s.38, 2 or 4 months)',
    surrender_reconsideration: "end of the surrendering parents' two months to reconsider (JJ Act 2015 s.35(3))",
    care_plan_review: 'review of the Individual Care Plan (Form 7)',
    referral_response: 'answer to a referral',
    referral_completion: 'referred service',
    escalation_response: 'action on an escalated case',
    post_restoration_follow_up: 'follow-up visit after restoration',
    transfer_response: 'decision on a case transfer',
    case_review: 'review of an open case with nothing else due',
  },
  urgentIssue: {
    child_marriage: 'a child marriage reported as imminent',
    violence_or_abuse: 'violence or abuse of a child',
    child_labour: 'a child kept out of school for work',
  },
  helplineRoute: {
    district_unit: 'district child helpline unit',
    police_112: 'police (112)',
    womens_181: "women's helpline (181)",
    cwc: 'Child Welfare Committee',
    railway_desk: 'railway child help desk',
    unit: 'the unit',
  },
  formRef: { label: 'Form {{n}}' },
  issueText: {
    required: 'required',
    tooLong: 'too long ({{n}} characters at most)',
    tooShort: 'too short (at least {{n}} characters)',
    chooseOne: 'choose one of the options',
    chooseAtLeastOne: 'choose at least one',
    number: 'must be a number',
    max: 'must be {{n}} or less',
    min: 'must be {{n}} or more',
    invalidId: 'not a valid record',
    dateFormat: 'must be a date',
    notRealDate: 'not a real date',
    future: 'cannot be in the future',
    unknownField: 'the form sent something the server does not know; reload the page',
    invalid: 'not valid',
  },
  importIssue: {
    noDistrict: 'no district named “{{place}}”',
    outside: '“{{place}}” is outside your jurisdiction',
    villageNeedsTaluka: 'village “{{place}}” is not registered: give its taluka so that it can be added',
    noTaluka: 'no taluka named “{{place}}” in this district',
    dobOrAge: 'give the date of birth or the age',
    wholeRupees: 'must be whole rupees',
    negative: 'cannot be negative',
    dupRegistered: 'looks like a child already registered: held for the duplicates review',
    dupInFile: 'looks like an earlier row of this file: held for the duplicates review',
    missingColumn: 'this column is missing from the first line',
    unknownColumn: 'this column is not one the import knows',
    alreadyImported: 'this file has already been imported: nothing was written',
  },
  match: MATCH_WORDS.en,
  email: EMAIL_WORDS.en,
  sms: SMS_WORDS.en,
  fieldLabel: {
    ...FIELD_LABELS.en,
    district: 'District',
    taluka: 'Taluka',
    village: 'Village',
    family_ref: 'Family reference',
    head_name: 'Head of family',
    head_name_local: 'Head of family (local script)',
    caregiver_type: 'Caregiver',
    annual_income: 'Annual income',
    vulnerability_factors: 'Vulnerability factors',
    child_name: 'Child’s name',
    child_name_local: 'Child’s name (local script)',
    dob: 'Date of birth',
    care_status: 'Care status',
    school_status: 'School status',
    name: 'Name',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    villageId: 'Village',
    familyId: 'Family',
    childId: 'Child',
    note: 'Note',
    date: 'Date',
    dueDate: 'Due date',
    nextReviewDate: 'Next review date',
    referralId: 'Referral',
    phone: 'Phone number',
    reporterName: 'Your name',
    reporterPhone: 'Your phone number',
    chairPersonId: 'Chair of the meeting',
    department: 'Department',
    role: 'Role',
    email: 'E-mail',
    password: 'Password',
    file: 'File',
    reason: 'Reason',
    form: 'Order form',
    toLevel: 'Level',
    fromLevel: 'Level',
    domains: 'Domains',
    answers: 'Answers',
    description: 'Description',
    lastSeenAt: 'Last seen',
    lastSeenPlace: 'Where last seen',
    age: 'Age',
    relation: 'Relation',
    members: 'Members',
    items: 'Items',
  },
  refusal: {
    INVALID_ACTION: 'This action is not filled in correctly.',
    NO_INTAKE: 'The case has not been opened yet.',
    ALREADY_OPENED: 'The case is already open.',
    BEFORE_PREVIOUS_ACTION: 'The date is before the last action recorded on the case.',
    IN_FUTURE: 'The date cannot be in the future.',
    CASE_CLOSED: 'The case is closed.',
    ALREADY_CLOSED: 'The case is already closed.',
    NOT_CLOSED: 'The case is not closed.',
    DATE_BEFORE_INTAKE: 'The date is before the case was reported.',
    DATE_BEFORE_ACTION: 'The date has already passed.',
    DATE_AFTER_ACTION: 'The date is after the action was recorded.',
    NOT_PRODUCED: 'The child has not yet been produced before the CWC.',
    SIR_NOT_ORDERED: 'The CWC has not ordered a Social Investigation Report (Form 21).',
    SIR_ALREADY_ORDERED: 'A Social Investigation Report is already ordered and not yet submitted.',
    FORM44_REQUIRED: 'Restoration needs the CWC’s release-cum-restoration order (Form 44).',
    CWC_ORDER_REQUIRED: 'This needs an order of the CWC.',
    CARE_OPTION_REASON_REQUIRED: 'Give the reason for choosing this kind of care.',
    DUPLICATE_DOMAIN: 'A domain of the care plan is listed twice.',
    DUPLICATE_REFERRAL: 'This referral is already on the case.',
    UNKNOWN_REFERRAL: 'No referral on this case to decide.',
    REFERRAL_ALREADY_DECIDED: 'The referral has already been decided.',
    REFERRAL_NOT_ACCEPTED: 'The referral has not been accepted.',
    NO_CARE_PLAN: 'There is no Individual Care Plan (Form 7) to review.',
    WRONG_LEVEL: 'The case is at another level now.',
    ALREADY_AT_TOP: 'The case is at state level; there is no higher level.',
    NOT_HIGHER_LEVEL: 'An escalation must go to a higher level.',
    ALREADY_AT_LOWEST: 'The case is at village level; there is no lower level.',
    NOT_LOWER_LEVEL: 'A case is returned to a lower level.',
    TRANSFER_PENDING: 'The case awaits a decision on its transfer.',
    SAME_DISTRICT: 'The case is already in that district.',
    NO_PENDING_TRANSFER: 'There is no transfer waiting for a decision.',
    NOT_TRANSFER_RECIPIENT: 'Only the receiving unit can decide this transfer.',
    NOT_TRANSFER_REQUESTER: 'Only the unit that asked for the transfer can cancel it.',
    NOT_RESTORED: 'Follow-up visits come after a restoration order (Form 44); none is recorded.',
    OPEN_REFERRALS: 'Referrals on the case are still open.',
    CWC_ORDER_PENDING: 'The CWC’s order is still awaited.',
    RESTORATION_ORDER_REQUIRED: 'This needs the CWC’s restoration order.',
    NOTE_REQUIRED: 'Write a note.',
    NO_CHANGE: 'Nothing would change.',
    WRONG_ORDER_FORM: 'This kind of order is not issued on that form: choose the form the Model Rules give for it.',
    RECONSIDERATION_PERIOD:
      'The parents who surrendered the child still have their two months to reconsider (JJ Act s.35(3)); the child can be declared legally free only after that.',
    PRODUCTION_NOT_OWED:
      'Journey time counts only while the child is on the way to the CWC (JJ Act s.31(1)); the child is already produced or not owed production.',
    AGE_TEST_NOT_ORDERED:
      'A medical age test is the basis only when the CWC ordered one, after no school, matriculation or birth certificate was found (JJ Act s.94(2)).',
  },
  validation: {
    required: 'Required',
    chooseAtLeastOne: 'Choose at least one',
    chooseAtLeast_one: 'Choose at least {{count}}',
    chooseAtLeast_other: 'Choose at least {{count}}',
    tooShort_one: 'At least {{count}} character',
    tooShort_other: 'At least {{count}} characters',
    tooMany_zero: 'At most {{count}} items',
    tooMany_one: 'At most {{count}} item',
    tooMany_other: 'At most {{count}} items',
    invalid: 'Not valid: check this field',
    unknownField: 'This form sent something the server does not know; reload the page',
    nameLetters: 'A name needs letters',
  },
};

const hi: typeof en = {
  // Alerts, due items, field names and reasons (issue #17).
  alert: {
    overdue: 'प्रकरण #{{number}} में समय-सीमा बीत गई: {{what}}, समय-सीमा {{due}}।',
    urgentBalPanchayat: 'बाल पंचायत से तत्काल सूचना: {{what}}। एक घंटे के भीतर कार्रवाई करें (मुद्दा {{ref}})।',
    nationalMatchClosed: 'राष्ट्रीय मेल (संदर्भ {{ref}}): दोनों राज्यों ने पुष्टि की; राज्य: {{states}} — रिकॉर्ड मेल के रूप में बंद किया गया।',
    helplineOverdue: '1098 कॉल #{{number}}: निर्धारित समय ({{target}}) तक बच्चे तक नहीं पहुँचा गया। ज़िम्मेदार: {{route}}।',
    helplineDueSoon: '1098 कॉल #{{number}}: बच्चे तक {{target}} तक पहुँचना है, अभी नहीं पहुँचे। ज़िम्मेदार: {{route}}।',
    fosterLapseNoAction:
      'पोषण देखरेख परिवार {{ref}}: ज़िला बाल संरक्षण इकाई के लिए कार्रवाई नहीं खोली जा सकी ({{why}})। इसे प्रतिदिन फिर आज़माया जाता है; तब तक इस व्यवस्था को बाल कल्याण समिति के समक्ष रखें।',
  },
  lapseActionProblem: {
    no_district_group: 'ज़िले में कोई अभिसरण समूह नहीं है',
    other: 'अभिसरण समूह ने इसे अस्वीकार किया: {{code}}',
  },
  dueItem: {
    cwc_production: 'बाल कल्याण समिति के समक्ष प्रस्तुति (किशोर न्याय अधिनियम 2015 धारा 31, 24 घंटे)',
    sir_submission: 'सामाजिक जाँच रिपोर्ट, फ़ॉर्म 22 (किशोर न्याय अधिनियम 2015 धारा 36, 15 दिन)',
    cwc_final_order: 'बाल कल्याण समिति का अंतिम आदेश (किशोर न्याय अधिनियम 2015 धारा 36, 4 माह)',
    lfa_declaration: 'बच्चे को दत्तक ग्रहण के लिए विधिक रूप से मुक्त घोषित करना, फ़ॉर्म 25 (किशोर न्याय अधिनियम 2015 धारा 38, 2 या 4 माह)',
    surrender_reconsideration: 'बच्चे को सौंपने वाले माता-पिता के पुनर्विचार के दो माह की समाप्ति (किशोर न्याय अधिनियम 2015 धारा 35(3))',
    care_plan_review: 'व्यक्तिगत देखरेख योजना (फ़ॉर्म 7) की समीक्षा',
    referral_response: 'रेफ़रल का उत्तर',
    referral_completion: 'रेफ़र की गई सेवा',
    escalation_response: 'ऊपर भेजे प्रकरण पर कार्रवाई',
    post_restoration_follow_up: 'पुनर्स्थापन के बाद अनुवर्ती भेंट',
    transfer_response: 'प्रकरण के स्थानांतरण पर निर्णय',
    case_review: 'खुले प्रकरण की समीक्षा जिसमें और कुछ देय नहीं',
  },
  urgentIssue: {
    child_marriage: 'जल्द होने वाला बाल विवाह',
    violence_or_abuse: 'बच्चे के साथ हिंसा या दुर्व्यवहार',
    child_labour: 'काम के लिए स्कूल से रोका गया बच्चा',
  },
  helplineRoute: {
    district_unit: 'ज़िला चाइल्ड हेल्पलाइन इकाई',
    police_112: 'पुलिस (112)',
    womens_181: 'महिला हेल्पलाइन (181)',
    cwc: 'बाल कल्याण समिति',
    railway_desk: 'रेलवे चाइल्ड हेल्प डेस्क',
    unit: 'इकाई',
  },
  formRef: { label: 'फ़ॉर्म {{n}}' },
  issueText: {
    required: 'आवश्यक',
    tooLong: 'बहुत लंबा (अधिकतम {{n}} अक्षर)',
    tooShort: 'बहुत छोटा (कम से कम {{n}} अक्षर)',
    chooseOne: 'विकल्पों में से एक चुनें',
    chooseAtLeastOne: 'कम से कम एक चुनें',
    number: 'संख्या होनी चाहिए',
    max: '{{n}} या उससे कम होना चाहिए',
    min: '{{n}} या उससे अधिक होना चाहिए',
    invalidId: 'मान्य रिकॉर्ड नहीं',
    dateFormat: 'तारीख होनी चाहिए',
    notRealDate: 'यह असली तारीख नहीं है',
    future: 'भविष्य की नहीं हो सकती',
    unknownField: 'फ़ॉर्म ने ऐसी जानकारी भेजी जो सर्वर नहीं पहचानता; पेज दोबारा लोड करें',
    invalid: 'मान्य नहीं',
  },
  importIssue: {
    noDistrict: '“{{place}}” नाम का कोई ज़िला नहीं',
    outside: '“{{place}}” आपके अधिकार-क्षेत्र से बाहर है',
    villageNeedsTaluka: 'गाँव “{{place}}” दर्ज नहीं है: उसे जोड़ने के लिए उसका तालुका लिखें',
    noTaluka: 'इस ज़िले में “{{place}}” नाम का कोई तालुका नहीं',
    dobOrAge: 'जन्म तिथि या आयु लिखें',
    wholeRupees: 'पूरे रुपयों में होना चाहिए',
    negative: 'ऋणात्मक नहीं हो सकता',
    dupRegistered: 'पहले से दर्ज किसी बच्चे जैसा लगता है: दोहरी प्रविष्टियों की समीक्षा के लिए रोका गया',
    dupInFile: 'इसी फ़ाइल की किसी पिछली पंक्ति जैसा लगता है: दोहरी प्रविष्टियों की समीक्षा के लिए रोका गया',
    missingColumn: 'यह कॉलम पहली पंक्ति में नहीं है',
    unknownColumn: 'यह कॉलम आयात में मान्य नहीं है',
    alreadyImported: 'यह फ़ाइल पहले ही आयात हो चुकी है: कुछ नहीं लिखा गया',
  },
  match: MATCH_WORDS.hi,
  email: EMAIL_WORDS.hi,
  sms: SMS_WORDS.hi,
  fieldLabel: {
    ...FIELD_LABELS.hi,
    district: 'ज़िला',
    taluka: 'तालुका',
    village: 'गाँव',
    family_ref: 'परिवार संदर्भ',
    head_name: 'परिवार का मुखिया',
    head_name_local: 'परिवार का मुखिया (स्थानीय लिपि)',
    caregiver_type: 'देखभाल करने वाले',
    annual_income: 'वार्षिक आय',
    vulnerability_factors: 'असुरक्षा के कारण',
    child_name: 'बच्चे का नाम',
    child_name_local: 'बच्चे का नाम (स्थानीय लिपि)',
    dob: 'जन्म तिथि',
    care_status: 'देखभाल की स्थिति',
    school_status: 'स्कूल की स्थिति',
    name: 'नाम',
    dateOfBirth: 'जन्म तिथि',
    sex: 'लिंग',
    villageId: 'गाँव',
    familyId: 'परिवार',
    childId: 'बच्चा',
    note: 'टिप्पणी',
    date: 'तारीख',
    dueDate: 'समय-सीमा',
    nextReviewDate: 'अगली समीक्षा की तारीख',
    referralId: 'रेफ़रल',
    phone: 'फ़ोन नंबर',
    reporterName: 'आपका नाम',
    reporterPhone: 'आपका फ़ोन नंबर',
    chairPersonId: 'बैठक के अध्यक्ष',
    department: 'विभाग',
    role: 'भूमिका',
    email: 'ई-मेल',
    password: 'पासवर्ड',
    file: 'फ़ाइल',
    reason: 'कारण',
    form: 'आदेश का फ़ॉर्म',
    toLevel: 'स्तर',
    fromLevel: 'स्तर',
    domains: 'क्षेत्र',
    answers: 'उत्तर',
    description: 'विवरण',
    lastSeenAt: 'आख़िरी बार कब देखा',
    lastSeenPlace: 'आख़िरी बार कहाँ देखा',
    age: 'आयु',
    relation: 'संबंध',
    members: 'सदस्य',
    items: 'प्रविष्टियाँ',
  },
  refusal: {
    INVALID_ACTION: 'यह कार्य ठीक से भरा नहीं गया है।',
    NO_INTAKE: 'प्रकरण अभी खोला नहीं गया है।',
    ALREADY_OPENED: 'प्रकरण पहले से खुला है।',
    BEFORE_PREVIOUS_ACTION: 'यह तारीख प्रकरण में दर्ज पिछले कार्य से पहले की है।',
    IN_FUTURE: 'तारीख भविष्य की नहीं हो सकती।',
    CASE_CLOSED: 'प्रकरण बंद है।',
    ALREADY_CLOSED: 'प्रकरण पहले से बंद है।',
    NOT_CLOSED: 'प्रकरण बंद नहीं है।',
    DATE_BEFORE_INTAKE: 'यह तारीख प्रकरण की सूचना मिलने से पहले की है।',
    DATE_BEFORE_ACTION: 'यह तारीख बीत चुकी है।',
    DATE_AFTER_ACTION: 'यह तारीख कार्य दर्ज होने के बाद की है।',
    NOT_PRODUCED: 'बच्चे को अभी बाल कल्याण समिति के सामने पेश नहीं किया गया है।',
    SIR_NOT_ORDERED: 'बाल कल्याण समिति ने सामाजिक जाँच रिपोर्ट (फ़ॉर्म 21) का आदेश नहीं दिया है।',
    SIR_ALREADY_ORDERED: 'सामाजिक जाँच रिपोर्ट का आदेश पहले से है और रिपोर्ट अभी जमा नहीं हुई है।',
    FORM44_REQUIRED: 'पुनर्स्थापन के लिए बाल कल्याण समिति का मुक्ति-सह-पुनर्स्थापन आदेश (फ़ॉर्म 44) चाहिए।',
    CWC_ORDER_REQUIRED: 'इसके लिए बाल कल्याण समिति का आदेश चाहिए।',
    CARE_OPTION_REASON_REQUIRED: 'इस प्रकार की देखरेख चुनने का कारण लिखें।',
    DUPLICATE_DOMAIN: 'देखरेख योजना का एक क्षेत्र दो बार लिखा है।',
    DUPLICATE_REFERRAL: 'यह रेफ़रल पहले से प्रकरण में है।',
    UNKNOWN_REFERRAL: 'इस प्रकरण में तय करने के लिए कोई रेफ़रल नहीं है।',
    REFERRAL_ALREADY_DECIDED: 'इस रेफ़रल पर निर्णय हो चुका है।',
    REFERRAL_NOT_ACCEPTED: 'रेफ़रल स्वीकार नहीं हुआ है।',
    NO_CARE_PLAN: 'समीक्षा के लिए कोई व्यक्तिगत देखरेख योजना (फ़ॉर्म 7) नहीं है।',
    WRONG_LEVEL: 'प्रकरण अब किसी दूसरे स्तर पर है।',
    ALREADY_AT_TOP: 'प्रकरण राज्य स्तर पर है; इससे ऊपर कोई स्तर नहीं है।',
    NOT_HIGHER_LEVEL: 'प्रकरण ऊपर के स्तर पर ही भेजा जा सकता है।',
    ALREADY_AT_LOWEST: 'प्रकरण गाँव स्तर पर है; इससे नीचे कोई स्तर नहीं है।',
    NOT_LOWER_LEVEL: 'प्रकरण नीचे के स्तर पर ही लौटाया जा सकता है।',
    TRANSFER_PENDING: 'प्रकरण के स्थानांतरण पर निर्णय बाकी है।',
    SAME_DISTRICT: 'प्रकरण पहले से उसी ज़िले में है।',
    NO_PENDING_TRANSFER: 'निर्णय के लिए कोई स्थानांतरण बाकी नहीं है।',
    NOT_TRANSFER_RECIPIENT: 'इस स्थानांतरण पर केवल प्राप्त करने वाली इकाई निर्णय ले सकती है।',
    NOT_TRANSFER_REQUESTER: 'स्थानांतरण माँगने वाली इकाई ही इसे रद्द कर सकती है।',
    NOT_RESTORED: 'अनुवर्ती मुलाक़ातें पुनर्स्थापन आदेश (फ़ॉर्म 44) के बाद होती हैं; ऐसा कोई आदेश दर्ज नहीं है।',
    OPEN_REFERRALS: 'प्रकरण के रेफ़रल अभी खुले हैं।',
    CWC_ORDER_PENDING: 'बाल कल्याण समिति के आदेश की प्रतीक्षा है।',
    RESTORATION_ORDER_REQUIRED: 'इसके लिए बाल कल्याण समिति का पुनर्स्थापन आदेश चाहिए।',
    NOTE_REQUIRED: 'टिप्पणी लिखें।',
    NO_CHANGE: 'इससे कुछ नहीं बदलेगा।',
    WRONG_ORDER_FORM: 'इस प्रकार का आदेश इस प्रपत्र पर जारी नहीं होता: आदर्श नियमों में दिया गया प्रपत्र चुनें।',
    RECONSIDERATION_PERIOD:
      'बच्चे को सौंपने वाले माता-पिता के पुनर्विचार के दो माह (किशोर न्याय अधिनियम धारा 35(3)) अभी पूरे नहीं हुए हैं; उसके बाद ही बच्चे को दत्तक ग्रहण के लिए विधिक रूप से मुक्त घोषित किया जा सकता है।',
    PRODUCTION_NOT_OWED:
      'यात्रा का समय तभी गिना जाता है जब बच्चा समिति के समक्ष पेश होने के रास्ते में हो (किशोर न्याय अधिनियम धारा 31(1)); बच्चा पेश हो चुका है या पेशी आवश्यक नहीं है।',
    AGE_TEST_NOT_ORDERED:
      'चिकित्सीय आयु परीक्षण तभी आधार हो सकता है जब स्कूल, मैट्रिक या जन्म प्रमाणपत्र न मिलने पर बाल कल्याण समिति ने उसका आदेश दिया हो (किशोर न्याय अधिनियम धारा 94(2))।',
  },
  validation: {
    required: 'आवश्यक',
    chooseAtLeastOne: 'कम से कम एक चुनें',
    chooseAtLeast_one: 'कम से कम {{count}} चुनें',
    chooseAtLeast_other: 'कम से कम {{count}} चुनें',
    tooShort_one: 'कम से कम {{count}} अक्षर',
    tooShort_other: 'कम से कम {{count}} अक्षर',
    tooMany_zero: 'अधिकतम {{count}} चीज़ें',
    tooMany_one: 'अधिकतम {{count}} चीज़',
    tooMany_other: 'अधिकतम {{count}} चीज़ें',
    invalid: 'मान्य नहीं: यह जानकारी जाँचें',
    unknownField: 'इस फ़ॉर्म ने ऐसी जानकारी भेजी जो सर्वर नहीं पहचानता; पेज दोबारा लोड करें',
    nameLetters: 'नाम में अक्षर होने चाहिए',
  },
};

const mr: typeof en = {
  // Alerts, due items, field names and reasons (issue #17).
  alert: {
    overdue: 'प्रकरण #{{number}}: मुदत उलटली — {{what}}, मुदत {{due}}.',
    urgentBalPanchayat: 'बाल पंचायतीकडून तातडीची सूचना: {{what}}. एका तासाच्या आत कार्यवाही करा (मुद्दा {{ref}}).',
    nationalMatchClosed: 'राष्ट्रीय जुळणी (संदर्भ {{ref}}): दोन्ही राज्यांनी पुष्टी दिली; राज्य: {{states}} — नोंद जुळली म्हणून बंद केली.',
    helplineOverdue: '1098 कॉल #{{number}}: ठरलेल्या वेळेत ({{target}}) बालकापर्यंत पोहोचता आले नाही. जबाबदार: {{route}}.',
    helplineDueSoon: '1098 कॉल #{{number}}: {{target}} पर्यंत बालकापर्यंत पोहोचायचे आहे, अजून पोहोचलो नाही. जबाबदार: {{route}}.',
    fosterLapseNoAction:
      'प्रतिपालकत्व कुटुंब {{ref}}: जिल्हा बाल संरक्षण कक्षासाठी कार्यवाही उघडता आली नाही ({{why}}). दररोज पुन्हा प्रयत्न केला जातो; तोपर्यंत ही व्यवस्था बाल कल्याण समितीसमोर ठेवा.',
  },
  lapseActionProblem: {
    no_district_group: 'जिल्ह्यात अभिसरण गट नाही',
    other: 'अभिसरण गटाने तो नाकारला: {{code}}',
  },
  dueItem: {
    cwc_production: 'बाल कल्याण समितीसमोर हजर करणे (बाल न्याय अधिनियम 2015 कलम 31, 24 तास)',
    sir_submission: 'सामाजिक चौकशी अहवाल, फॉर्म 22 (बाल न्याय अधिनियम 2015 कलम 36, 15 दिवस)',
    cwc_final_order: 'बाल कल्याण समितीचा अंतिम आदेश (बाल न्याय अधिनियम 2015 कलम 36, 4 महिने)',
    lfa_declaration: 'बालक दत्तक ग्रहणासाठी कायदेशीरदृष्ट्या मुक्त असल्याची घोषणा, फॉर्म 25 (बाल न्याय अधिनियम 2015 कलम 38, 2 किंवा 4 महिने)',
    surrender_reconsideration: 'बालक सोपवणाऱ्या पालकांच्या पुनर्विचाराच्या दोन महिन्यांची समाप्ती (बाल न्याय अधिनियम 2015 कलम 35(3))',
    care_plan_review: 'वैयक्तिक काळजी योजनेचा (फॉर्म 7) आढावा',
    referral_response: 'संदर्भाला उत्तर',
    referral_completion: 'संदर्भित सेवा',
    escalation_response: 'वर पाठवलेल्या प्रकरणावर कार्यवाही',
    post_restoration_follow_up: 'पुनर्स्थापनेनंतर पाठपुरावा भेट',
    transfer_response: 'प्रकरणाच्या हस्तांतरणावर निर्णय',
    case_review: 'इतर काहीही देय नसलेल्या खुल्या प्रकरणाचा आढावा',
  },
  urgentIssue: {
    child_marriage: 'लवकरच होणार असलेला बालविवाह',
    violence_or_abuse: 'बालकावर हिंसा किंवा अत्याचार',
    child_labour: 'कामासाठी शाळेपासून दूर ठेवलेले बालक',
  },
  helplineRoute: {
    district_unit: 'जिल्हा चाइल्ड हेल्पलाइन कक्ष',
    police_112: 'पोलीस (112)',
    womens_181: 'महिला हेल्पलाइन (181)',
    cwc: 'बाल कल्याण समिती',
    railway_desk: 'रेल्वे चाइल्ड हेल्प डेस्क',
    unit: 'कक्ष',
  },
  formRef: { label: 'फॉर्म {{n}}' },
  issueText: {
    required: 'आवश्यक',
    tooLong: 'खूप मोठे (जास्तीत जास्त {{n}} अक्षरे)',
    tooShort: 'खूप लहान (किमान {{n}} अक्षरे)',
    chooseOne: 'पर्यायांपैकी एक निवडा',
    chooseAtLeastOne: 'किमान एक निवडा',
    number: 'संख्या असावी',
    max: 'जास्तीत जास्त {{n}}',
    min: 'किमान {{n}}',
    invalidId: 'वैध नोंद नाही',
    dateFormat: 'तारीख असावी',
    notRealDate: 'ही खरी तारीख नाही',
    future: 'भविष्यातील असू शकत नाही',
    unknownField: 'फॉर्मने सर्व्हरला माहीत नसलेली माहिती पाठवली; पान पुन्हा लोड करा',
    invalid: 'वैध नाही',
  },
  importIssue: {
    noDistrict: '“{{place}}” नावाचा जिल्हा नाही',
    outside: '“{{place}}” तुमच्या कार्यक्षेत्राबाहेर आहे',
    villageNeedsTaluka: 'गाव “{{place}}” नोंदलेले नाही: ते जोडण्यासाठी त्याचा तालुका लिहा',
    noTaluka: 'या जिल्ह्यात “{{place}}” नावाचा तालुका नाही',
    dobOrAge: 'जन्मतारीख किंवा वय लिहा',
    wholeRupees: 'पूर्ण रुपयांत असावे',
    negative: 'ऋण असू शकत नाही',
    dupRegistered: 'आधीच नोंदलेल्या बालकासारखे दिसते: दुहेरी नोंदींच्या पडताळणीसाठी थांबवले',
    dupInFile: 'या फाइलमधील आधीच्या ओळीसारखे दिसते: दुहेरी नोंदींच्या पडताळणीसाठी थांबवले',
    missingColumn: 'हा स्तंभ पहिल्या ओळीत नाही',
    unknownColumn: 'हा स्तंभ आयातीत ओळखला जात नाही',
    alreadyImported: 'ही फाइल आधीच आयात झाली आहे: काहीही लिहिले नाही',
  },
  match: MATCH_WORDS.mr,
  email: EMAIL_WORDS.mr,
  sms: SMS_WORDS.mr,
  fieldLabel: {
    ...FIELD_LABELS.mr,
    district: 'जिल्हा',
    taluka: 'तालुका',
    village: 'गाव',
    family_ref: 'कुटुंब संदर्भ',
    head_name: 'कुटुंबप्रमुख',
    head_name_local: 'कुटुंबप्रमुख (स्थानिक लिपी)',
    caregiver_type: 'काळजीवाहक',
    annual_income: 'वार्षिक उत्पन्न',
    vulnerability_factors: 'असुरक्षिततेची कारणे',
    child_name: 'बालकाचे नाव',
    child_name_local: 'बालकाचे नाव (स्थानिक लिपी)',
    dob: 'जन्मतारीख',
    care_status: 'काळजीची स्थिती',
    school_status: 'शाळेची स्थिती',
    name: 'नाव',
    dateOfBirth: 'जन्मतारीख',
    sex: 'लिंग',
    villageId: 'गाव',
    familyId: 'कुटुंब',
    childId: 'बालक',
    note: 'टीप',
    date: 'तारीख',
    dueDate: 'मुदत',
    nextReviewDate: 'पुढील आढाव्याची तारीख',
    referralId: 'संदर्भ',
    phone: 'फोन नंबर',
    reporterName: 'तुमचे नाव',
    reporterPhone: 'तुमचा फोन नंबर',
    chairPersonId: 'बैठकीचे अध्यक्ष',
    department: 'विभाग',
    role: 'भूमिका',
    email: 'ई-मेल',
    password: 'पासवर्ड',
    file: 'फाइल',
    reason: 'कारण',
    form: 'आदेशाचा फॉर्म',
    toLevel: 'स्तर',
    fromLevel: 'स्तर',
    domains: 'क्षेत्रे',
    answers: 'उत्तरे',
    description: 'वर्णन',
    lastSeenAt: 'शेवटचे कधी दिसले',
    lastSeenPlace: 'शेवटचे कुठे दिसले',
    age: 'वय',
    relation: 'नाते',
    members: 'सदस्य',
    items: 'नोंदी',
  },
  refusal: {
    INVALID_ACTION: 'ही कार्यवाही नीट भरलेली नाही.',
    NO_INTAKE: 'प्रकरण अजून उघडलेले नाही.',
    ALREADY_OPENED: 'प्रकरण आधीच उघडलेले आहे.',
    BEFORE_PREVIOUS_ACTION: 'ही तारीख प्रकरणात नोंदलेल्या मागील कार्यवाहीच्या आधीची आहे.',
    IN_FUTURE: 'तारीख भविष्यातील असू शकत नाही.',
    CASE_CLOSED: 'प्रकरण बंद आहे.',
    ALREADY_CLOSED: 'प्रकरण आधीच बंद आहे.',
    NOT_CLOSED: 'प्रकरण बंद नाही.',
    DATE_BEFORE_INTAKE: 'ही तारीख प्रकरणाची माहिती मिळण्याच्या आधीची आहे.',
    DATE_BEFORE_ACTION: 'ही तारीख उलटून गेली आहे.',
    DATE_AFTER_ACTION: 'ही तारीख कार्यवाही नोंदवल्यानंतरची आहे.',
    NOT_PRODUCED: 'बालकाला अजून बाल कल्याण समितीसमोर हजर केलेले नाही.',
    SIR_NOT_ORDERED: 'बाल कल्याण समितीने सामाजिक चौकशी अहवालाचा (फॉर्म 21) आदेश दिलेला नाही.',
    SIR_ALREADY_ORDERED: 'सामाजिक चौकशी अहवालाचा आदेश आधीच आहे आणि अहवाल अजून सादर झालेला नाही.',
    FORM44_REQUIRED: 'पुनर्स्थापनेसाठी बाल कल्याण समितीचा सुटका-नि-पुनर्स्थापना आदेश (फॉर्म 44) हवा.',
    CWC_ORDER_REQUIRED: 'यासाठी बाल कल्याण समितीचा आदेश हवा.',
    CARE_OPTION_REASON_REQUIRED: 'हा संगोपनाचा प्रकार निवडण्याचे कारण लिहा.',
    DUPLICATE_DOMAIN: 'काळजी योजनेतील एक क्षेत्र दोनदा लिहिले आहे.',
    DUPLICATE_REFERRAL: 'हा रेफरल आधीच प्रकरणात आहे.',
    UNKNOWN_REFERRAL: 'या प्रकरणात निर्णयासाठी कोणताही रेफरल नाही.',
    REFERRAL_ALREADY_DECIDED: 'या रेफरलवर आधीच निर्णय झाला आहे.',
    REFERRAL_NOT_ACCEPTED: 'रेफरल स्वीकारलेला नाही.',
    NO_CARE_PLAN: 'आढाव्यासाठी वैयक्तिक काळजी योजना (फॉर्म 7) नाही.',
    WRONG_LEVEL: 'प्रकरण आता दुसऱ्या स्तरावर आहे.',
    ALREADY_AT_TOP: 'प्रकरण राज्य स्तरावर आहे; यापेक्षा वरचा स्तर नाही.',
    NOT_HIGHER_LEVEL: 'प्रकरण फक्त वरच्या स्तरावर पाठवता येते.',
    ALREADY_AT_LOWEST: 'प्रकरण गाव स्तरावर आहे; यापेक्षा खालचा स्तर नाही.',
    NOT_LOWER_LEVEL: 'प्रकरण फक्त खालच्या स्तरावर परत पाठवता येते.',
    TRANSFER_PENDING: 'प्रकरणाच्या हस्तांतरणावर निर्णय बाकी आहे.',
    SAME_DISTRICT: 'प्रकरण आधीच त्याच जिल्ह्यात आहे.',
    NO_PENDING_TRANSFER: 'निर्णयासाठी कोणतेही हस्तांतरण बाकी नाही.',
    NOT_TRANSFER_RECIPIENT: 'या हस्तांतरणावर फक्त स्वीकारणारा कक्ष निर्णय घेऊ शकतो.',
    NOT_TRANSFER_REQUESTER: 'हस्तांतरण मागणारा कक्षच ते रद्द करू शकतो.',
    NOT_RESTORED: 'पाठपुरावा भेटी पुनर्स्थापना आदेशानंतर (फॉर्म 44) होतात; असा आदेश नोंदलेला नाही.',
    OPEN_REFERRALS: 'प्रकरणातील रेफरल अजून खुले आहेत.',
    CWC_ORDER_PENDING: 'बाल कल्याण समितीच्या आदेशाची प्रतीक्षा आहे.',
    RESTORATION_ORDER_REQUIRED: 'यासाठी बाल कल्याण समितीचा पुनर्स्थापना आदेश हवा.',
    NOTE_REQUIRED: 'टीप लिहा.',
    NO_CHANGE: 'यामुळे काहीही बदलणार नाही.',
    WRONG_ORDER_FORM: 'या प्रकारचा आदेश या नमुन्यावर दिला जात नाही: आदर्श नियमांत दिलेला नमुना निवडा.',
    RECONSIDERATION_PERIOD:
      'बालक सोपवणाऱ्या पालकांचे पुनर्विचाराचे दोन महिने (बाल न्याय अधिनियम कलम 35(3)) अजून पूर्ण झालेले नाहीत; त्यानंतरच बालकाला दत्तक ग्रहणासाठी कायदेशीरदृष्ट्या मुक्त घोषित करता येईल.',
    PRODUCTION_NOT_OWED:
      'प्रवासाचा वेळ बालक समितीसमोर हजर करण्याच्या वाटेवर असतानाच मोजला जातो (बाल न्याय अधिनियम कलम 31(1)); बालक आधीच हजर केले आहे किंवा हजेरी आवश्यक नाही.',
    AGE_TEST_NOT_ORDERED:
      'शाळेचा, मॅट्रिकचा किंवा जन्म दाखला न मिळाल्याने बाल कल्याण समितीने वैद्यकीय वय चाचणीचा आदेश दिला असेल तेव्हाच ती आधार ठरते (बाल न्याय अधिनियम कलम 94(2)).',
  },
  validation: {
    required: 'आवश्यक',
    chooseAtLeastOne: 'किमान एक निवडा',
    chooseAtLeast_one: 'किमान {{count}} निवडा',
    chooseAtLeast_other: 'किमान {{count}} निवडा',
    tooShort_one: 'किमान {{count}} अक्षर',
    tooShort_other: 'किमान {{count}} अक्षरे',
    tooMany_zero: 'जास्तीत जास्त {{count}} बाबी',
    tooMany_one: 'जास्तीत जास्त {{count}} बाब',
    tooMany_other: 'जास्तीत जास्त {{count}} बाबी',
    invalid: 'वैध नाही: ही माहिती पुन्हा पाहा',
    unknownField: 'या फॉर्मने सर्व्हरला माहीत नसलेली माहिती पाठवली; पान पुन्हा लोड करा',
    nameLetters: 'नावात अक्षरे असावीत',
  },
};

export const CATALOGUE: Record<CatalogueLang, CatalogueTree> = { en, hi, mr };

const LOCALES: Record<CatalogueLang, string> = { en: 'en-IN', hi: 'hi-IN', mr: 'mr-IN' };

function lookup(tree: CatalogueTree, key: string): string | undefined {
  let node: string | CatalogueTree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The reader's language from an Accept-Language header or a profile value; English otherwise. */
export function catalogueLang(value: string | null | undefined): CatalogueLang {
  for (const tag of (value ?? '').split(',')) {
    const base = tag.trim().split(/[-;]/)[0]!.toLowerCase();
    if (base === 'en' || base === 'hi' || base === 'mr') return base;
  }
  return 'en';
}

/**
 * A sentence for people, on the server (PDF, SMS, e-mail, API reasons): the same catalogue and
 * the same rules as i18next in the browser ({{name}} placeholders; `count` picks `_one`/`_other`,
 * and Hindi 0 takes the plural as Intl.PluralRules says), falling back to English, then the key.
 */
export function translate(lang: CatalogueLang, key: string, vars: Record<string, string | number> = {}): string {
  const pick = (tree: CatalogueTree): string | undefined => {
    if (typeof vars.count === 'number') {
      // Hindi's plural rules put 0 with 1; the glossary wants "0 चीज़ें": `_zero` first, as i18next does.
      const zero = vars.count === 0 ? lookup(tree, `${key}_zero`) : undefined;
      const form = new Intl.PluralRules(LOCALES[lang]).select(vars.count);
      return zero ?? lookup(tree, `${key}_${form}`) ?? lookup(tree, `${key}_other`) ?? lookup(tree, key);
    }
    return lookup(tree, key);
  };
  const text = pick(CATALOGUE[lang]) ?? pick(CATALOGUE.en) ?? key;
  return text.replace(/{{(\w+)}}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Every key of a tree, dotted (for the completeness test). */
export function catalogueKeys(tree: CatalogueTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : catalogueKeys(v, `${prefix}${k}.`)));
}

/**
 * Numbers and dates on the server in the reader's language: Indian grouping (1,23,456) in all
 * three, Latin digits (Marathi's ICU default is Devanagari digits; the glossary wants Latin, as
 * the web app shows), and a due date as its IST calendar day with no clock time.
 */
const INTL: Record<CatalogueLang, string> = { en: 'en-IN', hi: 'hi-IN-u-nu-latn', mr: 'mr-IN-u-nu-latn' };

export function formatNumber(lang: CatalogueLang, n: number): string {
  return new Intl.NumberFormat(INTL[lang]).format(n);
}

export function formatMoney(lang: CatalogueLang, n: number): string {
  // ICU's Marathi currency pattern groups in thousands ("₹500,000"): the symbol is put by hand.
  return `${n < 0 ? '-' : ''}₹${formatNumber(lang, Math.abs(Math.round(n)))}`;
}

/** A calendar day (YYYY-MM-DD, or an instant taken on its IST day): "6 Dec 2026", no clock time. */
export function formatDay(lang: CatalogueLang, day: string | Date): string {
  const d = typeof day === 'string' && day.length === 10 ? new Date(`${day}T00:00:00Z`) : new Date(day);
  const timeZone = typeof day === 'string' && day.length === 10 ? 'UTC' : 'Asia/Kolkata';
  return new Intl.DateTimeFormat(INTL[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(d);
}

/** An instant whose hour matters (a 24-hour limit, a 1098 response target), in IST. */
export function formatStamp(lang: CatalogueLang, at: Date | string): string {
  return new Intl.DateTimeFormat(INTL[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(new Date(at));
}

/** A CWC order form's code ("form44", "form_44", "44") as people write it: "Form 44", "फॉर्म 44". */
export function formLabel(lang: CatalogueLang, code: string): string {
  const n = /(\d+[A-Z]?)$/i.exec(code.trim())?.[1];
  return n ? translate(lang, 'formRef.label', { n: n.toUpperCase() }) : code;
}

/** zod's and the server's English reasons → a catalogue reason (the browser's errors.ts does the same). */
const REASONS: [RegExp, string, ((m: RegExpExecArray) => Record<string, string | number>)?][] = [
  [/^(is required|Required)$/, 'issueText.required'],
  [/^Invalid input: expected \w+, received (undefined|null)/, 'issueText.required'],
  [/^Too small: expected string to have >=1(?!\d)/, 'issueText.required'],
  [/^Too small: expected array to have >=1 items?$/, 'issueText.chooseAtLeastOne'],
  [/^Too small: expected string to have >=(\d+)/, 'issueText.tooShort', (m) => ({ n: Number(m[1]) })],
  [/^Too big: expected string to have <=(\d+)/, 'issueText.tooLong', (m) => ({ n: Number(m[1]) })],
  [/^is too long \((\d+) characters at most\)/, 'issueText.tooLong', (m) => ({ n: Number(m[1]) })],
  [/^Too big: expected number to be <=(\d+)/, 'issueText.max', (m) => ({ n: Number(m[1]) })],
  [/^Too small: expected number to be >=(\d+)/, 'issueText.min', (m) => ({ n: Number(m[1]) })],
  [/^Invalid input: expected (number|int)/, 'issueText.number'],
  [/^Invalid option/, 'issueText.chooseOne'],
  [/^Invalid (UUID|uuid)/, 'issueText.invalidId'],
  [/^must be a date YYYY-MM-DD/, 'issueText.dateFormat'],
  [/^is not a real date/, 'issueText.notRealDate'],
  [/^cannot be in the future/, 'issueText.future'],
  [/unknown field\)?$|^Unrecognized key/, 'issueText.unknownField'],
  [/^must contain (at least two letters|a letter)/, 'validation.nameLetters'],
  // The import's row reasons (src/registry/import): place names are the file's own words.
  [/^no district named "(.*)"$/, 'importIssue.noDistrict', (m) => ({ place: m[1]! })],
  [/^"(.*)" is outside your jurisdiction$/, 'importIssue.outside', (m) => ({ place: m[1]! })],
  [/^village "(.*)" is not registered in /, 'importIssue.villageNeedsTaluka', (m) => ({ place: m[1]! })],
  [/^no taluka named "(.*)" in /, 'importIssue.noTaluka', (m) => ({ place: m[1]! })],
  [/^give dob or age$/, 'importIssue.dobOrAge'],
  [/^must be whole rupees$/, 'importIssue.wholeRupees'],
  [/^cannot be negative$/, 'importIssue.negative'],
  [/^must be (\d+) or under$/, 'issueText.max', (m) => ({ n: Number(m[1]) })],
  [/^looks like a child already registered/, 'importIssue.dupRegistered'],
  [/^looks like an earlier row of this file/, 'importIssue.dupInFile'],
  [/^column ".*" is missing from the header/, 'importIssue.missingColumn'],
  [/^column ".*" is not one of /, 'importIssue.unknownColumn'],
  [/^has already been imported$/, 'importIssue.alreadyImported'],
];

/** A field's name for people: the last named part of its path ("items.2.dateOfBirth" → "Date of birth"). */
export function fieldLabel(lang: CatalogueLang, field: string): string {
  const last =
    field
      .split('.')
      .filter((p) => !/^\d+$/.test(p) && p !== 'body' && p !== 'querystring' && p !== 'params')
      .pop() ?? '';
  const known = lookup(CATALOGUE[lang], `fieldLabel.${last}`);
  if (known) return known;
  // Not in the catalogue: the name in plain words, never the internal spelling ("chairPersonId").
  const words = last
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : translate(lang, 'issueText.invalid');
}

/**
 * One refused field as a sentence for people, in the reader's language: "Domains: choose at least
 * one" for zod's "Too small: expected array to have >=1 items". A reason the catalogue does not
 * know (a domain's own sentence) is kept as written; zod's own English never shows raw.
 */
export function issueText(lang: CatalogueLang, field: string, message: string): string {
  let reason: string | undefined;
  for (const [re, key, vars] of REASONS) {
    const m = re.exec(message);
    if (m) {
      reason = translate(lang, key, vars?.(m));
      break;
    }
  }
  reason ??= /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(message) ? translate(lang, 'issueText.invalid') : message;
  return field ? `${fieldLabel(lang, field)}: ${reason}` : reason;
}

/** A compared field of a missing-child match ("father"), in the reader's language. */
export function matchFieldText(lang: CatalogueLang, f: { id: string; label: string }): string {
  return lookup(CATALOGUE[lang], `match.field.${f.id}`) ?? f.label;
}

/**
 * The level the engine found ("spelling/script variant") in the reader's language. Keyed by the
 * level's number; where the model's English no longer reads as the catalogue's (a refitted model
 * with other levels), the model's own words, never another level's translation.
 */
export function matchLevelText(lang: CatalogueLang, f: { id: string; level: number; levelLabel: string }): string {
  const key = `match.level.${f.id}.${f.level}`;
  if (lookup(CATALOGUE.en, key) !== f.levelLabel) return f.levelLabel;
  return lookup(CATALOGUE[lang], key) ?? f.levelLabel;
}

/** The engine's explanation ("name: close variant (+6.1), father: exact (+7.0)") in the reader's language. */
export function matchExplanation(
  lang: CatalogueLang,
  fields: readonly { id: string; label: string; level: number; levelLabel: string; weight: number }[],
): string {
  const sign = (w: number) => (w >= 0 ? '+' : '');
  return fields.map((f) => `${matchFieldText(lang, f)}: ${matchLevelText(lang, f)} (${sign(f.weight)}${f.weight.toFixed(1)})`).join(', ');
}
