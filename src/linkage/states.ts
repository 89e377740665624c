// How people write a state: the ISO 3166-2:IN subdivision codes (also used on vehicle plates and in
// police and court records: "UP", "MH", "TS"), former names and the state's own-language names. Each
// maps to the LGD state name (reference/lgd/1-state.csv), so "U.P." and "Uttar Pradesh" agree.
// Sources: ISO 3166-2:IN (with the 2014 TG/TS and 2000 CT/CG, UT/UK, 2011 OR/OD code changes).
const ALIASES: Record<string, string> = {
  an: 'andaman and nicobar islands',
  ap: 'andhra pradesh',
  andhra: 'andhra pradesh',
  ar: 'arunachal pradesh',
  as: 'assam',
  br: 'bihar',
  ch: 'chandigarh',
  ct: 'chhattisgarh',
  cg: 'chhattisgarh',
  dh: 'dadra and nagar haveli and daman and diu',
  dn: 'dadra and nagar haveli and daman and diu',
  dd: 'dadra and nagar haveli and daman and diu',
  dl: 'delhi',
  nctofdelhi: 'delhi',
  nationalcapitalterritoryofdelhi: 'delhi',
  newdelhi: 'delhi',
  ga: 'goa',
  gj: 'gujarat',
  hr: 'haryana',
  hp: 'himachal pradesh',
  jk: 'jammu and kashmir',
  jh: 'jharkhand',
  ka: 'karnataka',
  kl: 'kerala',
  la: 'ladakh',
  ld: 'lakshadweep',
  mp: 'madhya pradesh',
  mh: 'maharashtra',
  mn: 'manipur',
  ml: 'meghalaya',
  mz: 'mizoram',
  nl: 'nagaland',
  or: 'odisha',
  od: 'odisha',
  orissa: 'odisha',
  py: 'puducherry',
  pondicherry: 'puducherry',
  pb: 'punjab',
  rj: 'rajasthan',
  sk: 'sikkim',
  tn: 'tamil nadu',
  tg: 'telangana',
  ts: 'telangana',
  tr: 'tripura',
  up: 'uttar pradesh',
  ut: 'uttarakhand',
  uk: 'uttarakhand',
  uttaranchal: 'uttarakhand',
  wb: 'west bengal',
  paschimbanga: 'west bengal',
  paschimbangal: 'west bengal',
};

/** The LGD name of the state `raw` names by code, former name or own-language name; else `raw` unchanged. */
export function stateAlias(raw: string): string {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  return ALIASES[key] ?? raw;
}
