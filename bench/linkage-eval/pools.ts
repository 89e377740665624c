// Hand-written name lists for the independent evaluation set (see SPEC.md). Nothing here comes from
// src/: the spellings are how people write these names, the scripts are typed from the Unicode charts.
// One entry a line: canonical | Latin variants | script rendering of the canonical form | nicknames.

export type Tradition = 'hindi' | 'marathi' | 'bengali' | 'tamil' | 'telugu' | 'punjabi' | 'muslim';
export interface NameEntry {
  name: string;
  variants: string[];
  script: string;
  nicks: string[];
}

function parse(block: string): NameEntry[] {
  return block
    .trim()
    .split('\n')
    .map((line) => {
      const [name, variants = '', script = '', nicks = ''] = line.split('|').map((s) => s.trim());
      const list = (s: string) => (s ? s.split(',').map((x) => x.trim()) : []);
      return { name, variants: list(variants), script, nicks: list(nicks) };
    });
}

const HINDI_M = parse(`
Krishna|Kishan,Krishan,Kisan,Krisna,Kishen|कृष्ण|Kanha,Kishu
Rahul|Raahul,Rahool|राहुल|
Amit|Ameet,Amith|अमित|
Vikas|Vikash,Bikash,Vicky|विकास|
Sunil|Suneel,Sunill|सुनील|
Ramesh|Rames,Rameshwar|रमेश|Ramu
Rajesh|Rajes,Rajeish|राजेश|Raju
Santosh|Santos,Santhosh|संतोष|
Deepak|Dipak,Deepaq,Dipaq|दीपक|
Ajay|Ajai,Ajey|अजय|
Vijay|Bijay,Vijai,Bijoy|विजय|
Sanjay|Sanjai,Sanjoy|संजय|
Ravi|Rabi,Ravee|रवि|
Shivam|Sivam,Shiwam|शिवम|
Aditya|Aaditya,Adithya,Adity|आदित्य|
Abhishek|Abhisek,Avishek,Abishek|अभिषेक|
Gaurav|Gourav,Gorav|गौरव|
Saurabh|Sourabh,Saurav,Sourav|सौरभ|
Vishal|Bishal,Visal,Vishaal|विशाल|
Akash|Aakash,Akas,Aakas|आकाश|
Rohit|Rohith,Rohitt|रोहित|
Lakshman|Laxman,Lakhan,Lachhman,Luxman|लक्ष्मण|
Dharmendra|Dharmender,Dharminder,Dharmendar|धर्मेंद्र|
Surendra|Surender,Surinder|सुरेंद्र|
Rajendra|Rajender,Rajinder,Rajendar|राजेंद्र|Raju
Shyam|Syam,Shaam,Sham|श्याम|
Gopal|Gopaal,Gopall|गोपाल|
Mukesh|Mukes,Mukhesh|मुकेश|
Pawan|Pavan,Pavvan|पवन|
Manoj|Manoz,Manoje|मनोज|
Pankaj|Pankaz,Pankej|पंकज|
Siddharth|Sidharth,Siddhart,Sidhart|सिद्धार्थ|
Anil|Aneel,Anill|अनिल|
Prakash|Parkash,Prakas|प्रकाश|
Dinesh|Dines,Dinesch|दिनेश|
Bhagwan|Bhagvan,Bhagawan|भगवान|
`);
const HINDI_F = parse(`
Pooja|Puja,Pooza|पूजा|
Priya|Priyaa,Preeya|प्रिया|
Neha|Nehaa,Neeha|नेहा|
Anjali|Anjli,Anjalee,Anjaly|अंजलि|
Sunita|Suneeta,Sunitha|सुनीता|
Kavita|Kavitha,Kabita|कविता|
Rekha|Rekhaa,Reka|रेखा|
Jyoti|Jyothi,Joti,Jyotee|ज्योति|
Lakshmi|Laxmi,Lakshmee,Lachhmi|लक्ष्मी|
Sarita|Saritha,Sareeta|सरिता|
Radha|Raadha,Rada|राधा|
Geeta|Gita,Geetha|गीता|
Seema|Sima,Shima|सीमा|
Kajal|Kaajal,Kajol|काजल|
Komal|Komel,Komall|कोमल|
Mamta|Mamata,Mamtha|ममता|
Nisha|Nishaa,Nisa|निशा|
Khushi|Khusi,Kushi,Khushee|खुशी|
Shivani|Sivani,Shivaani|शिवानी|
Aarti|Arti,Aarthi,Arati|आरती|
Poonam|Punam,Poonum|पूनम|
Savita|Sabita,Savitha|सविता|
Durga|Durgaa,Dugra|दुर्गा|
`);
const HINDI_S = parse(`
Kumar|Kumaar,Kr|कुमार|
Yadav|Yadava,Jadav,Yadaw|यादव|
Sharma|Sarma,Sharmah|शर्मा|
Verma|Varma,Virma|वर्मा|
Gupta|Gupt,Guptaa|गुप्ता|
Mishra|Misra,Mishr|मिश्रा|
Pandey|Pande,Pandei,Panday|पांडे|
Tiwari|Tiwary,Tewari,Tiwri|तिवारी|
Srivastava|Shrivastava,Srivastav,Shrivastav|श्रीवास्तव|
Chaudhary|Choudhary,Chaudhari,Chowdhary,Chaudhry|चौधरी|
Prajapati|Prajapathi,Parjapati|प्रजापति|
Kushwaha|Kushwah,Kuswaha|कुशवाहा|
Maurya|Mourya,Morya|मौर्य|
Paswan|Paswaan,Pasvan|पासवान|
Chauhan|Chouhan,Chohan|चौहान|
Thakur|Thakkur,Thakor|ठाकुर|
Agarwal|Aggarwal,Agrawal,Agarwala|अग्रवाल|
Jha|Jhaa|झा|
Nishad|Nishaad,Nisad|निषाद|
Kewat|Kevat,Kewatt|केवट|
Rathore|Rathod,Rathaur,Rathor|राठौर|
Meena|Mina,Meenaa|मीणा|
Gurjar|Gujjar,Gujar|गुर्जर|
Singh|Sing,Sinh|सिंह|
`);

const MARATHI_M = parse(`
Sagar|Saagar,Sagarr|सागर|
Omkar|Onkar,Omkaar|ओंकार|
Tushar|Tusar,Tushaar|तुषार|
Prathamesh|Prathmesh,Pratamesh|प्रथमेश|
Ganesh|Ganesha,Ganes|गणेश|Ganya
Mahesh|Mahes,Maheshh|महेश|
Sachin|Sachine,Sachen|सचिन|
Nitin|Niteen,Nithin|नितिन|
Yogesh|Yogeshh,Yogish|योगेश|
Vaibhav|Vaibhaw,Vaibav|वैभव|
Shubham|Shubam,Subham|शुभम|
Aniket|Aniketh,Aneket|अनिकेत|
Pratik|Prateek,Pratick|प्रतीक|
Rushikesh|Hrishikesh,Rishikesh,Rushikes|ऋषिकेश|
Dnyaneshwar|Gyaneshwar,Dnyaneswar,Gnaneshwar|ज्ञानेश्वर|Dnyanu
Vitthal|Vithal,Vitthall|विठ्ठल|
Pandurang|Pandurung,Panduranga|पांडुरंग|
Sandip|Sandeep,Sundeep|संदीप|
`);
const MARATHI_F = parse(`
Pratiksha|Pratiksa,Pratikshya,Prateeksha|प्रतीक्षा|
Shraddha|Sraddha,Shradha,Shraddah|श्रद्धा|
Vaishnavi|Vaisnavi,Vaishnavee|वैष्णवी|
Rupali|Roopali,Rupalee|रूपाली|
Ashwini|Aswini,Ashvini,Ashwinee|अश्विनी|
Sneha|Snehaa,Sneeha|स्नेहा|
Pallavi|Palavi,Pallvi|पल्लवी|
Snehal|Snehall,Snehel|स्नेहल|
Sakshi|Sakshee,Saxi|साक्षी|
Dipali|Deepali,Dipalee|दीपाली|
Manisha|Maneesha,Manishaa|मनीषा|
Rohini|Rohinee,Rohni|रोहिणी|
Yogita|Yogitha,Yogeeta|योगिता|
Jayashri|Jayshree,Jayashree,Jaishri|जयश्री|
`);
const MARATHI_S = parse(`
Patil|Paatil,Patill|पाटील|
Jadhav|Jadhao,Jadav|जाधव|
Pawar|Powar,Panwar|पवार|
Shinde|Shindhe,Scindia|शिंदे|
Deshmukh|Deshmuk,Desmukh|देशमुख|
Gaikwad|Gayakwad,Gaekwad,Gaikawad|गायकवाड|
Kamble|Kambale,Kambley|कांबळे|
Chavan|Chawan,Chauhan|चव्हाण|
More|Moray,Mohre|मोरे|
Wankhede|Vankhede,Wankhade|वानखेडे|
Ingle|Ingale,Ingley|इंगळे|
Thakare|Thackeray,Thakre|ठाकरे|
Bhosale|Bhosle,Bhonsle|भोसले|
Raut|Rout,Raout|राऊत|
Solanke|Solanki,Solunke|सोळंके|
Meshram|Mesram,Meshraam|मेश्राम|
Tayade|Tayde,Taiyade|तायडे|
Gawande|Gavande,Gawnde|गावंडे|
Khandare|Khandhare,Kandare|खंडारे|
`);

const BENGALI_M = parse(`
Biswajit|Bishwajit,Vishwajeet,Biswajeet,Vishwajit|বিশ্বজিৎ|
Subrata|Subroto,Shubrata,Subrato|সুব্রত|
Debashish|Debasis,Debashis,Debasish|দেবাশিস|
Partha|Partho,Parth|পার্থ|
Sourav|Saurav,Sourabh,Shourav|সৌরভ|
Abhijit|Avijit,Abhijeet,Obhijit|অভিজিৎ|
Arindam|Arindom,Arinndam|অরিন্দম|
Tapas|Tapash,Topas|তাপস|
Prosenjit|Prasenjit,Prasenjeet|প্রসেনজিৎ|
Sujoy|Sujay,Sujoi|সুজয়|
Joydeep|Jaydeep,Jaideep,Joydip|জয়দীপ|
Sanjib|Sanjeev,Sanjiv,Sonjib|সঞ্জীব|
Bikash|Vikas,Bikas,Bikaash|বিকাশ|
Pradip|Pradeep,Prodip,Prodeep|প্রদীপ|
Dipankar|Deepankar,Dipankor|দীপঙ্কর|
Goutam|Gautam,Gowtam,Gotam|গৌতম|
Ashok|Asok,Ashoke|অশোক|
Rana|Ranaa,Rona|রানা|
`);
const BENGALI_F = parse(`
Mousumi|Moushumi,Mausumi,Mousomi|মৌসুমী|
Sharmila|Sarmila,Shormila|শর্মিলা|
Rina|Reena,Rinaa|রিনা|
Puja|Pooja,Pujaa|পূজা|
Sampa|Shampa,Sompa|সম্পা|
Moumita|Maumita,Moumeeta|মৌমিতা|
Tanushree|Tanusri,Tanushri,Tonushree|তনুশ্রী|
Rupa|Roopa,Rupaa|রূপা|
Sraboni|Shraboni,Shravani,Srabani|শ্রাবণী|
Payel|Payal,Paayel|পায়েল|
Priyanka|Priyonka,Prianka|প্রিয়াঙ্কা|
Swapna|Sapna,Shopna,Swopna|স্বপ্না|
`);
const BENGALI_S = parse(`
Chatterjee|Chattopadhyay,Chaterjee,Chatterji|চট্টোপাধ্যায়|
Banerjee|Bandyopadhyay,Banerji,Bannerjee|বন্দ্যোপাধ্যায়|
Mukherjee|Mukhopadhyay,Mukherji,Mukharjee|মুখোপাধ্যায়|
Das|Dass,Dash|দাস|
Ghosh|Ghose,Gosh|ঘোষ|
Bose|Basu,Bosu|বসু|
Sarkar|Sircar,Sarkaar,Sorkar|সরকার|
Mondal|Mandal,Mondol|মণ্ডল|
Roy|Ray,Rai|রায়|
Dutta|Datta,Dutt|দত্ত|
Chowdhury|Chaudhary,Choudhury,Chaudhuri,Chowdhuri|চৌধুরী|
Biswas|Bishwas,Biswash|বিশ্বাস|
Halder|Haldar,Holder|হালদার|
Paul|Pal,Paal|পাল|
Majumder|Majumdar,Mazumdar|মজুমদার|
`);

const TAMIL_M = parse(`
Karthik|Karthick,Kartik,Karthic|கார்த்திக்|
Murugan|Muruga,Murugun|முருகன்|
Senthil|Sendhil,Senthill|செந்தில்|
Vignesh|Vigneshh,Vikneshs,Vigneash|விக்னேஷ்|
Arun|Aroon,Arunn|அருண்|
Saravanan|Sarvanan,Saravanann|சரவணன்|
Manikandan|Manikanda,Manikandan|மணிகண்டன்|
Ganesan|Ganeshan,Ganeson|கணேசன்|
Balaji|Balaaji,Baalaji|பாலாஜி|
Ramesh|Ramesh,Rameshh|ரமேஷ்|
`);
const TAMIL_F = parse(`
Lakshmi|Letchumi,Latchumi,Laxmi|லட்சுமி|
Priya|Piriya,Preya|பிரியா|
Kavitha|Kavita,Kavidha|கவிதா|
Divya|Dhivya,Thivya|திவ்யா|
Revathi|Revati,Revathy|ரேவதி|
Meena|Mina,Meenaa|மீனா|
Anitha|Anita,Aneetha|அனிதா|
Selvi|Selvy,Selvee|செல்வி|
`);
// Tamil father names give the initial.
const TAMIL_FATHERS = parse(`
Kannan|Kanan|கண்ணன்|
Rajendran|Rajendiran,Rajendren|ராஜேந்திரன்|
Subramani|Subramaniyan,Subramanian|சுப்பிரமணி|
Ramasamy|Ramaswamy,Ramasami|ராமசாமி|
Perumal|Perumaal|பெருமாள்|
Muthu|Muthhu,Mutthu|முத்து|
Selvam|Selvum|செல்வம்|
Arumugam|Arumugham,Aarumugam|ஆறுமுகம்|
Palani|Pazhani,Palanee|பழனி|
`);

const TELUGU_M = parse(`
Venkatesh|Venkatesa,Venkatesh,Venkatessh|వెంకటేశ్|
Srinivas|Srinivasa,Sreenivas,Shrinivas|శ్రీనివాస్|Seenu
Mahesh|Maheshh,Mahes|మహేశ్|
Naveen|Navin,Naveen|నవీన్|
Suresh|Sures,Sureshh|సురేశ్|
Ravi|Ravee,Raavi|రవి|
Kiran|Kiraan,Keeran|కిరణ్|
`);
const TELUGU_F = parse(`
Lakshmi|Laxmi,Lakshmee|లక్ష్మి|
Swathi|Swati,Swathy|స్వాతి|
Sravani|Shravani,Sravanee|శ్రావణి|
Padma|Padmaa,Padhma|పద్మ|
Bhavani|Bhavaani,Bavani|భవాని|
Sirisha|Sireesha,Shirisha|సిరిష|
`);
const TELUGU_S = parse(`
Reddy|Reddi,Redy|రెడ్డి|
Naidu|Naydu,Nayudu|నాయుడు|
Rao|Row,Raao|రావు|
Goud|Gowd,Gaud|గౌడ్|
Yadav|Yadava,Yadhav|యాదవ్|
`);

const PUNJABI_M = parse(`
Gurpreet|Gurprit,Gurpreeth,Gurpret|गुरप्रीत|Gopi
Harpreet|Harprit,Harpreeth|हरप्रीत|Happy
Manpreet|Manprit,Manpreeth|मनप्रीत|
Jaspreet|Jasprit,Jaspreeth|जसप्रीत|
Gurjeet|Gurjit,Gurjeeth|गुरजीत|
Harjeet|Harjit,Harjeeth|हरजीत|
Jaswinder|Jasvinder,Jaswindar|जसविंदर|
Sukhwinder|Sukhvinder,Sukhwindar|सुखविंदर|Sukha
Amandeep|Amandip,Amandeepp|अमनदीप|
Navjot|Navjyot,Navjoth|नवजोत|
Lovepreet|Lovprit,Lovepreet|लवप्रीत|Love
Arshdeep|Arshdip,Arashdeep|अर्शदीप|
`);
const PUNJABI_F = parse(`
Simran|Simaran,Simrann|सिमरन|
Navneet|Navnit,Navneeth|नवनीत|
Kirandeep|Kirandip,Kirndeep|किरणदीप|
Rajwinder|Rajvinder,Rajwindar|राजविंदर|
Harleen|Harlin,Harleenn|हरलीन|
Manjeet|Manjit,Manjeeth|मनजीत|
`);
const PUNJABI_S = parse(`
Gill|Gil|गिल|
Sandhu|Sindhu,Sandu|संधू|
Dhillon|Dhilon,Dhillan|ढिल्लों|
Sidhu|Sidhoo,Sidu|सिद्धू|
Grewal|Garewal,Grewall|ग्रेवाल|
Brar|Barar,Brarr|बराड़|
Randhawa|Randhava,Randawa|रंधावा|
`);

const MUSLIM_M = parse(`
Imran|Emran,Imraan|इमरान|
Salman|Salmaan,Solman|सलमान|
Irfan|Irphan,Erfan|इरफ़ान|
Arif|Aarif,Areef|आरिफ़|
Faizan|Faijan,Faizaan|फ़ैज़ान|
Sohail|Suhail,Sohel,Sohil|सुहैल|
Rizwan|Rijwan,Rezwan|रिज़वान|
Sameer|Samir,Shameer|समीर|
Aamir|Amir,Aamer|आमिर|
Farhan|Farhaan,Pharhan|फ़रहान|
Junaid|Junaed,Zunaid,Junaidh|जुनैद|
Sahil|Saahil,Sahill|साहिल|
Ahmed|Ahmad,Ahamed,Ahemad|अहमद|
`);
const MUSLIM_F = parse(`
Fatima|Fathima,Fatema,Phatima|फ़ातिमा|
Ayesha|Aisha,Aaisha,Ayasha|आयशा|
Nazia|Najia,Naziya|नाज़िया|
Shabnam|Sabnam,Shabnum|शबनम|
Rukhsar|Ruksar,Ruksaar|रुख़सार|
Tabassum|Tabasum,Tabbasum|तबस्सुम|
Zainab|Jainab,Zeinab|ज़ैनब|
Sana|Sanaa,Shana|सना|
Afreen|Afrin,Aafreen|आफ़रीन|
Shaheen|Shahin,Sahin|शाहीन|
Nasreen|Nasrin,Nashreen|नसरीन|
`);
const MUSLIM_S = parse(`
Shaikh|Sheikh,Shekh,Sk,Shaik|शेख़|
Khan|Khaan,Kahn|ख़ान|
Ansari|Ansaree,Ansary|अंसारी|
Qureshi|Kureshi,Quraishi,Kureshy|क़ुरैशी|
Siddiqui|Siddiqi,Sidiqui,Siddiki|सिद्दीक़ी|
Hussain|Husain,Hossain,Hussein|हुसैन|
Rahman|Rehman,Rahaman|रहमान|
Ali|Aly,Alee|अली|
Pathan|Pathaan,Patan|पठान|
Sayyed|Syed,Saiyad,Sayed|सय्यद|
Mansuri|Mansoori,Mansury|मंसूरी|
`);
// Bengali renderings for Muslim names written in Bengal.
export const MUSLIM_BENGALI: Record<string, string> = {
  Imran: 'ইমরান',
  Sohail: 'সোহেল',
  Rizwan: 'রেজওয়ান',
  Sameer: 'সমীর',
  Ahmed: 'আহমেদ',
  Fatima: 'ফাতেমা',
  Ayesha: 'আয়েশা',
  Nasreen: 'নাসরিন',
  Shaheen: 'শাহীন',
  Sana: 'সানা',
  Shaikh: 'শেখ',
  Hussain: 'হোসেন',
  Rahman: 'রহমান',
  Ali: 'আলী',
  Khan: 'খান',
  Salman: 'সালমান',
  Arif: 'আরিফ',
  Farhan: 'ফারহান',
  Junaid: 'জুনায়েদ',
  Sahil: 'সাহিল',
  Aamir: 'আমির',
  Irfan: 'ইরফান',
  Faizan: 'ফাইজান',
  Nazia: 'নাজিয়া',
  Shabnam: 'শবনম',
  Rukhsar: 'রুখসার',
  Tabassum: 'তাবাসসুম',
  Zainab: 'জয়নাব',
  Afreen: 'আফরিন',
  Ansari: 'আনসারী',
  Qureshi: 'কুরেশি',
  Siddiqui: 'সিদ্দিকী',
  Pathan: 'পাঠান',
  Sayyed: 'সৈয়দ',
  Mansuri: 'মনসুরী',
};
export const MUSLIM_PREFIX = ['Mohammad', 'Mohammed', 'Muhammad', 'Md', 'Md.', 'Mohd', 'Mohd.'];

export const NICK_M = ['Munna', 'Guddu', 'Pintu', 'Bablu', 'Chotu', 'Sonu', 'Monu', 'Bittu', 'Golu', 'Babu', 'Lalu', 'Pappu'];
export const NICK_F = ['Guddi', 'Munni', 'Pinky', 'Chutki', 'Sonu', 'Dolly', 'Rani', 'Baby', 'Gudiya', 'Chhoti'];
export const NICK_BENGALI = ['Bapi', 'Babai', 'Bubai', 'Tublu', 'Mithu', 'Tumpa', 'Rimpa', 'Mampi', 'Bumba', 'Khokon'];

export interface TraditionPools {
  male: NameEntry[];
  female: NameEntry[];
  surnames: NameEntry[];
  /** 'deva' | 'beng' | 'taml' | 'telu' script used for renderings */
  states: string[];
  language: string;
}

export const TRADITIONS: Record<Tradition, TraditionPools> = {
  hindi: { male: HINDI_M, female: HINDI_F, surnames: HINDI_S, states: ['UP', 'BR', 'MP', 'RJ'], language: 'hi' },
  marathi: { male: MARATHI_M, female: MARATHI_F, surnames: MARATHI_S, states: ['MH'], language: 'mr' },
  bengali: { male: BENGALI_M, female: BENGALI_F, surnames: BENGALI_S, states: ['WB'], language: 'bn' },
  tamil: { male: TAMIL_M, female: TAMIL_F, surnames: TAMIL_FATHERS, states: ['TN'], language: 'ta' },
  telugu: { male: TELUGU_M, female: TELUGU_F, surnames: TELUGU_S, states: ['TG', 'AP'], language: 'te' },
  punjabi: { male: PUNJABI_M, female: PUNJABI_F, surnames: PUNJABI_S, states: ['PB'], language: 'pa' },
  muslim: { male: MUSLIM_M, female: MUSLIM_F, surnames: MUSLIM_S, states: ['UP', 'BR', 'MH', 'WB'], language: 'ur' },
};

// States: how people write them, and districts (with a few metros where found children turn up).
export const STATES: Record<string, { names: string[]; districts: string[]; metro?: string }> = {
  UP: {
    names: ['Uttar Pradesh', 'UP', 'U.P.', 'Uttarpradesh'],
    districts: ['Lucknow', 'Varanasi', 'Gorakhpur', 'Prayagraj', 'Kanpur Nagar', 'Bahraich'],
  },
  BR: { names: ['Bihar', 'Bihaar'], districts: ['Patna', 'Gaya', 'Muzaffarpur', 'Darbhanga', 'Purnia'] },
  MP: { names: ['Madhya Pradesh', 'MP', 'M.P.'], districts: ['Bhopal', 'Indore', 'Jabalpur', 'Rewa'] },
  RJ: { names: ['Rajasthan', 'Rajsthan'], districts: ['Jaipur', 'Ajmer', 'Kota', 'Bhilwara'] },
  MH: {
    names: ['Maharashtra', 'Maharastra', 'MH'],
    districts: ['Pune', 'Nagpur', 'Amravati', 'Akola', 'Nashik', 'Mumbai Suburban'],
    metro: 'Mumbai Suburban',
  },
  WB: {
    names: ['West Bengal', 'WB', 'Paschim Banga'],
    districts: ['Kolkata', 'Howrah', 'North 24 Parganas', 'Murshidabad', 'Malda'],
    metro: 'Kolkata',
  },
  TN: {
    names: ['Tamil Nadu', 'Tamilnadu', 'TN'],
    districts: ['Chennai', 'Madurai', 'Coimbatore', 'Salem', 'Tirunelveli'],
    metro: 'Chennai',
  },
  TG: { names: ['Telangana', 'Telengana'], districts: ['Hyderabad', 'Warangal', 'Karimnagar', 'Nizamabad'], metro: 'Hyderabad' },
  AP: { names: ['Andhra Pradesh', 'AP', 'Andhra'], districts: ['Guntur', 'Krishna', 'Visakhapatnam', 'Kurnool'] },
  PB: { names: ['Punjab', 'Panjab'], districts: ['Ludhiana', 'Amritsar', 'Jalandhar', 'Patiala'] },
  DL: { names: ['Delhi', 'NCT of Delhi', 'New Delhi'], districts: ['New Delhi', 'North Delhi', 'South Delhi'], metro: 'New Delhi' },
};
export const METRO_STATES = ['DL', 'MH', 'WB', 'TN', 'TG'];

export const PLACES = [
  'Rampur',
  'Shivpuri',
  'Kalyanpur',
  'Nayagaon',
  'Sonpur',
  'Devgaon',
  'Islampur',
  'Laxmipur',
  'Madhupur',
  'Chandpur',
  'Sultanpur',
  'Gopalganj',
  'Kheda',
  'Pimpalgaon',
  'Wadgaon',
  'Palli',
  'Puram',
  'Kottai',
  'Nagar',
  'Bazar',
];
export const MARKS_A = [
  'mole on left cheek',
  'scar on forehead',
  'burn mark on right hand',
  'birthmark on neck',
  'cut mark above right eye',
  'six fingers on left hand',
  'black mole near lip',
];
export const MARKS_B = [
  'til on left cheek',
  'old wound mark on forehead',
  'burnt skin right hand',
  'dark patch on neck',
  'stitch mark over right eyebrow',
  'extra finger left hand',
  'mole on upper lip',
];
