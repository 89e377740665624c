// Strings of the missing and found children screens in English, Hindi and Marathi (merged
// into the shared translations by the module). The engine's level labels ("spelling/script
// variant", "found within 30 days") come from the match model in plain English.

const en = {
  missing: {
    nav: { review: 'Match review', records: 'Missing & found', moderation: 'Public reports', newRecord: 'Report missing/found', restorations: 'Restorations' },
    kind: { missing: 'Missing child', found: 'Found child' },
    status: { pending_moderation: 'Waiting for moderation', open: 'Open', matched: 'Matched', rejected: 'Rejected', closed: 'Closed' },
    matchStatus: { proposed: 'Proposed', confirmed: 'Confirmed', rejected: 'Rejected', superseded: 'Superseded' },
    restorationStatus: { awaiting_case: 'Waiting for a case', case_opened: 'Case opened', restored: 'Restored', closed: 'Closed' },
    source: {
      police: 'Police', railway_police: 'Railway police', helpline: 'Child helpline 1098', parent: 'Parent or guardian', citizen: 'Citizen',
      cwc: 'Child Welfare Committee', dcpu: 'DCPU', ngo: 'NGO', cci: 'Child care institution', other: 'Other',
    },
    care: { cci: 'Child care institution', shelter_home: 'Shelter home', police: 'With the police', hospital: 'Hospital', with_finder: 'With the person who found the child', with_family: 'With a family', unknown: 'Not known' },
    sex: { female: 'Girl', male: 'Boy', other: 'Other', unknown: 'Not known' },
    field: {
      kind: 'This is about', name: "Child's name", nameLocal: 'Name in another script', aliases: 'Other names (comma separated)', sex: 'Sex',
      age: 'Age (years)', ageEstimated: 'Age is an estimate', fatherName: "Father's name", motherName: "Mother's name", guardianName: "Guardian's name",
      language: 'Language spoken', height: 'Height (cm)', weight: 'Weight (kg)', marks: 'Identifying marks', clothing: 'Clothing', description: 'Description',
      state: 'State', district: 'District', homeDistrict: 'Home district', foundDistrict: 'District where found', place: 'Town or village', address: 'Home address',
      lastSeenOn: 'Date last seen', lastSeenPlace: 'Place last seen', foundOn: 'Date found', foundPlace: 'Place found', statedHome: 'What the child says about home',
      currentCare: 'Where the child is now', currentPlace: 'Name of that place', reporterName: 'Your name', reporterRelation: 'Relation to the child',
      reporterPhone: 'Phone number', reporterEmail: 'Email', policeStation: 'Police station', firNumber: 'FIR / missing report number', source: 'Reported by',
      reference: 'Reference', date: 'Date', districtShort: 'District', probability: 'Likelihood',
    },
    cmp: { name: 'Name', father: 'Father', mother: 'Mother', sex: 'Sex', age: 'Age', date: 'Dates', location: 'Place', language: 'Language', marks: 'Marks' },
    list: {
      title: 'Missing and found children', none: 'Nothing here.', count_one: '{{n}} record', count_other: '{{n}} records', any: 'Any', kind: 'Kind', status: 'Status', search: 'Name or reference',
      access: { via_match: 'Seen through a match' }, reportedOn: 'Recorded on {{date}}',
    },
    moderation: {
      title: 'Public reports to moderate', intro: 'Reports and sightings sent by citizens. Accepting one starts matching; rejecting needs a reason.',
      accept: 'Accept', reject: 'Reject', reason: 'Reason for rejecting', accepted: 'Accepted: {{n}} possible matches found', rejectedDone: 'Rejected',
    },
    review: {
      title: 'Match review', intro: 'Possible matches between missing reports and found children, the likeliest first. Check each one with the people who know the child.',
      probability: '{{p}}% likely', open: 'Compare', none: 'No matches waiting for review.', evidence: 'Why the engine proposed it',
      for: 'Evidence for', against: 'Evidence against', missingSide: 'Missing report', foundSide: 'Found child', confirm: 'Same child: confirm',
      reject: 'Not the same child', note: 'Note (what was checked)', noteRequired: 'Say why these are not the same child',
      confirmedCase: 'Confirmed. A restoration case was opened.', confirmedWaiting: 'Confirmed. The restoration waits for the home district: {{note}}',
      rejectedDone: 'Recorded: not the same child.', redacted: 'Details are no longer shown: this match was not confirmed.', viaMatch: 'From another district, shown for this match',
      exportLabelled: 'Decided pairs (CSV)', statusFilter: 'Show', model: 'Model {{version}}', decided: 'Decided on {{date}}',
    },
    photo: { label: 'Photo of the child (optional)', hint: 'JPEG, PNG or WebP, up to 5 MB. Where and when it was taken (stored inside the file) is removed. Only child protection officials see it.', tooLarge: 'The photo is larger than 5 MB', wrongType: 'Choose a JPEG, PNG or WebP photo', alt: 'Photo of the child', add: 'Add a photo', replace: 'Replace the photo', choose: 'Choose a photo first', save: 'Save the photo', saved: 'Photo saved.' },
    record: { matches: 'Possible matches', noMatches: 'No possible matches yet.', photo: 'Photo', reporter: 'Reported by', moderation: 'Moderation', back: 'Back to the list' },
    form: {
      title: 'Report a missing or found child', missing: 'A child is missing', found: 'A child has been found', submit: 'Save and look for matches',
      saved: 'Saved as {{reference}}. Possible matches found: {{n}}.', home: 'Home', lastSeen: 'Last seen', foundWhere: 'Where and when found', child: 'The child', reporter: 'Who reported',
    },
    restorations: {
      title: 'Restorations', intro: 'After a confirmed match the home district opens the restoration case and records the outcome.', openCase: 'Open the case',
      viewCase: 'Open case', restored: 'Restored to family', close: 'Close', none: 'No restorations.',
    },
    public: {
      title: 'Report a missing child or a child you have seen',
      intro: 'No account is needed. What you send is checked by the district child protection unit before it is used; nobody else can read it.',
      emergency: 'If a child is in danger now, call 1098 (child helpline) or 112.',
      missingTab: 'A child is missing', sightingTab: 'I have seen or found a child', submit: 'Send',
      thanks: 'Thank you. Your reference number is {{reference}}. Keep it; an officer may call you.', another: 'Send another report',
      rateLimited: 'Too many reports from this network. Please try again later, or call 1098.', signIn: 'Officials: sign in',
      aboutChild: 'About the child', aboutYou: 'About you',
    },
    reasons: {
      nameNeeded: "Give the child's name (in any script)", phone: 'Give a phone number (digits only, 6 to 20)', halfYears: 'Give whole or half years',
      ageMissing: 'A missing child must be under 18 when last seen', ageFound: 'Give an estimate of 21 years or under', tooOld: 'This date is more than 25 years ago',
      email: 'Give an email address', unknownDistrict: 'Choose a district from the list',
    },
    common: { save: 'Save', cancel: 'Cancel', yes: 'Yes', no: 'No', unknown: '—', years: '{{n}} years', approx: 'about {{n}} years' },
  },
};

const hi: typeof en = {
  missing: {
    nav: { review: 'मिलान समीक्षा', records: 'लापता और मिले बच्चे', moderation: 'जनता की रिपोर्टें', newRecord: 'लापता/मिला बच्चा दर्ज करें', restorations: 'पुनर्स्थापन' },
    kind: { missing: 'लापता बच्चा', found: 'मिला हुआ बच्चा' },
    status: { pending_moderation: 'जाँच की प्रतीक्षा में', open: 'खुला', matched: 'मिलान हुआ', rejected: 'अस्वीकृत', closed: 'बंद' },
    matchStatus: { proposed: 'प्रस्तावित', confirmed: 'पुष्टि हुई', rejected: 'अस्वीकृत', superseded: 'निरस्त' },
    restorationStatus: { awaiting_case: 'केस की प्रतीक्षा', case_opened: 'केस खोला गया', restored: 'परिवार को सौंपा गया', closed: 'बंद' },
    source: {
      police: 'पुलिस', railway_police: 'रेलवे पुलिस', helpline: 'चाइल्ड हेल्पलाइन 1098', parent: 'माता-पिता या अभिभावक', citizen: 'नागरिक',
      cwc: 'बाल कल्याण समिति', dcpu: 'जिला बाल संरक्षण इकाई', ngo: 'स्वयंसेवी संस्था', cci: 'बाल देखरेख संस्था', other: 'अन्य',
    },
    care: { cci: 'बाल देखरेख संस्था', shelter_home: 'आश्रय गृह', police: 'पुलिस के पास', hospital: 'अस्पताल', with_finder: 'जिसने बच्चा पाया उसके पास', with_family: 'किसी परिवार के पास', unknown: 'पता नहीं' },
    sex: { female: 'लड़की', male: 'लड़का', other: 'अन्य', unknown: 'पता नहीं' },
    field: {
      kind: 'यह किस बारे में है', name: 'बच्चे का नाम', nameLocal: 'दूसरी लिपि में नाम', aliases: 'अन्य नाम (अल्पविराम से अलग)', sex: 'लिंग',
      age: 'आयु (वर्ष)', ageEstimated: 'आयु अनुमानित है', fatherName: 'पिता का नाम', motherName: 'माता का नाम', guardianName: 'अभिभावक का नाम',
      language: 'बोली जाने वाली भाषा', height: 'ऊँचाई (सेमी)', weight: 'वज़न (किलो)', marks: 'पहचान के निशान', clothing: 'कपड़े', description: 'विवरण',
      state: 'राज्य', district: 'जिला', homeDistrict: 'घर का जिला', foundDistrict: 'जिस जिले में मिला', place: 'शहर या गाँव', address: 'घर का पता',
      lastSeenOn: 'आखिरी बार देखे जाने की तारीख', lastSeenPlace: 'आखिरी बार देखे जाने की जगह', foundOn: 'मिलने की तारीख', foundPlace: 'मिलने की जगह', statedHome: 'बच्चा अपने घर के बारे में क्या बताता है',
      currentCare: 'बच्चा अभी कहाँ है', currentPlace: 'उस जगह का नाम', reporterName: 'आपका नाम', reporterRelation: 'बच्चे से संबंध',
      reporterPhone: 'फ़ोन नंबर', reporterEmail: 'ईमेल', policeStation: 'पुलिस थाना', firNumber: 'एफ़आईआर / गुमशुदगी रिपोर्ट संख्या', source: 'किसने बताया',
      reference: 'संदर्भ संख्या', date: 'तारीख', districtShort: 'जिला', probability: 'संभावना',
    },
    cmp: { name: 'नाम', father: 'पिता', mother: 'माता', sex: 'लिंग', age: 'आयु', date: 'तारीखें', location: 'स्थान', language: 'भाषा', marks: 'निशान' },
    list: {
      title: 'लापता और मिले बच्चे', none: 'यहाँ कुछ नहीं है।', count_one: '{{n}} रिकॉर्ड', count_other: '{{n}} रिकॉर्ड', any: 'कोई भी', kind: 'प्रकार', status: 'स्थिति', search: 'नाम या संदर्भ संख्या',
      access: { via_match: 'मिलान के माध्यम से दिखाया गया' }, reportedOn: '{{date}} को दर्ज',
    },
    moderation: {
      title: 'जाँच के लिए जनता की रिपोर्टें', intro: 'नागरिकों द्वारा भेजी गई रिपोर्टें। स्वीकार करने पर मिलान शुरू होता है; अस्वीकार करने के लिए कारण ज़रूरी है।',
      accept: 'स्वीकार करें', reject: 'अस्वीकार करें', reason: 'अस्वीकार करने का कारण', accepted: 'स्वीकार किया गया: {{n}} संभावित मिलान मिले', rejectedDone: 'अस्वीकार किया गया',
    },
    review: {
      title: 'मिलान समीक्षा', intro: 'लापता रिपोर्टों और मिले बच्चों के बीच संभावित मिलान, सबसे संभावित पहले। हर मिलान की जाँच बच्चे को जानने वालों के साथ करें।',
      probability: '{{p}}% संभावना', open: 'तुलना करें', none: 'समीक्षा के लिए कोई मिलान नहीं।', evidence: 'इंजन ने यह क्यों सुझाया',
      for: 'पक्ष में', against: 'विपक्ष में', missingSide: 'लापता रिपोर्ट', foundSide: 'मिला हुआ बच्चा', confirm: 'यही बच्चा है: पुष्टि करें',
      reject: 'यह वही बच्चा नहीं है', note: 'टिप्पणी (क्या जाँचा गया)', noteRequired: 'बताएँ कि ये एक ही बच्चा क्यों नहीं हैं',
      confirmedCase: 'पुष्टि हुई। पुनर्स्थापन का केस खोला गया।', confirmedWaiting: 'पुष्टि हुई। पुनर्स्थापन घर के जिले की प्रतीक्षा में है: {{note}}',
      rejectedDone: 'दर्ज किया गया: यह वही बच्चा नहीं है।', redacted: 'विवरण अब नहीं दिखाए जाते: इस मिलान की पुष्टि नहीं हुई।', viaMatch: 'दूसरे जिले से, इस मिलान के लिए दिखाया गया',
      exportLabelled: 'निर्णीत जोड़े (CSV)', statusFilter: 'दिखाएँ', model: 'मॉडल {{version}}', decided: '{{date}} को निर्णय',
    },
    photo: { label: 'बच्चे की फ़ोटो (वैकल्पिक)', hint: 'JPEG, PNG या WebP, 5 MB तक। फ़ोटो कहाँ और कब ली गई (फ़ाइल में दर्ज), यह हटा दिया जाता है। केवल बाल संरक्षण अधिकारी इसे देखते हैं।', tooLarge: 'फ़ोटो 5 MB से बड़ी है', wrongType: 'JPEG, PNG या WebP फ़ोटो चुनें', alt: 'बच्चे की फ़ोटो', add: 'फ़ोटो जोड़ें', replace: 'फ़ोटो बदलें', choose: 'पहले फ़ोटो चुनें', save: 'फ़ोटो सहेजें', saved: 'फ़ोटो सहेज ली गई।' },
    record: { matches: 'संभावित मिलान', noMatches: 'अभी कोई संभावित मिलान नहीं।', photo: 'फ़ोटो', reporter: 'सूचना देने वाला', moderation: 'जाँच', back: 'सूची पर वापस' },
    form: {
      title: 'लापता या मिला हुआ बच्चा दर्ज करें', missing: 'एक बच्चा लापता है', found: 'एक बच्चा मिला है', submit: 'सहेजें और मिलान खोजें',
      saved: '{{reference}} के रूप में सहेजा गया। संभावित मिलान: {{n}}।', home: 'घर', lastSeen: 'आखिरी बार देखा गया', foundWhere: 'कहाँ और कब मिला', child: 'बच्चा', reporter: 'किसने सूचना दी',
    },
    restorations: {
      title: 'पुनर्स्थापन', intro: 'मिलान की पुष्टि के बाद घर का जिला पुनर्स्थापन का केस खोलता है और परिणाम दर्ज करता है।', openCase: 'केस खोलें',
      viewCase: 'केस देखें', restored: 'परिवार को सौंपा गया', close: 'बंद करें', none: 'कोई पुनर्स्थापन नहीं।',
    },
    public: {
      title: 'लापता बच्चे या देखे गए बच्चे की सूचना दें',
      intro: 'खाते की ज़रूरत नहीं है। आपकी भेजी जानकारी का उपयोग करने से पहले जिला बाल संरक्षण इकाई उसकी जाँच करती है; कोई और उसे नहीं पढ़ सकता।',
      emergency: 'अगर कोई बच्चा अभी खतरे में है, तो 1098 (चाइल्ड हेल्पलाइन) या 112 पर फ़ोन करें।',
      missingTab: 'एक बच्चा लापता है', sightingTab: 'मैंने एक बच्चा देखा या पाया है', submit: 'भेजें',
      thanks: 'धन्यवाद। आपकी संदर्भ संख्या {{reference}} है। इसे संभालकर रखें; कोई अधिकारी आपको फ़ोन कर सकता है।', another: 'एक और सूचना भेजें',
      rateLimited: 'इस नेटवर्क से बहुत सारी सूचनाएँ आई हैं। कृपया बाद में कोशिश करें, या 1098 पर फ़ोन करें।', signIn: 'अधिकारी: साइन इन करें',
      aboutChild: 'बच्चे के बारे में', aboutYou: 'आपके बारे में',
    },
    reasons: {
      nameNeeded: 'बच्चे का नाम दें (किसी भी लिपि में)', phone: 'फ़ोन नंबर दें (केवल अंक, 6 से 20)', halfYears: 'पूरे या आधे वर्ष दें',
      ageMissing: 'लापता बच्चा आखिरी बार देखे जाने पर 18 वर्ष से कम होना चाहिए', ageFound: '21 वर्ष या उससे कम का अनुमान दें', tooOld: 'यह तारीख 25 वर्ष से अधिक पुरानी है',
      email: 'ईमेल पता दें', unknownDistrict: 'सूची से जिला चुनें',
    },
    common: { save: 'सहेजें', cancel: 'रद्द करें', yes: 'हाँ', no: 'नहीं', unknown: '—', years: '{{n}} वर्ष', approx: 'लगभग {{n}} वर्ष' },
  },
};

const mr: typeof en = {
  missing: {
    nav: { review: 'जुळणी तपासणी', records: 'हरवलेली व सापडलेली मुले', moderation: 'नागरिकांचे अहवाल', newRecord: 'हरवलेले/सापडलेले मूल नोंदवा', restorations: 'पुनर्वसन' },
    kind: { missing: 'हरवलेले मूल', found: 'सापडलेले मूल' },
    status: { pending_moderation: 'तपासणीच्या प्रतीक्षेत', open: 'खुले', matched: 'जुळले', rejected: 'नाकारले', closed: 'बंद' },
    matchStatus: { proposed: 'प्रस्तावित', confirmed: 'निश्चित', rejected: 'नाकारले', superseded: 'रद्द झाले' },
    restorationStatus: { awaiting_case: 'केसच्या प्रतीक्षेत', case_opened: 'केस उघडली', restored: 'कुटुंबाकडे सोपवले', closed: 'बंद' },
    source: {
      police: 'पोलीस', railway_police: 'रेल्वे पोलीस', helpline: 'चाइल्ड हेल्पलाइन 1098', parent: 'पालक', citizen: 'नागरिक',
      cwc: 'बाल कल्याण समिती', dcpu: 'जिल्हा बाल संरक्षण कक्ष', ngo: 'स्वयंसेवी संस्था', cci: 'बालगृह', other: 'इतर',
    },
    care: { cci: 'बालगृह', shelter_home: 'निवारा गृह', police: 'पोलिसांकडे', hospital: 'रुग्णालय', with_finder: 'ज्यांना मूल सापडले त्यांच्याकडे', with_family: 'एका कुटुंबाकडे', unknown: 'माहीत नाही' },
    sex: { female: 'मुलगी', male: 'मुलगा', other: 'इतर', unknown: 'माहीत नाही' },
    field: {
      kind: 'हे कशाबद्दल आहे', name: 'मुलाचे नाव', nameLocal: 'दुसऱ्या लिपीतील नाव', aliases: 'इतर नावे (स्वल्पविरामाने वेगळी)', sex: 'लिंग',
      age: 'वय (वर्षे)', ageEstimated: 'वय अंदाजे आहे', fatherName: 'वडिलांचे नाव', motherName: 'आईचे नाव', guardianName: 'पालकाचे नाव',
      language: 'बोलली जाणारी भाषा', height: 'उंची (सेंमी)', weight: 'वजन (किलो)', marks: 'ओळखीच्या खुणा', clothing: 'कपडे', description: 'वर्णन',
      state: 'राज्य', district: 'जिल्हा', homeDistrict: 'घरचा जिल्हा', foundDistrict: 'ज्या जिल्ह्यात सापडले', place: 'शहर किंवा गाव', address: 'घरचा पत्ता',
      lastSeenOn: 'शेवटचे पाहिल्याची तारीख', lastSeenPlace: 'शेवटचे पाहिल्याचे ठिकाण', foundOn: 'सापडल्याची तारीख', foundPlace: 'सापडल्याचे ठिकाण', statedHome: 'मूल घराबद्दल काय सांगते',
      currentCare: 'मूल आता कुठे आहे', currentPlace: 'त्या ठिकाणाचे नाव', reporterName: 'तुमचे नाव', reporterRelation: 'मुलाशी नाते',
      reporterPhone: 'फोन नंबर', reporterEmail: 'ईमेल', policeStation: 'पोलीस ठाणे', firNumber: 'एफआयआर / हरवल्याच्या तक्रारीचा क्रमांक', source: 'कोणी कळवले',
      reference: 'संदर्भ क्रमांक', date: 'तारीख', districtShort: 'जिल्हा', probability: 'शक्यता',
    },
    cmp: { name: 'नाव', father: 'वडील', mother: 'आई', sex: 'लिंग', age: 'वय', date: 'तारखा', location: 'ठिकाण', language: 'भाषा', marks: 'खुणा' },
    list: {
      title: 'हरवलेली व सापडलेली मुले', none: 'येथे काही नाही.', count_one: '{{n}} नोंद', count_other: '{{n}} नोंदी', any: 'कोणतेही', kind: 'प्रकार', status: 'स्थिती', search: 'नाव किंवा संदर्भ क्रमांक',
      access: { via_match: 'जुळणीमुळे दाखवले' }, reportedOn: '{{date}} रोजी नोंदवले',
    },
    moderation: {
      title: 'तपासणीसाठी नागरिकांचे अहवाल', intro: 'नागरिकांनी पाठवलेले अहवाल. स्वीकारल्यावर जुळणी सुरू होते; नाकारण्यासाठी कारण आवश्यक आहे.',
      accept: 'स्वीकारा', reject: 'नाकारा', reason: 'नाकारण्याचे कारण', accepted: 'स्वीकारले: {{n}} संभाव्य जुळण्या सापडल्या', rejectedDone: 'नाकारले',
    },
    review: {
      title: 'जुळणी तपासणी', intro: 'हरवल्याचे अहवाल आणि सापडलेली मुले यांच्यातील संभाव्य जुळण्या, सर्वात संभाव्य आधी. प्रत्येक जुळणी मुलाला ओळखणाऱ्यांसोबत तपासा.',
      probability: '{{p}}% शक्यता', open: 'तुलना करा', none: 'तपासणीसाठी कोणतीही जुळणी नाही.', evidence: 'इंजिनने हे का सुचवले',
      for: 'बाजूने', against: 'विरोधात', missingSide: 'हरवल्याचा अहवाल', foundSide: 'सापडलेले मूल', confirm: 'हेच मूल आहे: निश्चित करा',
      reject: 'हे तेच मूल नाही', note: 'टीप (काय तपासले)', noteRequired: 'ही दोन्ही एकच मूल का नाहीत ते लिहा',
      confirmedCase: 'निश्चित केले. पुनर्वसनाची केस उघडली.', confirmedWaiting: 'निश्चित केले. पुनर्वसन घरच्या जिल्ह्याच्या प्रतीक्षेत आहे: {{note}}',
      rejectedDone: 'नोंदवले: हे तेच मूल नाही.', redacted: 'तपशील आता दाखवले जात नाहीत: ही जुळणी निश्चित झाली नाही.', viaMatch: 'दुसऱ्या जिल्ह्यातून, या जुळणीसाठी दाखवले',
      exportLabelled: 'निर्णय झालेल्या जोड्या (CSV)', statusFilter: 'दाखवा', model: 'मॉडेल {{version}}', decided: '{{date}} रोजी निर्णय',
    },
    photo: { label: 'मुलाचा फोटो (ऐच्छिक)', hint: 'JPEG, PNG किंवा WebP, 5 MB पर्यंत. फोटो कुठे आणि केव्हा काढला (फाइलमध्ये नोंदलेले) हे काढून टाकले जाते. फक्त बाल संरक्षण अधिकारी तो पाहतात.', tooLarge: 'फोटो 5 MB पेक्षा मोठा आहे', wrongType: 'JPEG, PNG किंवा WebP फोटो निवडा', alt: 'मुलाचा फोटो', add: 'फोटो जोडा', replace: 'फोटो बदला', choose: 'आधी फोटो निवडा', save: 'फोटो जतन करा', saved: 'फोटो जतन केला.' },
    record: { matches: 'संभाव्य जुळण्या', noMatches: 'अजून कोणतीही संभाव्य जुळणी नाही.', photo: 'फोटो', reporter: 'कळवणारे', moderation: 'तपासणी', back: 'यादीकडे परत' },
    form: {
      title: 'हरवलेले किंवा सापडलेले मूल नोंदवा', missing: 'एक मूल हरवले आहे', found: 'एक मूल सापडले आहे', submit: 'जतन करा आणि जुळण्या शोधा',
      saved: '{{reference}} म्हणून जतन केले. संभाव्य जुळण्या: {{n}}.', home: 'घर', lastSeen: 'शेवटचे पाहिले', foundWhere: 'कुठे आणि कधी सापडले', child: 'मूल', reporter: 'कोणी कळवले',
    },
    restorations: {
      title: 'पुनर्वसन', intro: 'जुळणी निश्चित झाल्यावर घरचा जिल्हा पुनर्वसनाची केस उघडतो आणि निकाल नोंदवतो.', openCase: 'केस उघडा',
      viewCase: 'केस पहा', restored: 'कुटुंबाकडे सोपवले', close: 'बंद करा', none: 'कोणतेही पुनर्वसन नाही.',
    },
    public: {
      title: 'हरवलेल्या मुलाची किंवा पाहिलेल्या मुलाची माहिती द्या',
      intro: 'खात्याची गरज नाही. तुम्ही पाठवलेली माहिती वापरण्यापूर्वी जिल्हा बाल संरक्षण कक्ष ती तपासतो; इतर कोणीही ती वाचू शकत नाही.',
      emergency: 'एखादे मूल आत्ता धोक्यात असेल तर 1098 (चाइल्ड हेल्पलाइन) किंवा 112 वर फोन करा.',
      missingTab: 'एक मूल हरवले आहे', sightingTab: 'मी एक मूल पाहिले किंवा मला सापडले', submit: 'पाठवा',
      thanks: 'धन्यवाद. तुमचा संदर्भ क्रमांक {{reference}} आहे. तो जपून ठेवा; एखादे अधिकारी तुम्हाला फोन करू शकतात.', another: 'आणखी एक माहिती पाठवा',
      rateLimited: 'या नेटवर्कवरून खूप जास्त अहवाल आले आहेत. कृपया नंतर प्रयत्न करा, किंवा 1098 वर फोन करा.', signIn: 'अधिकारी: साइन इन करा',
      aboutChild: 'मुलाबद्दल', aboutYou: 'तुमच्याबद्दल',
    },
    reasons: {
      nameNeeded: 'मुलाचे नाव द्या (कोणत्याही लिपीत)', phone: 'फोन नंबर द्या (फक्त अंक, 6 ते 20)', halfYears: 'पूर्ण किंवा अर्धी वर्षे द्या',
      ageMissing: 'हरवलेले मूल शेवटचे पाहिले तेव्हा 18 वर्षांखालील असले पाहिजे', ageFound: '21 वर्षे किंवा त्याहून कमी अंदाज द्या', tooOld: 'ही तारीख 25 वर्षांहून जुनी आहे',
      email: 'ईमेल पत्ता द्या', unknownDistrict: 'यादीतून जिल्हा निवडा',
    },
    common: { save: 'जतन करा', cancel: 'रद्द करा', yes: 'होय', no: 'नाही', unknown: '—', years: '{{n}} वर्षे', approx: 'सुमारे {{n}} वर्षे' },
  },
};

export const MISSING_TRANSLATIONS = { en, hi, mr };
