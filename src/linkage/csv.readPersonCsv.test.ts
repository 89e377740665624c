import { describe, expect, it } from 'vitest';
import { CsvError, personCsv, quotingError, readPersonCsv } from './csv';

const H = 'id,name,sex,age,father_name,mother_name,state,district,place,date,language,marks\n';

function err(text: string | Uint8Array): string {
  try {
    readPersonCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('readPersonCsv', () => {
  it('reads valid rows with RFC 4180 quoting, blanks and decimal ages', () => {
    const { records } = readPersonCsv(H + '1,"Ram ""Raju"" Kumar",m,7.5,,,,,,2024-01-02,,"mole, left cheek"\n2,सुनीता,,,,,,,,,,\n');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ id: '1', name: 'Ram "Raju" Kumar', age: 7.5, date: '2024-01-02', marks: 'mole, left cheek' });
    expect(records[1]).toMatchObject({ name: 'सुनीता', age: null, sex: '', date: '' });
  });
  it('accepts columns in any order and a BOM', () => {
    const { records } = readPersonCsv(
      '\uFEFFname,id,sex,age,father_name,mother_name,state,district,place,date,language,marks\nAsha,7,f,3,,,,,,,,\n',
    );
    expect(records[0]).toMatchObject({ id: '7', name: 'Asha' });
  });
  it('names missing and unknown header columns', () => {
    expect(err('id,name,sex,age,father_name,mother_name,state,district,place,date,language\n')).toMatch(
      /line 1, field marks: missing column/,
    );
    expect(err(H.trim() + ',foo\n')).toMatch(/line 1, field foo: unknown column/);
  });
  it('names the line and field of bad values', () => {
    expect(err(H + '1,A,f,8,,,,,,2024-02-30,,\n')).toBe('line 2, field date: not a real date in YYYY-MM-DD: "2024-02-30"');
    expect(err(H + '1,A,f,8,,,,,,02/01/2024,,\n')).toMatch(/^line 2, field date:/);
    expect(err(H + '1,A,f,8,,,,,,,,\n2,B,f,-1,,,,,,,,\n')).toMatch(/^line 3, field age: impossible age/);
    expect(err(H + '1,A,f,26,,,,,,,,\n')).toMatch(/^line 2, field age: impossible age/);
    expect(err(H + '1,A,f,ten,,,,,,,,\n')).toMatch(/^line 2, field age: not a number/);
    expect(err(H + ',A,f,1,,,,,,,,\n')).toMatch(/^line 2, field id:/);
    expect(err(H + '1,A,f,1,,,,\n')).toMatch(/^line 2: expected 12 fields/);
  });
  it('detects broken quoting', () => {
    expect(err(H + '1,A,f,8,,,,,,,,\n2,"Ram,m,8,,,,,,,,\n')).toMatch(/^line 3, field name: broken quoting/);
    expect(err(H + '1,Sun"ita,f,8,,,,,,,,\n')).toMatch(/^line 2, field name: broken quoting/);
    expect(err(H + '1,"Sun"ita,f,8,,,,,,,,\n')).toMatch(/^line 2, field name: broken quoting/);
    expect(quotingError('a,"b ""c""",d')).toBe(-1);
  });
  it('detects invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(H + '1,Sun'), Buffer.from([0xff, 0xfe]), Buffer.from('ita,f,8,,,,,,,,\n')]);
    expect(err(bytes)).toBe('line 2, field name: invalid UTF-8');
  });
  it('counts lines inside multi-line quoted fields', () => {
    expect(err(H + '1,"Sunita\nX",f,8,,,,,,,,\n2,B,f,30,,,,,,,,\n')).toMatch(/^line 4, field age/);
  });
  it('skips and reports invalid rows with skipInvalid', () => {
    const { records, invalid } = readPersonCsv(H + '1,A,f,8,,,,,,,,\n2,B,f,30,,,,,,,,\n3,C,m,,,,,,,2023-13-01,,\n4,D,m,,,,,,,,,\n', {
      skipInvalid: true,
    });
    expect(records.map((r) => r.id)).toEqual(['1', '4']);
    expect(invalid).toEqual([
      { line: 3, field: 'age', reason: 'impossible age 30 (must be 0–25)' },
      { line: 4, field: 'date', reason: 'not a real date in YYYY-MM-DD: "2023-13-01"' },
    ]);
  });
  it('round-trips through personCsv', () => {
    const { records } = readPersonCsv(H + '1,"A, B",f,8.5,"x ""y""",,,,,2024-01-01,,\n');
    expect(readPersonCsv(personCsv(records)).records).toEqual(records);
  });
});
