// The FEBRL4 record-linkage benchmark (reference/febrl): two files whose true pairs share rec-N.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { tableFromRows, type Table } from '../record';

export function loadFebrl(path: string): Table {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
    transform: (v) => v.trim(),
  }).data;
  return tableFromRows('rec_id', rows);
}

/** rec-N-dup-0 (right) → rec-N-org (left). */
export function febrlTruth(left: Table, right: Table): Map<string, string> {
  const byN = new Map(left.ids.map((id) => [id.split('-')[1], id]));
  const truth = new Map<string, string>();
  for (const id of right.ids) {
    const l = byN.get(id.split('-')[1]);
    if (l) truth.set(id, l);
  }
  return truth;
}

export const FEBRL_DIR = new URL('../../../reference/febrl/', import.meta.url);
