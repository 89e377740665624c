import { jaroWinkler, toLatin } from '../names';

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
  pashchimbanga: 'west bengal',
  pashchimbangal: 'west bengal',
  tamizhnadu: 'tamil nadu',
  thamizhnadu: 'tamil nadu',
  thamizhnatu: 'tamil nadu',
};

/**
 * The 36 states and union territories as the LGD names them (reference/lgd/1-state.csv, lower case,
 * without the leading "the"; `states.test.ts` keeps the two equal).
 */
export const LGD_STATES: readonly string[] = [
  'andaman and nicobar islands',
  'andhra pradesh',
  'arunachal pradesh',
  'assam',
  'bihar',
  'chandigarh',
  'chhattisgarh',
  'delhi',
  'goa',
  'gujarat',
  'haryana',
  'himachal pradesh',
  'jammu and kashmir',
  'jharkhand',
  'karnataka',
  'kerala',
  'ladakh',
  'lakshadweep',
  'madhya pradesh',
  'maharashtra',
  'manipur',
  'meghalaya',
  'mizoram',
  'nagaland',
  'odisha',
  'puducherry',
  'punjab',
  'rajasthan',
  'sikkim',
  'tamil nadu',
  'telangana',
  'dadra and nagar haveli and daman and diu',
  'tripura',
  'uttarakhand',
  'uttar pradesh',
  'west bengal',
];
const JOINED = LGD_STATES.map((s) => s.replace(/[^a-z]/g, ''));
/** First letter and consonants: how a name is cut short in writing (Hry. for Haryana, Mhr. for Maharashtra). */
const skeleton = (s: string) => s[0] + s.slice(1).replace(/[aeiou]/g, '');
const SKELETONS = JOINED.map(skeleton);
/** A misspelt state (Gujrat, Karnatak, Madhya Pardesh) this close to one state's name, and clearly closer to it than to any other. */
const FUZZY = 0.9;
const FUZZY_MARGIN = 0.03;

/** The one state whose name (or its skeleton) `key` begins, at three letters or more; else undefined. */
function byPrefix(key: string, names: readonly string[]): string | undefined {
  if (key.length < 3) return undefined;
  let found: number | undefined;
  for (let s = 0; s < names.length; s++) {
    if (!names[s].startsWith(key)) continue;
    if (found !== undefined) return undefined;
    found = s;
  }
  return found === undefined ? undefined : LGD_STATES[found];
}

function byLikeness(key: string): string | undefined {
  let best = -1,
    bestSim = 0,
    second = 0;
  JOINED.forEach((name, s) => {
    const sim = jaroWinkler(key, name);
    if (sim > bestSim) [second, bestSim, best] = [bestSim, sim, s];
    else if (sim > second) second = sim;
  });
  return bestSim >= FUZZY && bestSim - second >= FUZZY_MARGIN ? LGD_STATES[best] : undefined;
}

const resolved = new Map<string, string>();

/**
 * The LGD name of the state `raw` names by code, former name, own-language name (in any Indian script),
 * a short form (Maha., Guj., Hry.) or a misspelling (Maharastra, Gujrat); else `raw` unchanged. Both
 * the comparison and the blocking keys read the state through this, so `Maha.` and `Maharashtra` are one
 * state to both: a report and a found record written by different hands rarely spell it alike.
 */
export function stateAlias(raw: string): string {
  let out = resolved.get(raw);
  if (out !== undefined) return out;
  const words = toLatin(raw)
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'state');
  const key = words.join('');
  out = key
    ? (ALIASES[key] ?? LGD_STATES[JOINED.indexOf(key)] ?? byPrefix(key, JOINED) ?? byPrefix(key, SKELETONS) ?? byLikeness(key) ?? raw)
    : raw;
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(raw, out);
  return out;
}
