/**
 * The words of a missing-child match's explanation (src/linkage: the shipped model
 * indian-children.v1.json), by comparison id and level number, in English, Hindi and Marathi,
 * merged into the catalogue as `match.field.<id>` and `match.level.<id>.<n>`. English is the
 * model's own wording: where a refitted model's level no longer reads as here, the reader gets the
 * model's words rather than a wrong translation (`matchLevelText`, and web/src/features/missing).
 */
type Words = readonly [en: string, hi: string, mr: string];

const NAME_LEVELS: Words[] = [
  ['exact', 'हूबहू एक जैसा', 'तंतोतंत सारखे'],
  ['spelling/script variant', 'वर्तनी या लिपि का अंतर', 'शुद्धलेखन किंवा लिपीतील फरक'],
  ['close variant', 'बहुत मिलता-जुलता', 'खूप मिळतेजुळते'],
  ['similar', 'कुछ मिलता-जुलता', 'थोडे मिळतेजुळते'],
  ['nickname', 'घर का नाम', 'टोपणनाव'],
  ['given name agrees, other names differ', 'पहला नाम मेल खाता है, बाकी नाम अलग', 'पहिले नाव जुळते, बाकीची नावे वेगळी'],
  ['different', 'अलग', 'वेगळे'],
];
const GIVEN = NAME_LEVELS[5][0];
// model v1.6: the father's name has the given-name level, the mother's not (src/linkage/comparison.name.ts).
const FATHER_LEVELS = NAME_LEVELS.filter((l) => l[0] !== 'nickname');
const MOTHER_LEVELS = FATHER_LEVELS.filter((l) => l[0] !== GIVEN);
const AGREES: Words[] = [
  ['agrees', 'मेल खाता है', 'जुळते'],
  ['differs', 'मेल नहीं खाता', 'जुळत नाही'],
];

const COMPARISONS: Record<string, { field: Words; levels: Words[] }> = {
  name: { field: ['name', 'नाम', 'नाव'], levels: NAME_LEVELS },
  father: { field: ['father', 'पिता', 'वडील'], levels: FATHER_LEVELS },
  mother: { field: ['mother', 'माता', 'आई'], levels: MOTHER_LEVELS },
  sex: { field: ['sex', 'लिंग', 'लिंग'], levels: AGREES },
  age: {
    field: ['age', 'आयु', 'वय'],
    levels: [
      ['same', 'समान', 'सारखे'],
      ['within 1.5y', '1.5 वर्ष के भीतर', '1.5 वर्षांच्या आत'],
      ['within 3y', '3 वर्ष के भीतर', '3 वर्षांच्या आत'],
      ['within 5y', '5 वर्ष के भीतर', '5 वर्षांच्या आत'],
      ['over 5y apart', '5 वर्ष से अधिक का अंतर', '5 वर्षांपेक्षा जास्त फरक'],
    ],
  },
  date: {
    field: ['dates', 'तारीखें', 'तारखा'],
    levels: [
      ['found within 30 days', '30 दिनों के भीतर मिला', '30 दिवसांच्या आत सापडले'],
      ['found within a year', 'एक वर्ष के भीतर मिला', 'एका वर्षाच्या आत सापडले'],
      ['found over a year later', 'एक वर्ष से अधिक बाद मिला', 'एका वर्षापेक्षा जास्त काळानंतर सापडले'],
      ['found just before missing', 'लापता होने से ठीक पहले मिला', 'हरवण्याच्या थोडे आधी सापडले'],
      ['found long before missing', 'लापता होने से बहुत पहले मिला', 'हरवण्याच्या खूप आधी सापडले'],
    ],
  },
  location: {
    field: ['place', 'स्थान', 'ठिकाण'],
    levels: [
      ['same place', 'एक ही स्थान', 'एकच ठिकाण'],
      ['same district', 'एक ही ज़िला', 'एकच जिल्हा'],
      ['same state', 'एक ही राज्य', 'एकच राज्य'],
      ['different state', 'अलग राज्य', 'वेगळे राज्य'],
    ],
  },
  language: { field: ['language', 'भाषा', 'भाषा'], levels: AGREES },
  marks: {
    field: ['marks', 'पहचान के निशान', 'ओळखीच्या खुणा'],
    levels: [
      ['mostly shared', 'अधिकांश समान', 'बहुतेक सारख्या'],
      ['some shared', 'कुछ समान', 'काही सारख्या'],
      ['none shared', 'कोई समान नहीं', 'एकही सारखी नाही'],
    ],
  },
};

type Tree = { field: Record<string, string>; level: Record<string, Record<string, string>> };
const tree = (i: 0 | 1 | 2): Tree => ({
  field: Object.fromEntries(Object.entries(COMPARISONS).map(([id, c]) => [id, c.field[i]])),
  level: Object.fromEntries(
    Object.entries(COMPARISONS).map(([id, c]) => [id, Object.fromEntries(c.levels.map((l, n) => [String(n), l[i]]))]),
  ),
});

export const MATCH_WORDS = { en: tree(0), hi: tree(1), mr: tree(2) };
