// Strings of the case screens in English, Hindi and Marathi (merged into the shared
// translations by the module). A refusal's reason comes from the case domain in English
// (src/cases/domain/transitions.ts) and is shown as written, with its stable code.

const en = {
  cases: {
    nav: { cases: 'Cases', tasks: 'My tasks', referrals: 'Referrals to us', alerts: 'Alerts' },
    status: {
      intake: 'Intake', under_assessment: 'Under assessment', under_cwc: 'Before the CWC', care_plan_active: 'Care plan active',
      under_review: 'Plan under revision', escalated: 'Escalated', transfer_pending: 'Transfer pending', closed: 'Closed', open: 'Open (not closed)',
    },
    level: { village: 'Village', block: 'Block / taluka', district: 'District', state: 'State' },
    risk: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    source: {
      vcpc: 'Village Child Protection Committee', bal_panchayat: 'Bal Panchayat', anganwadi: 'Anganwadi worker', asha: 'ASHA worker', school: 'School',
      police: 'Police', helpline: 'Child helpline 1098', walk_in: 'Walk-in', convergence_group: 'Convergence group', ngo: 'NGO', cwc_direct: 'CWC directly',
    },
    domain: {
      health: 'Health', emotional_psychological: 'Emotional and psychological', education_training: 'Education and training', leisure: 'Leisure and play',
      attachments: 'Attachments and relationships', religious_beliefs: 'Religious beliefs', protection_from_abuse: 'Protection from abuse',
      social_mainstreaming: 'Social mainstreaming', follow_up_after_restoration: 'Follow-up after restoration', family_background: 'Family background',
      economic_status: 'Economic status', living_conditions: 'Living conditions',
    },
    careOption: {
      own_family: 'Own family', kinship: 'Kinship care', in_country_adoption: 'In-country adoption', foster_care: 'Foster care',
      inter_country_adoption: 'Inter-country adoption', institution: 'Child care institution',
    },
    orderType: {
      restoration: 'Restoration (Form 44)', kinship_care: 'Kinship care', foster_care: 'Foster care', sponsorship: 'Sponsorship', cci_placement: 'Placement in a CCI',
      saa_placement: 'Placement in an SAA', fit_facility: 'Fit facility', fit_person: 'Fit person', lfa_declaration: 'Legally free for adoption (Form 25)',
      aftercare: 'Aftercare', other: 'Other order',
    },
    orderKind: { interim: 'Interim', final: 'Final' },
    closureReason: {
      restored_to_family: 'Restored to the family', family_based_care: 'In family-based care', aged_out: 'Turned 18', transferred: 'Transferred out',
      died: 'The child died', duplicate: 'Duplicate record', other: 'Other reason',
    },
    reviewOutcome: { continue: 'Continue the plan', revise_plan: 'Revise the plan', ready_for_closure: 'Ready for closure' },
    referralStatus: { pending: 'Awaiting answer', accepted: 'Accepted', declined: 'Declined', done: 'Done', cancelled: 'Cancelled' },
    due: {
      cwc_production: 'Production before the CWC', sir_submission: 'Social Investigation Report', cwc_final_order: 'CWC final order',
      care_plan_review: 'Care plan review', referral_response: 'Answer to a referral', referral_completion: 'Referred service',
      escalation_response: 'Action on the escalation', post_restoration_follow_up: 'Follow-up visit', transfer_response: 'Decision on the transfer', case_review: 'Case review',
    },
    action: {
      intake: 'Intake', produced_before_cwc: 'Produced before the CWC', sir_ordered: 'SIR ordered (Form 21)', sir_submitted: 'SIR submitted (Form 22)',
      assessment: 'Assessment', care_plan: 'Individual Care Plan (Form 7)', cwc_order: 'CWC order', referral: 'Referral', referral_accepted: 'Referral accepted',
      referral_declined: 'Referral declined', referral_done: 'Referred service done', review: 'Review', escalation: 'Escalation', returned_down: 'Sent back down',
      flagged_for_convergence: 'Flagged for the convergence group', transfer_requested: 'Transfer requested', transfer_accepted: 'Transfer accepted',
      transfer_rejected: 'Transfer rejected', transfer_cancelled: 'Transfer withdrawn', follow_up_visit: 'Follow-up visit', closure: 'Closure', reopening: 'Reopening', note: 'Note', owner_changed: 'Owner changed',
    },
    flag: {
      convergence: 'Convergence', escalated: 'Escalated', transfer_pending: 'Transfer', open_referrals: 'Open referrals', production_owed: 'Production owed',
      statutory_due: 'Statutory deadline', ready_for_closure: 'Ready for closure', reopened: 'Reopened',
    },
    queue: { all: 'All I can see', mine: 'Mine', unit: 'My unit', escalated: 'Escalated to us', transfers: 'Transfers to us', convergence: 'For convergence' },
    attachmentKind: { document: 'Document', photo: 'Photo', order: 'Order', report: 'Report', certificate: 'Certificate', other: 'Other' },
    field: {
      risk: 'Risk', needs: 'Needs', need: 'Need', domain: 'Domain', productionNeeded: 'Must go before the CWC', producedAt: 'Produced on',
      formRef: 'Form reference', findings: 'Findings', finding: 'Finding', recommendation: 'Recommendation', recommendedCareOption: 'Recommended care',
      kind: 'Kind', orderType: 'Order', orderedOn: 'Ordered on', orderRef: 'Order number', careOption: 'Care option', careOptionReason: 'Why better options were ruled out',
      goals: 'Goals (one a line)', services: 'Services (one a line)', provider: 'Provider', targetDate: 'Target date', to: 'Refer to', dueDate: 'Due by',
      referral: 'Referral', reason: 'Reason', outcome: 'Outcome', notes: 'Notes', nextReviewDate: 'Next review by', toLevel: 'To level', tried: 'What was tried',
      instructions: 'Instructions', toDistrict: 'To district', visitedOn: 'Visited on', childSafe: 'The child is safe', nextVisitDate: 'Next visit by',
      note: 'Note', text: 'Text', file: 'File (PDF, JPEG or PNG, up to 10 MB)', description: 'Description', source: 'Source', reporterName: 'Reported by',
      reporterRole: 'Their role', reporterContact: 'Contact (optional)', reportedOn: 'Came to notice on', concerns: 'Concerns (one a line)', child: 'Child',
      level: 'Level', addRow: 'Add', removeRow: 'Remove',
    },
    list: {
      title: 'Cases', intro: 'Children in need of care and protection, soonest due first', count: '{{n}} cases', none: 'No case matches.', newCase: 'Open a case',
      child: 'Child', status: 'Status', level: 'Level', risk: 'Risk', nextDue: 'Next due', village: 'Village', queue: 'Queue', overdueOnly: 'Overdue only', any: 'Any',
      number: 'Case',
    },
    page: {
      title: 'Case {{n}}', history: 'History', due: 'What is due', nothingDue: 'Nothing is due.', referrals: 'Referrals', attachments: 'Attachments',
      noAttachments: 'No attachments.', upload: 'Attach', act: 'Record an action', choose: 'What happened?', notNow: 'Not possible now', by: 'by {{who}} ({{unit}})',
      owner: 'Owner', place: 'Level and place', cwc: 'CWC proceedings', plan: 'Care plan', escalations: 'Escalations', referralView: 'You see this case because a service was referred to your organisation: only your referrals are shown.',
      age: '{{n}} years', refused: 'Not recorded', download: 'Download', basis: 'Basis', assignedTo: 'With', recorded: 'Recorded.',
    },
    disclosure: {
      title: 'CWC non-disclosure order', none: "No order restricts the child's identity.", inForce: 'In force', order: 'Order {{ref}} of {{date}}',
      effect: "Division-of-labour notes show only the case reference and the child's initials (JJ Act 2015 s.74).", set: 'Record an order', change: 'Change the order',
      lift: 'Lift the order', liftConfirm: 'Lift the non-disclosure order? Notes will name the child again where the reader may know.',
      orderRef: 'Order reference', orderedOn: 'Date of the order', required: 'Required', future: 'The order date cannot be in the future',
    },
    tasks: { title: 'Tasks', intro: 'What is due and overdue on the cases', mine: 'Mine', unit: 'My unit', count: '{{n}} tasks, {{overdue}} overdue', none: 'Nothing is due.', case: 'Case', what: 'What', dueBy: 'Due by' },
    referrals: { title: 'Referrals to us', intro: 'Services referred to your organisation: answer and report them here', none: 'No referral.', status: 'Status', answer: 'Answer' },
    alerts: { title: 'Alerts', none: 'No alerts.', markRead: 'Mark read', markAll: 'Mark all read', unread: '{{n}} unread' },
    intake: {
      title: 'Open a case', intro: 'Record how the child came to notice. The statutory timelines start now.', existing: 'A registered child', newChild: 'A new child',
      search: 'Find the child by name', submit: 'Open the case', name: 'Name', sex: 'Sex', ageYears: 'Age (years)', village: 'Village',
    },
    common: { overdue: 'Overdue', statutory: 'Statutory', save: 'Save', cancel: 'Cancel', none: 'None', yes: 'Yes', no: 'No', dueIn: 'due {{date}}' },
  },
};

type Tree = { [k: string]: string | Tree };

const hi: typeof en = {
  cases: {
    nav: { cases: 'प्रकरण', tasks: 'मेरे कार्य', referrals: 'हमें भेजे गए रेफ़रल', alerts: 'सूचनाएँ' },
    status: {
      intake: 'प्रारंभिक दर्ज', under_assessment: 'मूल्यांकन जारी', under_cwc: 'बाल कल्याण समिति के समक्ष', care_plan_active: 'देखभाल योजना लागू',
      under_review: 'योजना में संशोधन', escalated: 'ऊपर भेजा गया', transfer_pending: 'स्थानांतरण लंबित', closed: 'बंद', open: 'खुले (बंद नहीं)',
    },
    level: { village: 'गाँव', block: 'ब्लॉक / तालुका', district: 'ज़िला', state: 'राज्य' },
    risk: { low: 'कम', medium: 'मध्यम', high: 'उच्च', critical: 'गंभीर' },
    source: {
      vcpc: 'ग्राम बाल संरक्षण समिति', bal_panchayat: 'बाल पंचायत', anganwadi: 'आंगनवाड़ी कार्यकर्ता', asha: 'आशा कार्यकर्ता', school: 'विद्यालय',
      police: 'पुलिस', helpline: 'चाइल्ड हेल्पलाइन 1098', walk_in: 'स्वयं आए', convergence_group: 'अभिसरण समूह', ngo: 'स्वयंसेवी संस्था', cwc_direct: 'सीधे बाल कल्याण समिति',
    },
    domain: {
      health: 'स्वास्थ्य', emotional_psychological: 'भावनात्मक व मनोवैज्ञानिक', education_training: 'शिक्षा व प्रशिक्षण', leisure: 'मनोरंजन व खेल',
      attachments: 'लगाव व संबंध', religious_beliefs: 'धार्मिक आस्था', protection_from_abuse: 'दुर्व्यवहार से सुरक्षा',
      social_mainstreaming: 'सामाजिक मुख्यधारा', follow_up_after_restoration: 'पुनर्स्थापन के बाद अनुवर्ती', family_background: 'पारिवारिक पृष्ठभूमि',
      economic_status: 'आर्थिक स्थिति', living_conditions: 'रहन-सहन की स्थिति',
    },
    careOption: {
      own_family: 'अपना परिवार', kinship: 'रिश्तेदारों की देखभाल', in_country_adoption: 'देश में दत्तक ग्रहण', foster_care: 'पालन-पोषण देखभाल',
      inter_country_adoption: 'अंतर-देशीय दत्तक ग्रहण', institution: 'बाल देखरेख संस्था',
    },
    orderType: {
      restoration: 'पुनर्स्थापन (प्रपत्र 44)', kinship_care: 'रिश्तेदारों की देखभाल', foster_care: 'पालन-पोषण देखभाल', sponsorship: 'प्रायोजन', cci_placement: 'बाल देखरेख संस्था में',
      saa_placement: 'विशेषीकृत दत्तक ग्रहण एजेंसी में', fit_facility: 'उपयुक्त सुविधा', fit_person: 'उपयुक्त व्यक्ति', lfa_declaration: 'दत्तक ग्रहण हेतु विधिक रूप से मुक्त (प्रपत्र 25)',
      aftercare: 'पश्चात देखभाल', other: 'अन्य आदेश',
    },
    orderKind: { interim: 'अंतरिम', final: 'अंतिम' },
    closureReason: {
      restored_to_family: 'परिवार को सौंपा गया', family_based_care: 'परिवार-आधारित देखभाल में', aged_out: '18 वर्ष पूरे', transferred: 'बाहर स्थानांतरित',
      died: 'बच्चे की मृत्यु', duplicate: 'दोहरा अभिलेख', other: 'अन्य कारण',
    },
    reviewOutcome: { continue: 'योजना जारी रखें', revise_plan: 'योजना संशोधित करें', ready_for_closure: 'बंद करने योग्य' },
    referralStatus: { pending: 'उत्तर की प्रतीक्षा', accepted: 'स्वीकृत', declined: 'अस्वीकृत', done: 'पूर्ण', cancelled: 'रद्द' },
    due: {
      cwc_production: 'बाल कल्याण समिति के समक्ष प्रस्तुति', sir_submission: 'सामाजिक जाँच रिपोर्ट', cwc_final_order: 'समिति का अंतिम आदेश',
      care_plan_review: 'देखभाल योजना की समीक्षा', referral_response: 'रेफ़रल का उत्तर', referral_completion: 'रेफ़र की गई सेवा',
      escalation_response: 'ऊपर भेजे प्रकरण पर कार्रवाई', post_restoration_follow_up: 'अनुवर्ती भेंट', transfer_response: 'स्थानांतरण पर निर्णय', case_review: 'प्रकरण की समीक्षा',
    },
    action: {
      intake: 'प्रारंभिक दर्ज', produced_before_cwc: 'समिति के समक्ष प्रस्तुत', sir_ordered: 'सामाजिक जाँच का आदेश (प्रपत्र 21)', sir_submitted: 'सामाजिक जाँच रिपोर्ट (प्रपत्र 22)',
      assessment: 'मूल्यांकन', care_plan: 'व्यक्तिगत देखभाल योजना (प्रपत्र 7)', cwc_order: 'समिति का आदेश', referral: 'रेफ़रल', referral_accepted: 'रेफ़रल स्वीकृत',
      referral_declined: 'रेफ़रल अस्वीकृत', referral_done: 'रेफ़र सेवा पूर्ण', review: 'समीक्षा', escalation: 'ऊपर भेजा', returned_down: 'नीचे लौटाया',
      flagged_for_convergence: 'अभिसरण समूह के लिए चिह्नित', transfer_requested: 'स्थानांतरण का अनुरोध', transfer_accepted: 'स्थानांतरण स्वीकृत',
      transfer_rejected: 'स्थानांतरण अस्वीकृत', transfer_cancelled: 'स्थानांतरण वापस लिया', follow_up_visit: 'अनुवर्ती भेंट', closure: 'बंद किया', reopening: 'फिर से खोला', note: 'टिप्पणी', owner_changed: 'प्रभारी बदला',
    },
    flag: {
      convergence: 'अभिसरण', escalated: 'ऊपर भेजा', transfer_pending: 'स्थानांतरण', open_referrals: 'खुले रेफ़रल', production_owed: 'प्रस्तुति बाकी',
      statutory_due: 'वैधानिक समय-सीमा', ready_for_closure: 'बंद करने योग्य', reopened: 'फिर से खोला',
    },
    queue: { all: 'जो मुझे दिखते हैं', mine: 'मेरे', unit: 'मेरी इकाई के', escalated: 'हमें भेजे गए', transfers: 'हमें स्थानांतरित', convergence: 'अभिसरण हेतु' },
    attachmentKind: { document: 'दस्तावेज़', photo: 'फ़ोटो', order: 'आदेश', report: 'रिपोर्ट', certificate: 'प्रमाणपत्र', other: 'अन्य' },
    field: {
      risk: 'जोखिम', needs: 'ज़रूरतें', need: 'ज़रूरत', domain: 'क्षेत्र', productionNeeded: 'समिति के समक्ष प्रस्तुत करना आवश्यक', producedAt: 'प्रस्तुति की तिथि',
      formRef: 'प्रपत्र संदर्भ', findings: 'निष्कर्ष', finding: 'निष्कर्ष', recommendation: 'अनुशंसा', recommendedCareOption: 'अनुशंसित देखभाल',
      kind: 'प्रकार', orderType: 'आदेश', orderedOn: 'आदेश की तिथि', orderRef: 'आदेश क्रमांक', careOption: 'देखभाल विकल्प', careOptionReason: 'बेहतर विकल्प क्यों नहीं',
      goals: 'लक्ष्य (हर पंक्ति में एक)', services: 'सेवाएँ (हर पंक्ति में एक)', provider: 'सेवा प्रदाता', targetDate: 'लक्ष्य तिथि', to: 'किसे रेफ़र करें', dueDate: 'अंतिम तिथि',
      referral: 'रेफ़रल', reason: 'कारण', outcome: 'परिणाम', notes: 'टिप्पणियाँ', nextReviewDate: 'अगली समीक्षा तक', toLevel: 'किस स्तर पर', tried: 'क्या प्रयास किया गया',
      instructions: 'निर्देश', toDistrict: 'किस ज़िले में', visitedOn: 'भेंट की तिथि', childSafe: 'बच्चा सुरक्षित है', nextVisitDate: 'अगली भेंट तक',
      note: 'टिप्पणी', text: 'पाठ', file: 'फ़ाइल (PDF, JPEG या PNG, 10 MB तक)', description: 'विवरण', source: 'स्रोत', reporterName: 'सूचना देने वाले',
      reporterRole: 'उनकी भूमिका', reporterContact: 'संपर्क (वैकल्पिक)', reportedOn: 'ध्यान में आने की तिथि', concerns: 'चिंताएँ (हर पंक्ति में एक)', child: 'बच्चा',
      level: 'स्तर', addRow: 'जोड़ें', removeRow: 'हटाएँ',
    },
    list: {
      title: 'प्रकरण', intro: 'देखभाल और संरक्षण की ज़रूरत वाले बच्चे, सबसे पहले देय ऊपर', count: '{{n}} प्रकरण', none: 'कोई प्रकरण नहीं मिला।', newCase: 'प्रकरण खोलें',
      child: 'बच्चा', status: 'स्थिति', level: 'स्तर', risk: 'जोखिम', nextDue: 'अगला देय', village: 'गाँव', queue: 'सूची', overdueOnly: 'केवल विलंबित', any: 'कोई भी',
      number: 'प्रकरण',
    },
    page: {
      title: 'प्रकरण {{n}}', history: 'इतिहास', due: 'क्या देय है', nothingDue: 'कुछ भी देय नहीं।', referrals: 'रेफ़रल', attachments: 'संलग्नक',
      noAttachments: 'कोई संलग्नक नहीं।', upload: 'संलग्न करें', act: 'कार्रवाई दर्ज करें', choose: 'क्या हुआ?', notNow: 'अभी संभव नहीं', by: '{{who}} द्वारा ({{unit}})',
      owner: 'प्रभारी', place: 'स्तर और स्थान', cwc: 'समिति की कार्यवाही', plan: 'देखभाल योजना', escalations: 'ऊपर भेजे गए', referralView: 'यह प्रकरण आपको इसलिए दिखता है क्योंकि आपकी संस्था को एक सेवा रेफ़र की गई है: केवल आपके रेफ़रल दिखाए गए हैं।',
      age: '{{n}} वर्ष', refused: 'दर्ज नहीं हुआ', download: 'डाउनलोड', basis: 'आधार', assignedTo: 'ज़िम्मेदार', recorded: 'दर्ज हो गया।',
    },
    disclosure: {
      title: 'बाल कल्याण समिति का गैर-प्रकटीकरण आदेश', none: 'कोई आदेश बच्चे की पहचान पर रोक नहीं लगाता।', inForce: 'लागू', order: 'आदेश {{ref}}, दिनांक {{date}}',
      effect: 'कार्य-विभाजन टिप्पणियों में केवल प्रकरण संदर्भ और बच्चे के आद्याक्षर दिखते हैं (किशोर न्याय अधिनियम 2015 धारा 74)।', set: 'आदेश दर्ज करें', change: 'आदेश बदलें',
      lift: 'आदेश हटाएँ', liftConfirm: 'गैर-प्रकटीकरण आदेश हटाएँ? जहाँ पाठक जान सकता है, टिप्पणियाँ फिर से बच्चे का नाम दिखाएँगी।',
      orderRef: 'आदेश संदर्भ', orderedOn: 'आदेश की तारीख', required: 'आवश्यक', future: 'आदेश की तारीख भविष्य की नहीं हो सकती',
    },
    tasks: { title: 'कार्य', intro: 'प्रकरणों पर क्या देय है और क्या विलंबित', mine: 'मेरे', unit: 'मेरी इकाई के', count: '{{n}} कार्य, {{overdue}} विलंबित', none: 'कुछ भी देय नहीं।', case: 'प्रकरण', what: 'क्या', dueBy: 'अंतिम तिथि' },
    referrals: { title: 'हमें भेजे गए रेफ़रल', intro: 'आपकी संस्था को रेफ़र की गई सेवाएँ: यहीं उत्तर दें और प्रगति बताएँ', none: 'कोई रेफ़रल नहीं।', status: 'स्थिति', answer: 'उत्तर' },
    alerts: { title: 'सूचनाएँ', none: 'कोई सूचना नहीं।', markRead: 'पढ़ा हुआ चिह्नित करें', markAll: 'सभी पढ़े हुए', unread: '{{n}} अपठित' },
    intake: {
      title: 'प्रकरण खोलें', intro: 'बच्चा कैसे ध्यान में आया, दर्ज करें। वैधानिक समय-सीमाएँ अभी से शुरू होती हैं।', existing: 'पंजीकृत बच्चा', newChild: 'नया बच्चा',
      search: 'नाम से बच्चा खोजें', submit: 'प्रकरण खोलें', name: 'नाम', sex: 'लिंग', ageYears: 'आयु (वर्ष)', village: 'गाँव',
    },
    common: { overdue: 'विलंबित', statutory: 'वैधानिक', save: 'सहेजें', cancel: 'रद्द करें', none: 'कोई नहीं', yes: 'हाँ', no: 'नहीं', dueIn: '{{date}} तक देय' },
  },
};

const mr: typeof en = {
  cases: {
    nav: { cases: 'प्रकरणे', tasks: 'माझी कामे', referrals: 'आम्हाला आलेले संदर्भ', alerts: 'सूचना' },
    status: {
      intake: 'प्राथमिक नोंद', under_assessment: 'मूल्यमापन सुरू', under_cwc: 'बाल कल्याण समितीसमोर', care_plan_active: 'काळजी योजना सुरू',
      under_review: 'योजनेत सुधारणा', escalated: 'वर पाठवले', transfer_pending: 'हस्तांतरण प्रलंबित', closed: 'बंद', open: 'सुरू (बंद नाही)',
    },
    level: { village: 'गाव', block: 'गट / तालुका', district: 'जिल्हा', state: 'राज्य' },
    risk: { low: 'कमी', medium: 'मध्यम', high: 'जास्त', critical: 'गंभीर' },
    source: {
      vcpc: 'ग्राम बाल संरक्षण समिती', bal_panchayat: 'बाल पंचायत', anganwadi: 'अंगणवाडी सेविका', asha: 'आशा कार्यकर्ती', school: 'शाळा',
      police: 'पोलीस', helpline: 'चाइल्ड हेल्पलाइन 1098', walk_in: 'स्वतः आले', convergence_group: 'अभिसरण गट', ngo: 'स्वयंसेवी संस्था', cwc_direct: 'थेट बाल कल्याण समिती',
    },
    domain: {
      health: 'आरोग्य', emotional_psychological: 'भावनिक व मानसिक', education_training: 'शिक्षण व प्रशिक्षण', leisure: 'विरंगुळा व खेळ',
      attachments: 'जिव्हाळा व नाती', religious_beliefs: 'धार्मिक श्रद्धा', protection_from_abuse: 'अत्याचारापासून संरक्षण',
      social_mainstreaming: 'सामाजिक मुख्य प्रवाह', follow_up_after_restoration: 'पुनर्वसनानंतर पाठपुरावा', family_background: 'कौटुंबिक पार्श्वभूमी',
      economic_status: 'आर्थिक स्थिती', living_conditions: 'राहणीमान',
    },
    careOption: {
      own_family: 'स्वतःचे कुटुंब', kinship: 'नातेवाईकांकडे संगोपन', in_country_adoption: 'देशांतर्गत दत्तक', foster_care: 'प्रतिपालकत्व',
      inter_country_adoption: 'आंतरदेशीय दत्तक', institution: 'बाल काळजी संस्था',
    },
    orderType: {
      restoration: 'पुनर्वसन (नमुना 44)', kinship_care: 'नातेवाईकांकडे संगोपन', foster_care: 'प्रतिपालकत्व', sponsorship: 'प्रायोजकत्व', cci_placement: 'बाल काळजी संस्थेत',
      saa_placement: 'विशेष दत्तक संस्थेत', fit_facility: 'योग्य सुविधा', fit_person: 'योग्य व्यक्ती', lfa_declaration: 'दत्तकासाठी कायदेशीर मुक्त (नमुना 25)',
      aftercare: 'नंतरची काळजी', other: 'इतर आदेश',
    },
    orderKind: { interim: 'अंतरिम', final: 'अंतिम' },
    closureReason: {
      restored_to_family: 'कुटुंबाकडे सोपवले', family_based_care: 'कुटुंब-आधारित काळजीत', aged_out: '18 वर्षे पूर्ण', transferred: 'बाहेर हस्तांतरित',
      died: 'बालकाचा मृत्यू', duplicate: 'दुहेरी नोंद', other: 'इतर कारण',
    },
    reviewOutcome: { continue: 'योजना सुरू ठेवा', revise_plan: 'योजनेत सुधारणा करा', ready_for_closure: 'बंद करण्यास तयार' },
    referralStatus: { pending: 'उत्तराची प्रतीक्षा', accepted: 'स्वीकारला', declined: 'नाकारला', done: 'पूर्ण', cancelled: 'रद्द' },
    due: {
      cwc_production: 'बाल कल्याण समितीसमोर हजर करणे', sir_submission: 'सामाजिक तपास अहवाल', cwc_final_order: 'समितीचा अंतिम आदेश',
      care_plan_review: 'काळजी योजनेचा आढावा', referral_response: 'संदर्भाला उत्तर', referral_completion: 'संदर्भित सेवा',
      escalation_response: 'वर पाठवलेल्या प्रकरणावर कार्यवाही', post_restoration_follow_up: 'पाठपुरावा भेट', transfer_response: 'हस्तांतरणावर निर्णय', case_review: 'प्रकरणाचा आढावा',
    },
    action: {
      intake: 'प्राथमिक नोंद', produced_before_cwc: 'समितीसमोर हजर केले', sir_ordered: 'सामाजिक तपासाचा आदेश (नमुना 21)', sir_submitted: 'सामाजिक तपास अहवाल (नमुना 22)',
      assessment: 'मूल्यमापन', care_plan: 'वैयक्तिक काळजी योजना (नमुना 7)', cwc_order: 'समितीचा आदेश', referral: 'संदर्भ', referral_accepted: 'संदर्भ स्वीकारला',
      referral_declined: 'संदर्भ नाकारला', referral_done: 'संदर्भित सेवा पूर्ण', review: 'आढावा', escalation: 'वर पाठवले', returned_down: 'खाली परत पाठवले',
      flagged_for_convergence: 'अभिसरण गटासाठी नोंदवले', transfer_requested: 'हस्तांतरणाची विनंती', transfer_accepted: 'हस्तांतरण स्वीकारले',
      transfer_rejected: 'हस्तांतरण नाकारले', transfer_cancelled: 'हस्तांतरण मागे घेतले', follow_up_visit: 'पाठपुरावा भेट', closure: 'बंद केले', reopening: 'पुन्हा उघडले', note: 'टीप', owner_changed: 'जबाबदार बदलला',
    },
    flag: {
      convergence: 'अभिसरण', escalated: 'वर पाठवले', transfer_pending: 'हस्तांतरण', open_referrals: 'सुरू संदर्भ', production_owed: 'हजर करणे बाकी',
      statutory_due: 'वैधानिक मुदत', ready_for_closure: 'बंद करण्यास तयार', reopened: 'पुन्हा उघडले',
    },
    queue: { all: 'मला दिसणारी सर्व', mine: 'माझी', unit: 'माझ्या घटकाची', escalated: 'आम्हाला पाठवलेली', transfers: 'आम्हाला हस्तांतरित', convergence: 'अभिसरणासाठी' },
    attachmentKind: { document: 'दस्तऐवज', photo: 'फोटो', order: 'आदेश', report: 'अहवाल', certificate: 'प्रमाणपत्र', other: 'इतर' },
    field: {
      risk: 'धोका', needs: 'गरजा', need: 'गरज', domain: 'क्षेत्र', productionNeeded: 'समितीसमोर हजर करणे आवश्यक', producedAt: 'हजर केल्याची तारीख',
      formRef: 'नमुना संदर्भ', findings: 'निष्कर्ष', finding: 'निष्कर्ष', recommendation: 'शिफारस', recommendedCareOption: 'शिफारस केलेली काळजी',
      kind: 'प्रकार', orderType: 'आदेश', orderedOn: 'आदेशाची तारीख', orderRef: 'आदेश क्रमांक', careOption: 'काळजीचा पर्याय', careOptionReason: 'चांगले पर्याय का नाहीत',
      goals: 'उद्दिष्टे (प्रत्येक ओळीत एक)', services: 'सेवा (प्रत्येक ओळीत एक)', provider: 'सेवा देणारे', targetDate: 'लक्ष्य तारीख', to: 'कोणाकडे संदर्भ', dueDate: 'मुदत',
      referral: 'संदर्भ', reason: 'कारण', outcome: 'निष्पत्ती', notes: 'टिपा', nextReviewDate: 'पुढील आढावा', toLevel: 'कोणत्या स्तरावर', tried: 'काय प्रयत्न केले',
      instructions: 'सूचना', toDistrict: 'कोणत्या जिल्ह्यात', visitedOn: 'भेटीची तारीख', childSafe: 'बालक सुरक्षित आहे', nextVisitDate: 'पुढील भेट',
      note: 'टीप', text: 'मजकूर', file: 'फाइल (PDF, JPEG किंवा PNG, 10 MB पर्यंत)', description: 'वर्णन', source: 'स्रोत', reporterName: 'माहिती देणारे',
      reporterRole: 'त्यांची भूमिका', reporterContact: 'संपर्क (ऐच्छिक)', reportedOn: 'लक्षात आल्याची तारीख', concerns: 'चिंता (प्रत्येक ओळीत एक)', child: 'बालक',
      level: 'स्तर', addRow: 'जोडा', removeRow: 'काढा',
    },
    list: {
      title: 'प्रकरणे', intro: 'काळजी व संरक्षणाची गरज असलेली बालके, सर्वात आधी देय वर', count: '{{n}} प्रकरणे', none: 'एकही प्रकरण जुळत नाही.', newCase: 'प्रकरण उघडा',
      child: 'बालक', status: 'स्थिती', level: 'स्तर', risk: 'धोका', nextDue: 'पुढील देय', village: 'गाव', queue: 'यादी', overdueOnly: 'फक्त मुदत उलटलेली', any: 'कोणतेही',
      number: 'प्रकरण',
    },
    page: {
      title: 'प्रकरण {{n}}', history: 'इतिहास', due: 'काय देय आहे', nothingDue: 'काहीही देय नाही.', referrals: 'संदर्भ', attachments: 'जोडपत्रे',
      noAttachments: 'जोडपत्रे नाहीत.', upload: 'जोडा', act: 'कार्यवाही नोंदवा', choose: 'काय झाले?', notNow: 'आत्ता शक्य नाही', by: '{{who}} यांनी ({{unit}})',
      owner: 'जबाबदार', place: 'स्तर व ठिकाण', cwc: 'समितीची कार्यवाही', plan: 'काळजी योजना', escalations: 'वर पाठवलेली', referralView: 'तुमच्या संस्थेकडे एक सेवा संदर्भित केल्यामुळे हे प्रकरण तुम्हाला दिसते: फक्त तुमचे संदर्भ दाखवले आहेत.',
      age: '{{n}} वर्षे', refused: 'नोंद झाली नाही', download: 'डाउनलोड', basis: 'आधार', assignedTo: 'जबाबदार', recorded: 'नोंद झाली.',
    },
    disclosure: {
      title: 'बाल कल्याण समितीचा अप्रकटीकरण आदेश', none: 'बालकाच्या ओळखीवर कोणताही आदेश निर्बंध घालत नाही.', inForce: 'लागू', order: 'आदेश {{ref}}, दिनांक {{date}}',
      effect: 'कामवाटप टिपणांमध्ये फक्त प्रकरण संदर्भ आणि बालकाची आद्याक्षरे दिसतात (बाल न्याय अधिनियम 2015 कलम 74).', set: 'आदेश नोंदवा', change: 'आदेश बदला',
      lift: 'आदेश मागे घ्या', liftConfirm: 'अप्रकटीकरण आदेश मागे घ्यायचा? जिथे वाचकाला माहीत असू शकते तिथे टिपणे पुन्हा बालकाचे नाव दाखवतील.',
      orderRef: 'आदेश संदर्भ', orderedOn: 'आदेशाचा दिनांक', required: 'आवश्यक', future: 'आदेशाचा दिनांक भविष्यातील असू शकत नाही',
    },
    tasks: { title: 'कामे', intro: 'प्रकरणांवर काय देय आहे आणि कशाची मुदत उलटली', mine: 'माझी', unit: 'माझ्या घटकाची', count: '{{n}} कामे, {{overdue}} मुदत उलटलेली', none: 'काहीही देय नाही.', case: 'प्रकरण', what: 'काय', dueBy: 'मुदत' },
    referrals: { title: 'आम्हाला आलेले संदर्भ', intro: 'तुमच्या संस्थेकडे संदर्भित सेवा: इथेच उत्तर द्या आणि प्रगती कळवा', none: 'एकही संदर्भ नाही.', status: 'स्थिती', answer: 'उत्तर' },
    alerts: { title: 'सूचना', none: 'सूचना नाहीत.', markRead: 'वाचले म्हणून नोंदवा', markAll: 'सर्व वाचले', unread: '{{n}} न वाचलेल्या' },
    intake: {
      title: 'प्रकरण उघडा', intro: 'बालक कसे लक्षात आले ते नोंदवा. वैधानिक मुदती आतापासून सुरू होतात.', existing: 'नोंदणीकृत बालक', newChild: 'नवीन बालक',
      search: 'नावाने बालक शोधा', submit: 'प्रकरण उघडा', name: 'नाव', sex: 'लिंग', ageYears: 'वय (वर्षे)', village: 'गाव',
    },
    common: { overdue: 'मुदत उलटली', statutory: 'वैधानिक', save: 'जतन करा', cancel: 'रद्द करा', none: 'काही नाही', yes: 'हो', no: 'नाही', dueIn: '{{date}} पर्यंत देय' },
  },
};

export const CASES_TRANSLATIONS: { en: Tree; hi: Tree; mr: Tree } = { en, hi, mr };
