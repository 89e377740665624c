import type { RecordKind } from '../../../../src/missing/domain/vocabulary';
import { todayIst } from '../../app/clock';

/**
 * The report form's fields, payload and schema, shared by ChildReportForm.tsx (officials, with
 * Mantine) and the public form of the first download (lite/PublicReport.tsx, issue #17). No zod
 * here: the schemas (report-schema.ts) come only when a report is checked.
 */
export type Values = Record<string, string | boolean>;

export const TEXT_FIELDS = [
  'name',
  'nameLocal',
  'aliases',
  'fatherName',
  'motherName',
  'guardianName',
  'language',
  'marks',
  'clothing',
  'description',
  'place',
  'address',
  'lastSeenPlace',
  'foundPlace',
  'statedHome',
  'currentPlace',
  'reporterName',
  'reporterRelation',
  'reporterPhone',
  'reporterEmail',
  'policeStation',
  'firNumber',
] as const;
export const NUMBER_FIELDS = ['ageYears', 'heightCm', 'weightKg', 'districtCode'] as const;

export const blank = (kind: RecordKind): Values => ({
  ...Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS].map((k) => [k, ''])),
  stateCode: '27',
  sex: '',
  ageEstimated: true,
  source: '',
  currentCare: '',
  lastSeenOn: kind === 'missing' ? todayIst() : '',
  foundOn: kind === 'found' ? todayIst() : '',
});

/** The fields each form sends (the rest of the values are ignored). */
export function fieldsOf(kind: RecordKind, official: boolean): string[] {
  const person = [
    'name',
    'nameLocal',
    'aliases',
    'sex',
    'ageYears',
    'ageEstimated',
    'fatherName',
    'motherName',
    'guardianName',
    'language',
    'heightCm',
    'weightKg',
    'marks',
    'clothing',
    'description',
    'districtCode',
    'reporterName',
    'reporterPhone',
    'reporterEmail',
  ];
  const missing = ['place', 'address', 'lastSeenOn', 'lastSeenPlace', 'reporterRelation'];
  const found = ['foundOn', 'foundPlace', 'statedHome', 'currentCare', 'currentPlace'];
  const officialOnly = official ? ['source', ...(kind === 'missing' ? ['policeStation', 'firNumber'] : [])] : [];
  return [...person, ...(kind === 'missing' ? missing : found), ...officialOnly];
}

export function payloadOf(v: Values, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of fields) {
    const x = v[k];
    if (x === '' || x === undefined) continue;
    if ((NUMBER_FIELDS as readonly string[]).includes(k)) out[k] = Number(x);
    else if (k === 'aliases')
      out[k] = String(x)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else out[k] = typeof x === 'string' ? x.trim() : x;
  }
  return out;
}
