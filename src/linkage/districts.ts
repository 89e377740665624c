import { toLatin } from '../names';

// How people write a district that has been renamed, or that they call by its city's everyday name:
// a family in Prayagraj still says Allahabad, a railway police constable in Kolkata writes Calcutta,
// a Gujarati writes Amdavad. Both sides of a pair read the district through `districtAlias`, so a
// former name and the current one are one district to the comparison and to the blocking keys.
// Sources: the renamings approved by the Ministry of Home Affairs and notified by the states (Bombay
// 1995, Madras 1996, Calcutta 2001, the Karnataka cities 2014, Gurgaon and Mewat 2016, Allahabad and
// Faizabad 2018, Hoshangabad 2022, Aurangabad and Osmanabad 2023, Ahmednagar 2024), collected in
// Wikipedia's "List of renamed places in India"; the colloquial names (Amdavad, Kovai, Nellai, Vizag,
// Trichy) from the same list's notes and the district administrations' own sites; LGD district names
// (reference/lgd/2-district.csv) where the LGD spells a district otherwise (Haora, Hugli).
// Every name maps to one form, not necessarily the LGD's: only equality between the two sides matters.
const FORMER: Record<string, string> = {
  // West Bengal
  calcutta: 'kolkata',
  howrah: 'haora',
  hooghly: 'hugli',
  burdwan: 'purba bardhaman',
  bardhaman: 'purba bardhaman',
  eastmidnapore: 'purba medinipur',
  midnaporeeast: 'purba medinipur',
  medinipureast: 'purba medinipur',
  westmidnapore: 'paschim medinipur',
  midnaporewest: 'paschim medinipur',
  medinipurwest: 'paschim medinipur',
  north24parganas: 'north 24 parganas',
  '24parganasnorth': 'north 24 parganas',
  '24pgsn': 'north 24 parganas',
  n24pgs: 'north 24 parganas',
  north24pgs: 'north 24 parganas',
  uttar24parganas: 'north 24 parganas',
  south24parganas: 'south 24 parganas',
  '24parganassouth': 'south 24 parganas',
  '24pgss': 'south 24 parganas',
  s24pgs: 'south 24 parganas',
  south24pgs: 'south 24 parganas',
  dakshin24parganas: 'south 24 parganas',
  // Maharashtra
  bombay: 'mumbai',
  mumbaicity: 'mumbai',
  bombaysuburban: 'mumbai suburban',
  poona: 'pune',
  thana: 'thane',
  nasik: 'nashik',
  aurangabad: 'chhatrapati sambhajinagar',
  sambhajinagar: 'chhatrapati sambhajinagar',
  osmanabad: 'dharashiv',
  ahmednagar: 'ahilyanagar',
  ahmadnagar: 'ahilyanagar',
  // Tamil Nadu
  madras: 'chennai',
  kovai: 'coimbatore',
  nellai: 'tirunelveli',
  trichy: 'tiruchirappalli',
  trichinopoly: 'tiruchirappalli',
  tiruchi: 'tiruchirappalli',
  tuticorin: 'thoothukudi',
  tanjore: 'thanjavur',
  conjeevaram: 'kancheepuram',
  kanchipuram: 'kancheepuram',
  // Karnataka
  bangalore: 'bengaluru urban',
  bangaloreurban: 'bengaluru urban',
  bengaluru: 'bengaluru urban',
  bangalorerural: 'bengaluru rural',
  belgaum: 'belagavi',
  gulbarga: 'kalaburagi',
  mysore: 'mysuru',
  bellary: 'ballari',
  bijapur: 'vijayapura',
  shimoga: 'shivamogga',
  tumkur: 'tumakuru',
  chikmagalur: 'chikkamagaluru',
  mangalore: 'dakshina kannada',
  mangaluru: 'dakshina kannada',
  // Kerala
  trivandrum: 'thiruvananthapuram',
  quilon: 'kollam',
  alleppey: 'alappuzha',
  trichur: 'thrissur',
  calicut: 'kozhikode',
  palghat: 'palakkad',
  cannanore: 'kannur',
  cochin: 'ernakulam',
  kochi: 'ernakulam',
  // Gujarat
  amdavad: 'ahmedabad',
  ahmadabad: 'ahmedabad',
  baroda: 'vadodara',
  broach: 'bharuch',
  // Uttar Pradesh
  allahabad: 'prayagraj',
  ilahabad: 'prayagraj',
  faizabad: 'ayodhya',
  benares: 'varanasi',
  banaras: 'varanasi',
  kashi: 'varanasi',
  cawnpore: 'kanpur nagar',
  kanpur: 'kanpur nagar',
  noida: 'gautam buddha nagar',
  lakhimpurkheri: 'kheri',
  // Andhra Pradesh, Telangana
  vizag: 'visakhapatnam',
  vizagapatam: 'visakhapatnam',
  cuddapah: 'kadapa',
  ysrkadapa: 'kadapa',
  ysr: 'kadapa',
  nellore: 'sri potti sriramulu nellore',
  spsrnellore: 'sri potti sriramulu nellore',
  secunderabad: 'hyderabad',
  // Haryana, Punjab, Himachal, Madhya Pradesh, Jharkhand, Assam
  gurgaon: 'gurugram',
  mewat: 'nuh',
  mohali: 'sahibzada ajit singh nagar',
  sasnagar: 'sahibzada ajit singh nagar',
  nawanshahr: 'shahid bhagat singh nagar',
  ropar: 'rupnagar',
  ferozepur: 'firozpur',
  bhatinda: 'bathinda',
  jullundur: 'jalandhar',
  simla: 'shimla',
  hoshangabad: 'narmadapuram',
  jubbulpore: 'jabalpur',
  palamau: 'palamu',
  eastsinghbhum: 'purbi singhbhum',
  westsinghbhum: 'pashchimi singhbhum',
  gauhati: 'kamrup metropolitan',
  guwahati: 'kamrup metropolitan',
};

/** Words that say "district" and nothing about which one. */
const NOISE = new Set(['district', 'dist', 'distt', 'dt', 'zila', 'zilla', 'jilla']);

/** The district's current name where `raw` is a former or everyday one; else `raw` unchanged. */
export function districtAlias(raw: string): string {
  const key = toLatin(raw)
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !NOISE.has(w))
    .join('');
  return FORMER[key] ?? raw;
}
