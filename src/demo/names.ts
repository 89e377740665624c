// Believable Marathi names in Latin and Devanagari, for the demo only.
export const GIRLS: [string, string][] = [
  ['Laxmi', 'लक्ष्मी'], ['Pooja', 'पूजा'], ['Sakshi', 'साक्षी'], ['Vaishnavi', 'वैष्णवी'], ['Pranjali', 'प्रांजली'],
  ['Rutuja', 'ऋतुजा'], ['Sneha', 'स्नेहा'], ['Kajal', 'काजल'], ['Shital', 'शीतल'], ['Priyanka', 'प्रियंका'],
  ['Komal', 'कोमल'], ['Ashwini', 'अश्विनी'], ['Manisha', 'मनीषा'], ['Sunita', 'सुनीता'], ['Rani', 'राणी'],
  ['Gauri', 'गौरी'], ['Shraddha', 'श्रद्धा'], ['Dipali', 'दिपाली'], ['Aarti', 'आरती'], ['Mayuri', 'मयुरी'],
  ['Savita', 'सविता'], ['Jyoti', 'ज्योती'], ['Bhagyashree', 'भाग्यश्री'], ['Tejaswini', 'तेजस्विनी'],
];
export const BOYS: [string, string][] = [
  ['Dnyaneshwar', 'ज्ञानेश्वर'], ['Sachin', 'सचिन'], ['Ganesh', 'गणेश'], ['Vishal', 'विशाल'], ['Akash', 'आकाश'],
  ['Rohit', 'रोहित'], ['Omkar', 'ओंकार'], ['Prathamesh', 'प्रथमेश'], ['Sandesh', 'संदेश'], ['Sumit', 'सुमित'],
  ['Aniket', 'अनिकेत'], ['Yash', 'यश'], ['Rahul', 'राहुल'], ['Mahesh', 'महेश'], ['Kunal', 'कुणाल'],
  ['Shubham', 'शुभम'], ['Pavan', 'पवन'], ['Nitin', 'नितीन'], ['Tushar', 'तुषार'], ['Vaibhav', 'वैभव'],
  ['Swapnil', 'स्वप्नील'], ['Amol', 'अमोल'], ['Sagar', 'सागर'], ['Mohammed', 'मोहम्मद'],
];
export const MEN: [string, string][] = [
  ['Ramesh', 'रमेश'], ['Suresh', 'सुरेश'], ['Vitthal', 'विठ्ठल'], ['Pandurang', 'पांडुरंग'], ['Dattatray', 'दत्तात्रय'],
  ['Bhimrao', 'भीमराव'], ['Shankar', 'शंकर'], ['Madhukar', 'मधुकर'], ['Prakash', 'प्रकाश'], ['Sunil', 'सुनील'],
  ['Arun', 'अरुण'], ['Vasant', 'वसंत'], ['Dilip', 'दिलीप'], ['Gajanan', 'गजानन'], ['Namdeo', 'नामदेव'],
];
export const WOMEN: [string, string][] = [
  ['Sunanda', 'सुनंदा'], ['Kamal', 'कमल'], ['Shobha', 'शोभा'], ['Mangala', 'मंगला'], ['Sindhu', 'सिंधू'],
  ['Vandana', 'वंदना'], ['Usha', 'उषा'], ['Lata', 'लता'], ['Sangita', 'संगीता'], ['Asha', 'आशा'],
  ['Chhaya', 'छाया'], ['Rekha', 'रेखा'], ['Kusum', 'कुसुम'], ['Parvati', 'पार्वती'], ['Anita', 'अनिता'],
];
export const SURNAMES: [string, string][] = [
  ['Pawar', 'पवार'], ['Jadhav', 'जाधव'], ['Wankhede', 'वानखडे'], ['Ingle', 'इंगळे'], ['Deshmukh', 'देशमुख'],
  ['Thakare', 'ठाकरे'], ['Gawande', 'गावंडे'], ['Raut', 'राऊत'], ['Bhise', 'भिसे'], ['Kale', 'काळे'],
  ['Meshram', 'मेश्राम'], ['Khandare', 'खंडारे'], ['Tayade', 'तायडे'], ['Sawarkar', 'सावरकर'], ['Dongre', 'डोंगरे'],
  ['Shinde', 'शिंदे'], ['Athawale', 'आठवले'], ['Chavan', 'चव्हाण'],
];
/** Pardhi families in Rajura: surnames common in the community. */
export const PARDHI_SURNAMES: [string, string][] = [
  ['Pawar', 'पवार'], ['Bhosale', 'भोसले'], ['Chavan', 'चव्हाण'], ['Kale', 'काळे'], ['Shinde', 'शिंदे'],
];

export const VILLAGES: { name: string; local: string; sd: number; bl: number; district: number; families: number; pardhi?: boolean }[] = [
  { name: 'Rajura', local: 'राजुरा', sd: 4005, bl: 4303, district: 468, families: 22, pardhi: true },
  { name: 'Wadali', local: 'वडाळी', sd: 4009, bl: 4299, district: 468, families: 15 },
  { name: 'Dhamak', local: 'धामक', sd: 4014, bl: 4306, district: 468, families: 14 },
  { name: 'Kurha', local: 'कुऱ्हा', sd: 4008, bl: 4310, district: 468, families: 16 },
  { name: 'Jalka', local: 'जळका', sd: 4012, bl: 4309, district: 468, families: 13 },
  { name: 'Umri', local: 'उमरी', sd: 3991, bl: 4291, district: 467, families: 15 },
  { name: 'Borgaon Manju', local: 'बोरगाव मंजू', sd: 3991, bl: 4291, district: 467, families: 14 },
  { name: 'Hiwarkhed', local: 'हिवरखेड', sd: 3988, bl: 4297, district: 467, families: 13 },
  { name: 'Kanheri', local: 'कान्हेरी', sd: 3990, bl: 4293, district: 467, families: 14 },
  { name: 'Pinjar', local: 'पिंजर', sd: 3994, bl: 4294, district: 467, families: 13 },
];
