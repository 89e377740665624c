// Reading and writing the person-record CSV. Errors name the line and the field so that
// the person fixing the file can find them; with skipInvalid, bad rows are reported and skipped.
import Papa from 'papaparse';
import { csvCell } from '../exports/csv';
import { PERSON_COLUMNS, type PersonColumn, type PersonRecord } from './record';

export interface InvalidRow {
  line: number;
  field: string;
  reason: string;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `line ${line}, field ${field}: ${reason}` : `line ${line}: ${reason}`);
    this.name = 'CsvError';
  }
}

export interface ReadOptions {
  skipInvalid?: boolean;
  /** Largest plausible age; 25 covers children and care leavers in aftercare (18–23). */
  maxAge?: number;
}

export interface ReadResult {
  records: PersonRecord[];
  invalid: InvalidRow[];
}

/** Decodes bytes as UTF-8, marking undecodable bytes with U+FFFD so the row can be named. */
export function decodeUtf8(input: Uint8Array | string): string {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0,
    hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function validateRow(cells: string[], header: PersonColumn[], maxAge: number): { record?: PersonRecord; error?: [string, string] } {
  const rec: Record<string, unknown> = {};
  for (let c = 0; c < header.length; c++) {
    const name = header[c];
    const raw = cells[c] ?? '';
    if (raw.includes('\uFFFD')) return { error: [name, 'invalid UTF-8'] };
    const v = raw.trim();
    if (name === 'id') {
      if (v === '') return { error: [name, 'id is blank'] };
      rec.id = v;
    } else if (name === 'age') {
      if (v === '') rec.age = null;
      else {
        const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n)) return { error: [name, `not a number: "${v}"`] };
        if (n < 0 || n > maxAge) return { error: [name, `impossible age ${v} (must be 0–${maxAge})`] };
        rec.age = n;
      }
    } else if (name === 'date') {
      if (v !== '' && !isRealDate(v)) return { error: [name, `not a real date in YYYY-MM-DD: "${v}"`] };
      rec.date = v;
    } else rec[name] = v;
  }
  return { record: rec as unknown as PersonRecord };
}

/** Parses person-record CSV text or bytes. Throws CsvError on the first bad row unless skipInvalid. */
export function readPersonCsv(input: Uint8Array | string, opts: ReadOptions = {}): ReadResult {
  const text = decodeUtf8(input);
  const maxAge = opts.maxAge ?? 25;
  const starts = lineStarts(text);
  const invalid: InvalidRow[] = [];
  const records: PersonRecord[] = [];
  const fail = (line: number, field: string, reason: string) => {
    if (!opts.skipInvalid) throw new CsvError(line, field, reason);
    invalid.push({ line, field, reason });
  };

  let header: PersonColumn[] | null = null;
  let rowStart = 0;
  const seen = new Set<string>();
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (res) => {
      const cursor = res.meta.cursor;
      const line = lineOf(starts, rowStart);
      const start = rowStart;
      rowStart = cursor;
      const cells = res.data;
      if (header === null) {
        header = readHeader(cells);
        return;
      }
      if (cells.length === 1 && cells[0] === '' && text.slice(start, cursor).trim() === '') return; // blank line
      const raw = text.slice(start, cursor);
      const badQuote = raw.includes('"') ? quotingError(raw) : -1;
      if (res.errors.length > 0 || badQuote >= 0) {
        const e = res.errors[0];
        const idx = badQuote >= 0 ? badQuote : Math.max(cells.length - 1, 0);
        const field = header[Math.min(idx, header.length - 1)];
        fail(line, field, e && e.type !== 'Quotes' ? e.message : `broken quoting${e ? ` (${e.message})` : ''}`);
        return;
      }
      if (cells.length !== header.length) {
        fail(line, '', `expected ${header.length} fields, found ${cells.length}`);
        return;
      }
      const { record, error } = validateRow(cells, header, maxAge);
      if (error) {
        fail(line, error[0], error[1]);
        return;
      }
      if (seen.has(record!.id)) {
        fail(line, 'id', `duplicate id "${record!.id}"`);
        return;
      }
      seen.add(record!.id);
      records.push(fillMissing(record!));
    },
  });
  if (header === null) throw new CsvError(1, '', 'empty file: expected a header row');
  return { records, invalid };
}

/** Index of the first field whose quoting breaks RFC 4180 (a bare quote inside an unquoted
 *  field, text after a closing quote, an unclosed quote), or -1. Papaparse tolerates some of these. */
export function quotingError(row: string): number {
  let field = 0,
    i = 0;
  const n = row.length;
  while (i < n) {
    if (row[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) return field;
        if (row[i] === '"') {
          if (row[i + 1] === '"') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      if (i < n && row[i] !== ',' && row[i] !== '\r' && row[i] !== '\n') return field;
    } else {
      while (i < n && row[i] !== ',' && row[i] !== '\n' && row[i] !== '\r') {
        if (row[i] === '"') return field;
        i++;
      }
    }
    if (i < n && row[i] === ',') {
      field++;
      i++;
      continue;
    }
    break;
  }
  return -1;
}

function readHeader(cells: string[]): PersonColumn[] {
  const names = cells.map((c) =>
    c
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const known = new Set<string>(PERSON_COLUMNS);
  for (const n of names) if (!known.has(n)) throw new CsvError(1, n, `unknown column "${n}" (expected ${PERSON_COLUMNS.join(',')})`);
  for (const c of PERSON_COLUMNS) if (!names.includes(c)) throw new CsvError(1, c, `missing column "${c}"`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new CsvError(1, dup, `column "${dup}" appears twice`);
  return names as PersonColumn[];
}

function fillMissing(r: PersonRecord): PersonRecord {
  for (const c of PERSON_COLUMNS)
    if ((r as unknown as Record<string, unknown>)[c] === undefined) (r as unknown as Record<string, unknown>)[c] = c === 'age' ? null : '';
  return r;
}

/** One CSV field, quoted per RFC 4180 when needed; text a spreadsheet would run as a formula is neutralised (src/exports/csv.ts). */
export function csvField(v: string | number | null | undefined): string {
  return csvCell(v);
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvField).join(',') + '\n';
}

export function personCsv(records: readonly PersonRecord[]): string {
  let out = csvLine(PERSON_COLUMNS);
  for (const r of records) out += csvLine(PERSON_COLUMNS.map((c) => (c === 'age' ? (r.age === null ? '' : r.age) : r[c])));
  return out;
}
