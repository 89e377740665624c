import { asWrittenApart } from '../names';

// The person record of the linkage CSV (BRIEF §4) and the column-major table the engine works on.

export const PERSON_COLUMNS = [
  'id',
  'name',
  'sex',
  'age',
  'father_name',
  'mother_name',
  'state',
  'district',
  'place',
  'date',
  'language',
  'marks',
] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

/** Every field but id may be blank (''); age is years, possibly estimated and fractional. */
export interface PersonRecord {
  id: string;
  name: string;
  sex: string;
  age: number | null;
  father_name: string;
  mother_name: string;
  state: string;
  district: string;
  place: string;
  /** YYYY-MM-DD: when the child went missing (left side) or was found (right side). */
  date: string;
  language: string;
  marks: string;
}

/** Column-major records: the engine reads columns by name, so one engine serves any schema (e.g. FEBRL). */
export interface Table {
  ids: string[];
  columns: Record<string, string[]>;
}

/** Names are read as written apart ("GauravKumar", "S0nawane": src/names/written.ts) before any comparison or blocking. */
const NAME_COLUMNS = new Set<PersonColumn>(['name', 'father_name', 'mother_name']);

export function personTable(records: readonly PersonRecord[]): Table {
  const columns: Record<string, string[]> = {};
  for (const c of PERSON_COLUMNS) if (c !== 'id') columns[c] = new Array<string>(records.length);
  const ids = new Array<string>(records.length);
  records.forEach((r, i) => {
    ids[i] = r.id;
    for (const c of PERSON_COLUMNS) {
      if (c === 'id') continue;
      const v = r[c];
      const text = v === null || v === undefined ? '' : String(v);
      columns[c][i] = NAME_COLUMNS.has(c) ? asWrittenApart(text) : text;
    }
  });
  return { ids, columns };
}

export function tableFromRows(idColumn: string, rows: ReadonlyArray<Record<string, string>>): Table {
  const columns: Record<string, string[]> = {};
  const ids = rows.map((r) => r[idColumn] ?? '');
  for (const r of rows) for (const k of Object.keys(r)) if (k !== idColumn && !columns[k]) columns[k] = [];
  for (const k of Object.keys(columns)) columns[k] = rows.map((r) => r[k] ?? '');
  return { ids, columns };
}

export function emptyPerson(id: string): PersonRecord {
  return {
    id,
    name: '',
    sex: '',
    age: null,
    father_name: '',
    mother_name: '',
    state: '',
    district: '',
    place: '',
    date: '',
    language: '',
    marks: '',
  };
}
