import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfFontNames, pdfPageCount, pdfPageTexts } from '../../reports/pdf';
import { accountabilityByMonth } from './accountability';
import { accountabilityReportPdf, accountabilityWorkbook } from './accountability-report';
import { FEBRUARY, GROUP, MARCH, action, done } from './testkit';

const rows = accountabilityByMonth({
  actions: [
    action('HEALTH', { dueDate: '2025-03-15' }, [done('2025-03-13')]),
    action('HEALTH', { dueDate: '2025-03-10' }, [done('2025-03-15')]),
    action('HEALTH', { dueDate: '2025-03-21' }),
    action('REVENUE', { meetingId: FEBRUARY.id, assignedOn: '2025-02-03', dueDate: '2025-02-20' }, [done('2025-03-05')]),
  ],
  groups: [GROUP],
  meetings: [FEBRUARY, MARCH],
  fromMonth: '2025-02',
  toMonth: '2025-03',
  asOf: '2025-03-31',
});
const meta = { area: 'Amravati district', generatedOn: '2025-04-01' };

describe('accountabilityReportPdf', () => {
  it('renders summary, trend and monthly tables with numbered pages (English)', async () => {
    const pdf = await accountabilityReportPdf(rows, meta, 'en');
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const n = pdfPageCount(pdf);
    const pages = pdfPageTexts(pdf);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${n}`));
    const text = pages.join('\n');
    for (const s of [
      'Convergence accountability report',
      'Summary for the period',
      'Overdue actions at month end',
      'February 2025',
      'March 2025',
      'Health',
    ])
      expect(text).toContain(s);
  });

  it('renders in Hindi with the Devanagari font', async () => {
    const pdf = await accountabilityReportPdf(rows, meta, 'hi');
    expect(pdfFontNames(pdf).some((f) => f.endsWith('NotoSansDevanagari-Bold'))).toBe(true);
    expect(pdfPageTexts(pdf).join('')).toContain('स्वास्थ्य'); // visual order: विभाग extracts as िवभाग;
  });
});

describe('accountabilityWorkbook', () => {
  it('round-trips: summary and monthly sheets read back with the same numbers', async () => {
    const buf = await accountabilityWorkbook(rows, meta, 'mr');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['सारांश', 'मासिक', 'व्याख्या']);

    const summary = wb.getWorksheet('सारांश')!;
    expect(summary.getRow(1).getCell(2).value).toBe('विभाग');
    const health = summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(1).value === 'HEALTH')!;
    expect(health.getCell(2).value).toBe('आरोग्य विभाग');
    expect([3, 4, 5, 6, 7, 8].map((c) => health.getCell(c).value)).toEqual([3, 1, 1, 1, 7.5, 1 / 3]);
    expect(health.getCell(8).numFmt).toBe('0%');

    const monthly = wb.getWorksheet('मासिक')!;
    expect(monthly.rowCount).toBe(rows.length + 1);
    const revFeb = monthly
      .getRows(2, monthly.rowCount - 1)!
      .find((r) => r.getCell(1).value === '2025-02' && r.getCell(2).value === 'REVENUE')!;
    expect([4, 5, 6, 7, 8].map((c) => revFeb.getCell(c).value)).toEqual([1, 0, 0, 1, 8]);
    expect(monthly.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
