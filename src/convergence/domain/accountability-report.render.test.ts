import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfFontNames, pdfPageCount, pdfPageTexts } from '../../reports/pdf';
import { accountabilityByMonth } from './accountability';
import { accountabilityReportPdf, accountabilityWorkbook } from './accountability-report';
import { t as label, LANGS } from './labels';
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
    expect([3, 4, 5, 6, 7, 8, 9].map((c) => health.getCell(c).value)).toEqual([3, 1, 1, 1, 0, 7.5, 1 / 3]);
    expect(health.getCell(9).numFmt).toBe('0%');

    const monthly = wb.getWorksheet('मासिक')!;
    expect(monthly.rowCount).toBe(rows.length + 1);
    const revFeb = monthly
      .getRows(2, monthly.rowCount - 1)!
      .find((r) => r.getCell(1).value === '2025-02' && r.getCell(2).value === 'REVENUE')!;
    expect([4, 5, 6, 7, 8, 9].map((c) => revFeb.getCell(c).value)).toEqual([1, 0, 0, 1, 0, 8]);
    expect(monthly.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

// Issue #17: the screen splits "overdue" into assigned in the period and assigned earlier, and
// says why the columns need not add up; the exports carry the same two columns and the same note.
describe('accountability exports split overdue like the screen', () => {
  // March only: the police action was assigned at the February meeting and is still open, so it
  // is overdue at the end of March but not among March's assigned; health's is March's own.
  const march = accountabilityByMonth({
    actions: [
      action('POLICE', { meetingId: FEBRUARY.id, assignedOn: '2025-02-03', dueDate: '2025-02-25' }),
      action('HEALTH', { dueDate: '2025-03-21' }),
    ],
    groups: [GROUP],
    meetings: [FEBRUARY, MARCH],
    fromMonth: '2025-03',
    toMonth: '2025-03',
    asOf: '2025-03-31',
  });
  const cells = (row: ExcelJS.Row, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => row.getCell(from + i).value);

  for (const lang of LANGS)
    it(`XLSX (${lang}): two overdue columns headed as on the screen, and the note`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await accountabilityWorkbook(march, meta, lang)) as unknown as ArrayBuffer);
      const [summary, monthly, defs] = wb.worksheets;
      expect(cells(summary.getRow(1), 3, 7)).toEqual([
        label(lang, 'acc.assigned'),
        label(lang, 'acc.doneOnTime'),
        label(lang, 'acc.doneLate'),
        label(lang, 'acc.overdueInPeriod'),
        label(lang, 'acc.overdueEarlier'),
      ]);
      const byCode = (sheet: ExcelJS.Worksheet, code: string, col: number) =>
        sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(col).value === code)!;
      // assigned, on time, late, overdue assigned in the period, overdue assigned earlier
      expect(cells(byCode(summary, 'POLICE', 1), 3, 7)).toEqual([0, 0, 0, 0, 1]);
      expect(cells(byCode(summary, 'HEALTH', 1), 3, 7)).toEqual([1, 0, 0, 1, 0]);
      expect(cells(monthly.getRow(1), 7, 8)).toEqual([label(lang, 'acc.overdueInMonth'), label(lang, 'acc.overdueBeforeMonth')]);
      expect(cells(byCode(monthly, 'POLICE', 2), 4, 8)).toEqual([0, 0, 0, 0, 1]);
      const notes = defs.getColumn(1).values.map(String);
      expect(notes).toContain(label(lang, 'acc.overdueNote'));
    });

  it('XLSX: in a month\'s row "before the month" counts an item assigned in an earlier month of the period', async () => {
    const twoMonths = accountabilityByMonth({
      actions: [action('POLICE', { meetingId: FEBRUARY.id, assignedOn: '2025-02-03', dueDate: '2025-02-25' })],
      groups: [GROUP],
      meetings: [FEBRUARY, MARCH],
      fromMonth: '2025-02',
      toMonth: '2025-03',
      asOf: '2025-03-31',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await accountabilityWorkbook(twoMonths, meta, 'en')) as unknown as ArrayBuffer);
    const [summary, monthly] = wb.worksheets;
    const police = (sheet: ExcelJS.Worksheet, col: number) =>
      sheet.getRows(2, sheet.rowCount - 1)!.filter((r) => r.getCell(col).value === 'POLICE');
    expect(police(monthly, 2).map((r) => [r.getCell(1).value, ...cells(r, 7, 8)])).toEqual([
      ['2025-02', 1, 0],
      ['2025-03', 0, 1],
    ]);
    // Over the whole period it was assigned in the period.
    expect(cells(police(summary, 1)[0], 6, 7)).toEqual([1, 0]);
  });

  it('PDF (en): headers, the split counts and the note', async () => {
    const text = pdfPageTexts(await accountabilityReportPdf(march, meta, 'en')).join('\n');
    const flat = text.replace(/\s+/g, '');
    for (const key of [
      'acc.overdueInPeriod',
      'acc.overdueEarlier',
      'acc.overdueInMonth',
      'acc.overdueBeforeMonth',
      'acc.overdueNote',
    ] as const)
      expect(flat).toContain(label('en', key).replace(/\s+/g, ''));
    expect(text).not.toMatch(/Overdue at end/);
    // Department, assigned, on time, late, overdue in period, overdue earlier, avg days late, rate.
    expect(text).toContain('Police00001340%');
    expect(text).toContain('Health10010100%');
  });

  // Extracted Devanagari comes out in visual order and with conjunct glyphs (ि before its
  // consonant, गई as गईर्), so the extracted text is searched for fragments that survive.
  it.each([
    ['hi', 'समय-सीमा बीत गई: पहले सौंपी गई', ':पहले', 'पुिलस00001340%'],
    ['mr', 'मुदत उलटलेली: आधी सोपवलेली', 'मुदतउलटलेली:आधीसोपवलेली', 'पोलीस00001340%'],
  ] as const)('PDF (%s): the "assigned earlier" header and the police row', async (lang, header, fragment, row) => {
    expect(label(lang, 'acc.overdueEarlier')).toBe(header);
    const flat = pdfPageTexts(await accountabilityReportPdf(march, meta, lang))
      .join('')
      .replace(/\s+/g, '');
    expect(flat).toContain(fragment);
    expect(flat).toContain(row);
  });

  it('uses the glossary in Hindi: समय-सीमा बीत गई and कार्रवाई, not अतिदेय or कार्यवाही (= proceedings)', () => {
    const keys = [
      'acc.overdueInPeriod',
      'acc.overdueEarlier',
      'acc.overdueInMonth',
      'acc.overdueBeforeMonth',
      'acc.overdueNote',
      'acc.trendOverdue',
      'acc.definitions',
    ] as const;
    for (const key of keys) expect(label('hi', key), key).not.toMatch(/अतिदेय|कार्यवाही|नियत तारीख/);
  });
});
