// Name and description pools for the synthetic benchmark. "Latin|देवनागरी" where the
// Devanagari is the usual spelling; names without it get one from names/toDevanagari.

export const FEMALE = `Sunita|सुनीता Lakshmi|लक्ष्मी Pooja|पूजा Priya|प्रिया Anita|अनीता Kavita|कविता Geeta|गीता Rekha|रेखा
Sita|सीता Radha|राधा Neha|नेहा Anjali|अंजलि Sneha|स्नेहा Vaishnavi|वैष्णवी Shweta|श्वेता Aarti|आरती Jyoti|ज्योति
Kajal|काजल Sapna|सपना Komal|कोमल Payal|पायल Rani|रानी Kiran|किरण Meena|मीना Seema|सीमा Nisha|निशा Rinki|रिंकी
Savita|सविता Sarita|सरिता Mamta|ममता Kamla|कमला Shabnam|शबनम Fatima|फ़ातिमा Ayesha|आयशा Nazia|नाज़िया Rukhsar|रुख़सार
Shahnaz Parveen Reshma Salma Zainab Ruksana Gurpreet Harpreet Manpreet Simran Jaspreet Navneet Divya Swati Shruti
Pallavi Madhuri Ashwini Snehal Prajakta Rutuja Sakshi Shraddha Tanvi Gauri Mrunal Bhagyashree Dhanashree Sayali
Pushpa Usha Asha Manisha Sushila Urmila Nirmala Kalpana Bharti Poonam Suman Anju Manju Sangeeta Renu Babita
Priyanka Ritu Khushboo Nandini Archana Vandana Rupali Monika Deepika Shalini Tanuja Vidya Padma Revathi Kaveri
Meenakshi Selvi Malathi Lavanya Sowmya Bhavani Ramya Anusha Swapna Mousumi Rumpa Moumita Paramita Sanchita
Tanushree Ipsita Sasmita Pramila Kusum Durga Parvati Ganga Yamuna Saraswati Tulsi Chanda Champa Phoolmati`;

export const MALE = `Ramesh|रमेश Suresh|सुरेश Mahesh|महेश Rajesh|राजेश Rahul|राहुल Amit|अमित Sunil|सुनील Anil|अनिल
Vijay|विजय Sanjay|संजय Ajay|अजय Manoj|मनोज Pawan|पवन Deepak|दीपक Vikas|विकास Rohit|रोहित Sachin|सचिन
Ganesh|गणेश Dnyaneshwar|ज्ञानेश्वर Pandurang|पांडुरंग Vitthal|विट्ठल Dattatray|दत्तात्रय Shivaji|शिवाजी Sambhaji|संभाजी
Mohammad|मोहम्मद Imran|इमरान Salman|सलमान Arif|आरिफ़ Aslam|असलम Rizwan|रिज़वान Sohail|सोहेल Javed|जावेद
Krishna|कृष्ण Gopal|गोपाल Mohan|मोहन Shyam|श्याम Ram|राम Lakshman|लक्ष्मण Bharat|भरत Arjun|अर्जुन
Aditya Akash Ankit Abhishek Aniket Ashish Ashok Dinesh Dilip Gaurav Harish Jitendra Kailash Kishore Mukesh
Naresh Nitin Pankaj Prakash Pradeep Pramod Prashant Rakesh Ravi Sandeep Santosh Satish Shankar Shivam Sonu
Subhash Sudhir Sumit Sunny Tushar Umesh Vinod Vishal Yogesh Gurpreet Harjeet Manjeet Balwinder Kuldeep Jaswinder
Murugan Senthil Karthik Saravanan Ganesan Selvam Ramu Srinivas Venkatesh Naveen Raghav Anand Arvind Subrata
Debashish Sourav Bikash Tapas Biswajit Prasenjit Sujit Ranjit Ayan Rohan Omkar Pratik Siddharth Tejas Yash`;

export const SURNAMES = `Pawar|पवार Patil|पाटील Jadhav|जाधव Shinde|शिंदे More|मोरे Gaikwad|गायकवाड़ Kale|काळे Deshmukh|देशमुख
Yadav|यादव Sharma|शर्मा Verma|वर्मा Gupta|गुप्ता Singh|सिंह Kumar|कुमार Mishra|मिश्रा Tiwari|तिवारी Pandey|पांडेय
Chauhan|चौहान Rathod|राठोड़ Thakur|ठाकुर Khan|ख़ान Shaikh|शेख़ Ansari|अंसारी Qureshi|क़ुरैशी Siddiqui|सिद्दीक़ी
Pathan Sayyed Mulla Patel Shah Desai Mehta Joshi Kulkarni Bhosale Salunkhe Kamble Waghmare Sonawane Chavan
Raut Thorat Mane Wagh Dhore Meshram Bansod Ingle Wankhede Tayde Raghuwanshi Meena Gurjar Jat Prajapati Kushwaha
Maurya Paswan Manjhi Ram Das Mandal Biswas Ghosh Roy Mondal Sarkar Naik Nayak Behera Sahu Mohanty Pradhan
Reddy Rao Naidu Gowda Nair Pillai Menon Iyer Murugesan Kaur Gill Sandhu Dhillon Bhil Pardhi Munda Oraon Tudu`;

export const NICKNAMES_M = [
  'Chhotu',
  'Munna',
  'Guddu',
  'Pappu',
  'Babloo',
  'Bittu',
  'Golu',
  'Raju',
  'Sonu',
  'Monu',
  'Chintu',
  'Pintu',
  'Bablu',
];
export const NICKNAMES_F = ['Guddi', 'Munni', 'Pinky', 'Chhoti', 'Gudiya', 'Sweety', 'Dolly', 'Rinki', 'Baby'];

export const VILLAGE_PARTS = {
  head: [
    'Ram',
    'Shiv',
    'Sita',
    'Hanuman',
    'Chandra',
    'Krishna',
    'Nand',
    'Sultan',
    'Bhim',
    'Kesar',
    'Moti',
    'Lal',
    'Hira',
    'Dev',
    'Anand',
    'Gopal',
    'Amar',
    'Kali',
    'Bara',
    'Chhota',
    'Nava',
    'Juna',
    'Sona',
    'Bel',
    'Amba',
    'Mahu',
    'Pimpal',
    'Vad',
    'Khandala',
    'Dhamna',
    'Kurha',
    'Sawanga',
    'Tiwsa',
    'Pusad',
  ],
  tail: ['pur', 'gaon', 'wadi', 'nagar', 'khed', 'pura', 'garh', 'ganj', 'abad', 'pali', 'kheda', 'ner', 'wada', 'tola', 'dih', 'patti'],
};

export const MARKS = [
  'mole on left cheek',
  'mole on right cheek',
  'burn mark on right hand',
  'burn mark on left arm',
  'scar on forehead',
  'birthmark on neck',
  'cut mark near left eye',
  'six fingers on left hand',
  'tattoo on right arm',
  'wears glasses',
  'missing front tooth',
  'scar on chin',
  'black spot on nose',
  'stammers while speaking',
  'limps on right leg',
  'white patch on forehead',
  'ear pierced',
  'curly hair',
];

/** State (as in LGD) → main language; others default to Hindi. */
export const STATE_LANGUAGE: Record<string, string> = {
  MAHARASHTRA: 'Marathi',
  'WEST BENGAL': 'Bengali',
  'TAMIL NADU': 'Tamil',
  KARNATAKA: 'Kannada',
  KERALA: 'Malayalam',
  'ANDHRA PRADESH': 'Telugu',
  TELANGANA: 'Telugu',
  GUJARAT: 'Gujarati',
  ODISHA: 'Odia',
  PUNJAB: 'Punjabi',
  ASSAM: 'Assamese',
};

export interface PoolName {
  latin: string;
  deva: string | null;
}

export function parsePool(s: string): PoolName[] {
  return s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const [latin, deva] = w.split('|');
      return { latin, deva: deva ?? null };
    });
}

// Indian given names are largely compositional (Ram+esh, Dev+endra, Sar+ita); composing a long tail
// gives the benchmark the diversity of a real population, where most names are rare.
const PRE = [
  'Ram',
  'Shiv',
  'Dev',
  'Har',
  'Jai',
  'Kam',
  'Pra',
  'Sat',
  'Nav',
  'Man',
  'Hem',
  'Lal',
  'Kri',
  'Gan',
  'Anu',
  'Chan',
  'Ind',
  'Jag',
  'Dhar',
  'Yog',
  'Nit',
  'Vis',
  'Ash',
  'Bhu',
  'Gop',
  'Hari',
  'Kul',
  'Mad',
  'Nand',
  'Pur',
  'Rav',
  'Sant',
  'Tej',
  'Ved',
  'Yash',
  'Sur',
  'Nar',
  'Raj',
  'Vij',
  'Dil',
  'Gir',
  'Jas',
  'Kir',
  'Mukh',
  'Param',
  'Sudh',
  'Umes',
  'Amar',
];
const SUF_M = [
  'esh',
  'endra',
  'ant',
  'an',
  'ish',
  'eshwar',
  'deep',
  'pal',
  'raj',
  'veer',
  'nath',
  'kant',
  'jeet',
  'mohan',
  'prakash',
  'dev',
];
const SUF_F = [
  'a',
  'ita',
  'ika',
  'ini',
  'ani',
  'vati',
  'lata',
  'mala',
  'rekha',
  'preet',
  'jyoti',
  'shree',
  'leela',
  'prabha',
  'kanta',
  'vani',
];

export function composedNames(sex: 'm' | 'f'): string[] {
  const suf = sex === 'm' ? SUF_M : SUF_F;
  const out: string[] = [];
  for (const s of suf) for (const p of PRE) out.push(p + s);
  return out;
}
