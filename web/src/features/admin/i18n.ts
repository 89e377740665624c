// Strings of the Administration screens in English, Hindi and Marathi.

const KIND_EN = {
  SCPS: 'State Child Protection Society', SARA: 'State Adoption Resource Agency', DCPU: 'District Child Protection Unit', CWC: 'Child Welfare Committee',
  JJB: 'Juvenile Justice Board', DCWPC: 'District Child Welfare & Protection Committee', BCPC: 'Block Child Protection Committee', TCPC: 'Taluka Child Protection Committee',
  VCPC: 'Village Child Protection Committee', CCI: 'Child Care Institution', SAA: 'Specialised Adoption Agency', NGO: 'NGO', DWCD: 'Women & Child Development',
  DLSA: 'Legal Services Authority', EDUCATION: 'Education', HEALTH: 'Health', POLICE: 'Police', LABOUR: 'Labour', SOCIAL_JUSTICE: 'Social Justice',
  RURAL_DEVELOPMENT: 'Rural Development', PANCHAYAT: 'Panchayat', REVENUE: 'Revenue',
};
const KIND_HI = {
  SCPS: 'राज्य बाल संरक्षण सोसायटी', SARA: 'राज्य दत्तक ग्रहण संसाधन एजेंसी', DCPU: 'जिला बाल संरक्षण इकाई', CWC: 'बाल कल्याण समिति',
  JJB: 'किशोर न्याय बोर्ड', DCWPC: 'जिला बाल कल्याण एवं संरक्षण समिति', BCPC: 'प्रखंड बाल संरक्षण समिति', TCPC: 'तालुका बाल संरक्षण समिति',
  VCPC: 'ग्राम बाल संरक्षण समिति', CCI: 'बाल देखरेख संस्था', SAA: 'विशेषीकृत दत्तक ग्रहण एजेंसी', NGO: 'स्वयंसेवी संस्था', DWCD: 'महिला एवं बाल विकास',
  DLSA: 'विधिक सेवा प्राधिकरण', EDUCATION: 'शिक्षा', HEALTH: 'स्वास्थ्य', POLICE: 'पुलिस', LABOUR: 'श्रम', SOCIAL_JUSTICE: 'सामाजिक न्याय',
  RURAL_DEVELOPMENT: 'ग्रामीण विकास', PANCHAYAT: 'पंचायत', REVENUE: 'राजस्व',
};
const KIND_MR = {
  SCPS: 'राज्य बाल संरक्षण संस्था', SARA: 'राज्य दत्तक संसाधन संस्था', DCPU: 'जिल्हा बाल संरक्षण कक्ष', CWC: 'बाल कल्याण समिती',
  JJB: 'बाल न्याय मंडळ', DCWPC: 'जिल्हा बाल कल्याण व संरक्षण समिती', BCPC: 'गट बाल संरक्षण समिती', TCPC: 'तालुका बाल संरक्षण समिती',
  VCPC: 'ग्राम बाल संरक्षण समिती', CCI: 'बाल काळजी संस्था', SAA: 'विशेष दत्तक संस्था', NGO: 'स्वयंसेवी संस्था', DWCD: 'महिला व बाल विकास',
  DLSA: 'विधी सेवा प्राधिकरण', EDUCATION: 'शिक्षण', HEALTH: 'आरोग्य', POLICE: 'पोलीस', LABOUR: 'कामगार', SOCIAL_JUSTICE: 'सामाजिक न्याय',
  RURAL_DEVELOPMENT: 'ग्रामीण विकास', PANCHAYAT: 'पंचायत', REVENUE: 'महसूल',
};

const en = {
  admin: {
    nav: 'Administration',
    title: 'Administration',
    intro: 'The organisations of your jurisdiction, from the state down, and the people who work in them.',
    level: { all: 'All levels', national: 'National', state: 'State', district: 'District', subdistrict: 'Taluka', block: 'Block', village: 'Village' },
    kind: KIND_EN,
    col: { name: 'Name', kind: 'Kind', place: 'Place', members: 'Members', status: 'Status' },
    active: 'Active', inactive: 'Inactive', none: 'No organisation here.',
    newOrg: 'New organisation', create: 'Create', save: 'Save', cancel: 'Cancel', saved: 'Saved',
    field: { kind: 'Kind', level: 'Level', district: 'District', placeId: 'Place', name: 'Name', nameLocal: 'Name in Marathi or Hindi', registration: 'Registration number', active: 'Active' },
    basis: 'Legal basis',
    edit: 'Edit organisation',
    membersTitle: 'Users of this organisation',
    noMembers: 'Nobody yet.',
    newUser: 'New user', username: 'Username', displayName: 'Full name', password: 'Initial password', role: 'Role', jurisdiction: 'Jurisdiction',
    userCreated: 'User {{username}} created',
    errors: {
      outside_jurisdiction: 'Outside your jurisdiction', organisation_exists: 'Already exists here', username_taken: 'This username is taken',
      version_conflict: 'Someone else changed this organisation; it has been reloaded.',
    },
  },
};
const hi = {
  admin: {
    nav: 'प्रशासन',
    title: 'प्रशासन',
    intro: 'आपके क्षेत्राधिकार की संस्थाएँ, राज्य से नीचे तक, और उनमें काम करने वाले लोग।',
    level: { all: 'सभी स्तर', national: 'राष्ट्रीय', state: 'राज्य', district: 'जिला', subdistrict: 'तालुका', block: 'प्रखंड', village: 'गाँव' },
    kind: KIND_HI,
    col: { name: 'नाम', kind: 'प्रकार', place: 'स्थान', members: 'सदस्य', status: 'स्थिति' },
    active: 'सक्रिय', inactive: 'निष्क्रिय', none: 'यहाँ कोई संस्था नहीं।',
    newOrg: 'नई संस्था', create: 'बनाएँ', save: 'सहेजें', cancel: 'रद्द करें', saved: 'सहेजा गया',
    field: { kind: 'प्रकार', level: 'स्तर', district: 'जिला', placeId: 'स्थान', name: 'नाम', nameLocal: 'मराठी या हिंदी में नाम', registration: 'पंजीकरण संख्या', active: 'सक्रिय' },
    basis: 'कानूनी आधार',
    edit: 'संस्था संपादित करें',
    membersTitle: 'इस संस्था के उपयोगकर्ता',
    noMembers: 'अभी कोई नहीं।',
    newUser: 'नया उपयोगकर्ता', username: 'उपयोगकर्ता नाम', displayName: 'पूरा नाम', password: 'प्रारंभिक पासवर्ड', role: 'भूमिका', jurisdiction: 'क्षेत्राधिकार',
    userCreated: 'उपयोगकर्ता {{username}} बनाया गया',
    errors: {
      outside_jurisdiction: 'आपके क्षेत्राधिकार से बाहर', organisation_exists: 'यहाँ पहले से मौजूद है', username_taken: 'यह उपयोगकर्ता नाम पहले से लिया गया है',
      version_conflict: 'किसी और ने यह संस्था बदल दी; इसे फिर से लोड किया गया है।',
    },
  },
};
const mr = {
  admin: {
    nav: 'प्रशासन',
    title: 'प्रशासन',
    intro: 'आपल्या कार्यक्षेत्रातील संस्था, राज्यापासून खालपर्यंत, आणि त्यात काम करणारे लोक.',
    level: { all: 'सर्व स्तर', national: 'राष्ट्रीय', state: 'राज्य', district: 'जिल्हा', subdistrict: 'तालुका', block: 'गट', village: 'गाव' },
    kind: KIND_MR,
    col: { name: 'नाव', kind: 'प्रकार', place: 'ठिकाण', members: 'सदस्य', status: 'स्थिती' },
    active: 'सक्रिय', inactive: 'निष्क्रिय', none: 'येथे कोणतीही संस्था नाही.',
    newOrg: 'नवीन संस्था', create: 'तयार करा', save: 'जतन करा', cancel: 'रद्द करा', saved: 'जतन केले',
    field: { kind: 'प्रकार', level: 'स्तर', district: 'जिल्हा', placeId: 'ठिकाण', name: 'नाव', nameLocal: 'मराठी किंवा हिंदीतील नाव', registration: 'नोंदणी क्रमांक', active: 'सक्रिय' },
    basis: 'कायदेशीर आधार',
    edit: 'संस्था संपादित करा',
    membersTitle: 'या संस्थेचे वापरकर्ते',
    noMembers: 'अजून कोणी नाही.',
    newUser: 'नवीन वापरकर्ता', username: 'वापरकर्ता नाव', displayName: 'पूर्ण नाव', password: 'प्रारंभिक पासवर्ड', role: 'भूमिका', jurisdiction: 'कार्यक्षेत्र',
    userCreated: 'वापरकर्ता {{username}} तयार केला',
    errors: {
      outside_jurisdiction: 'आपल्या कार्यक्षेत्राबाहेर', organisation_exists: 'येथे आधीच अस्तित्वात आहे', username_taken: 'हे वापरकर्ता नाव आधीच घेतले आहे',
      version_conflict: 'दुसऱ्या कोणीतरी ही संस्था बदलली; ती पुन्हा लोड केली आहे.',
    },
  },
};

export const ADMIN_TRANSLATIONS = { en, hi, mr };
