/**
 * Population weights for the national synthetic data set, and the script names are written in.
 *
 * The LGD files (reference/lgd) carry codes and names but no population. The proxy:
 * - each state's total is its Census 2011 population (Primary Census Abstract, Office of the
 *   Registrar General & Census Commissioner, India), split where states changed since 2011:
 *   Andhra Pradesh / Telangana by the 2014 reorganisation's district figures, Jammu and Kashmir /
 *   Ladakh (2019) by the Leh and Kargil districts, Dadra and Nagar Haveli + Daman and Diu merged (2020);
 * - within a state, a district's share is proportional to its number of sub-districts plus blocks
 *   in LGD (tehsils and development blocks are drawn to comparable populations within a state).
 * Figures are persons, rounded to the thousand; only the proportions matter.
 */
export interface StateWeight {
  /** LGD state code */
  code: number;
  /** Census 2011 persons (thousands) */
  population: number;
  /** the script local names are written in */
  script: Script;
}

export type Script = 'devanagari' | 'bengali' | 'gurmukhi' | 'gujarati' | 'odia' | 'tamil' | 'telugu' | 'kannada' | 'malayalam' | 'latin';

export const STATE_WEIGHTS: StateWeight[] = [
  { code: 1, population: 12_267, script: 'devanagari' }, // Jammu and Kashmir
  { code: 2, population: 6_865, script: 'devanagari' }, // Himachal Pradesh
  { code: 3, population: 27_743, script: 'gurmukhi' }, // Punjab
  { code: 4, population: 1_055, script: 'gurmukhi' }, // Chandigarh
  { code: 5, population: 10_086, script: 'devanagari' }, // Uttarakhand
  { code: 6, population: 25_351, script: 'devanagari' }, // Haryana
  { code: 7, population: 16_788, script: 'devanagari' }, // Delhi
  { code: 8, population: 68_548, script: 'devanagari' }, // Rajasthan
  { code: 9, population: 199_812, script: 'devanagari' }, // Uttar Pradesh
  { code: 10, population: 104_099, script: 'devanagari' }, // Bihar
  { code: 11, population: 611, script: 'devanagari' }, // Sikkim (Nepali)
  { code: 12, population: 1_384, script: 'latin' }, // Arunachal Pradesh
  { code: 13, population: 1_979, script: 'latin' }, // Nagaland
  { code: 14, population: 2_856, script: 'latin' }, // Manipur
  { code: 15, population: 1_097, script: 'latin' }, // Mizoram
  { code: 16, population: 3_674, script: 'bengali' }, // Tripura
  { code: 17, population: 2_967, script: 'latin' }, // Meghalaya
  { code: 18, population: 31_206, script: 'bengali' }, // Assam (Assamese, Bengali–Assamese script)
  { code: 19, population: 91_276, script: 'bengali' }, // West Bengal
  { code: 20, population: 32_988, script: 'devanagari' }, // Jharkhand
  { code: 21, population: 41_974, script: 'odia' }, // Odisha
  { code: 22, population: 25_545, script: 'devanagari' }, // Chhattisgarh
  { code: 23, population: 72_627, script: 'devanagari' }, // Madhya Pradesh
  { code: 24, population: 60_440, script: 'gujarati' }, // Gujarat
  { code: 27, population: 112_374, script: 'devanagari' }, // Maharashtra (Marathi)
  { code: 28, population: 49_387, script: 'telugu' }, // Andhra Pradesh (after 2014)
  { code: 29, population: 61_095, script: 'kannada' }, // Karnataka
  { code: 30, population: 1_459, script: 'devanagari' }, // Goa (Konkani)
  { code: 31, population: 64, script: 'malayalam' }, // Lakshadweep
  { code: 32, population: 33_406, script: 'malayalam' }, // Kerala
  { code: 33, population: 72_147, script: 'tamil' }, // Tamil Nadu
  { code: 34, population: 1_248, script: 'tamil' }, // Puducherry
  { code: 35, population: 381, script: 'latin' }, // Andaman and Nicobar Islands
  { code: 36, population: 35_194, script: 'telugu' }, // Telangana
  { code: 37, population: 274, script: 'devanagari' }, // Ladakh
  { code: 38, population: 587, script: 'gujarati' }, // Dadra and Nagar Haveli and Daman and Diu
];

export const stateWeight = (code: number): StateWeight | undefined => STATE_WEIGHTS.find((s) => s.code === code);
