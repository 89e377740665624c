/**
 * The monthly accountability report for the DCWPC and the Mission Vatsalya monthly review:
 * a PDF for the meeting table and an Excel workbook for the district's own analysis.
 * Both take the rows of `accountabilityByMonth` and contain department-level counts only,
 * no case references or children's particulars (JJ Act 2015 s.74), so they can circulate.
 */
import ExcelJS from 'exceljs';
import { createPdf, drawTable, finishPdf, paragraph, type TableColumn } from '../../reports/pdf';
import { accountabilityTrend, summariseAccountability, type DepartmentMonth } from './accountability';
import { departmentLabel, formatDate, formatMonth, formatPercent, locale, t, type Lang } from './labels';
import type { IsoDate } from './types';

export interface AccountabilityReportMeta {
  /** Area the report covers, e.g. "Amravati district". */
  area: string;
  generatedOn: IsoDate;
  /** Fixes the PDF's creation date (reproducible output in tests). */
  creationDate?: Date;
}

const num = (x: number | null) => (x === null ? '—' : String(x));

function periodText(rows: DepartmentMonth[], lang: Lang): string {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  if (months.length === 0) return '—';
  return months.length === 1
    ? formatMonth(lang, months[0])
    : `${formatMonth(lang, months[0])} – ${formatMonth(lang, months[months.length - 1])}`;
}

export async function accountabilityReportPdf(rows: DepartmentMonth[], meta: AccountabilityReportMeta, lang: Lang): Promise<Buffer> {
  const title = `${t(lang, 'acc.title')} — ${meta.area}`;
  const ctx = createPdf({
    title,
    lang: locale(lang),
    layout: 'landscape',
    footer: t(lang, 'doc.generatedOn', { date: formatDate(lang, meta.generatedOn) }),
    pageLabel: (page, total) => t(lang, 'doc.page', { page, total }),
    creationDate: meta.creationDate,
    onNewPage: (c) => paragraph(c, title, { size: 8, color: '#555555' }, { gapAfter: 6 }),
  });
  paragraph(ctx, t(lang, 'acc.title'), { size: 16, weight: 'bold' }, { gapAfter: 2 });
  paragraph(
    ctx,
    `${t(lang, 'acc.area')}: ${meta.area} · ${t(lang, 'acc.period')}: ${periodText(rows, lang)}`,
    { size: 10 },
    { gapAfter: 4 },
  );
  paragraph(ctx, t(lang, 'acc.definitions'), { size: 8, color: '#555555' }, { gapAfter: 2 });
  paragraph(ctx, t(lang, 'acc.overdueNote'), { size: 8, color: '#555555' }, { gapAfter: 8 });

  const right = 'right' as const;
  paragraph(ctx, t(lang, 'acc.summary'), { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
  const summaryCols: TableColumn[] = [
    { header: t(lang, 'acc.department'), width: 3.2 },
    { header: t(lang, 'acc.assigned'), width: 1.2, align: right },
    { header: t(lang, 'acc.doneOnTime'), width: 1.3, align: right },
    { header: t(lang, 'acc.doneLate'), width: 1.3, align: right },
    { header: t(lang, 'acc.overdueInPeriod'), width: 1.6, align: right },
    { header: t(lang, 'acc.overdueEarlier'), width: 1.6, align: right },
    { header: t(lang, 'acc.avgDaysLate'), width: 1.4, align: right },
    { header: t(lang, 'acc.onTimeRate'), width: 1.4, align: right },
    { header: t(lang, 'acc.attendance'), width: 1.4, align: right },
  ];
  drawTable(
    ctx,
    summaryCols,
    summariseAccountability(rows).map((s) => [
      departmentLabel(lang, s.department),
      String(s.assigned),
      String(s.doneOnTime),
      String(s.doneLate),
      String(s.overdueAtEnd - s.overdueAtEndEarlier),
      String(s.overdueAtEndEarlier),
      num(s.avgDaysLate),
      formatPercent(s.onTimeRate),
      formatPercent(s.attendanceRate),
    ]),
  );

  // Trend: overdue at each month end, one column per month (what the review looks at first).
  const trend = accountabilityTrend(rows, 'overdue');
  if (trend.months.length > 1) {
    ctx.y += 8;
    paragraph(ctx, t(lang, 'acc.trendOverdue'), { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
    drawTable(
      ctx,
      [
        { header: t(lang, 'acc.department'), width: 3.2 },
        ...trend.months.map((m) => ({ header: formatMonth(lang, m), width: 1.2, align: right })),
      ],
      trend.series.map((s) => [departmentLabel(lang, s.department), ...s.values.map(num)]),
    );
  }

  // In a month's table "earlier" means assigned before that month (an item overdue for three
  // months is counted in each of them, as assigned in the first and earlier in the others).
  const monthCols: TableColumn[] = summaryCols.map((c, i) =>
    i === 4 ? { ...c, header: t(lang, 'acc.overdueInMonth') } : i === 5 ? { ...c, header: t(lang, 'acc.overdueBeforeMonth') } : c,
  );
  for (const month of trend.months) {
    ctx.y += 8;
    paragraph(ctx, formatMonth(lang, month), { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
    drawTable(
      ctx,
      monthCols,
      rows
        .filter((r) => r.month === month)
        .map((r) => [
          departmentLabel(lang, r.department),
          String(r.assigned),
          String(r.doneOnTime),
          String(r.doneLate),
          String(r.overdue - r.overdueEarlier),
          String(r.overdueEarlier),
          num(r.avgDaysLate),
          formatPercent(r.onTimeRate),
          formatPercent(r.attendanceRate),
        ]),
    );
  }
  return finishPdf(ctx);
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
}

/**
 * Workbook with a period summary, one monthly table (month × department, filterable), and
 * the definitions. Department codes sit beside the translated names so formulas and
 * imports can key on them. Rates are stored as fractions with a percent format.
 */
export async function accountabilityWorkbook(rows: DepartmentMonth[], meta: AccountabilityReportMeta, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samanvay';
  wb.title = `${t(lang, 'acc.title')} — ${meta.area}`;
  wb.created = meta.creationDate ?? new Date(`${meta.generatedOn}T00:00:00Z`);

  const summary = wb.addWorksheet(t(lang, 'acc.sheetSummary'));
  summary.columns = [
    { header: t(lang, 'acc.code'), key: 'code', width: 20 },
    { header: t(lang, 'acc.department'), key: 'department', width: 34 },
    { header: t(lang, 'acc.assigned'), key: 'assigned', width: 12 },
    { header: t(lang, 'acc.doneOnTime'), key: 'doneOnTime', width: 14 },
    { header: t(lang, 'acc.doneLate'), key: 'doneLate', width: 14 },
    { header: t(lang, 'acc.overdueInPeriod'), key: 'overdueInPeriod', width: 20 },
    { header: t(lang, 'acc.overdueEarlier'), key: 'overdueAtEndEarlier', width: 20 },
    { header: t(lang, 'acc.avgDaysLate'), key: 'avgDaysLate', width: 16 },
    { header: t(lang, 'acc.onTimeRate'), key: 'onTimeRate', width: 16, style: { numFmt: '0%' } },
    { header: t(lang, 'acc.attendance'), key: 'attendanceRate', width: 18, style: { numFmt: '0%' } },
  ];
  for (const s of summariseAccountability(rows))
    summary.addRow({
      ...s,
      code: s.department,
      department: departmentLabel(lang, s.department),
      overdueInPeriod: s.overdueAtEnd - s.overdueAtEndEarlier,
    });
  styleHeader(summary);

  const monthly = wb.addWorksheet(t(lang, 'acc.sheetMonthly'));
  monthly.columns = [
    { header: t(lang, 'acc.month'), key: 'month', width: 10 },
    { header: t(lang, 'acc.code'), key: 'code', width: 20 },
    { header: t(lang, 'acc.department'), key: 'department', width: 34 },
    { header: t(lang, 'acc.assigned'), key: 'assigned', width: 12 },
    { header: t(lang, 'acc.doneOnTime'), key: 'doneOnTime', width: 14 },
    { header: t(lang, 'acc.doneLate'), key: 'doneLate', width: 14 },
    { header: t(lang, 'acc.overdueInMonth'), key: 'overdueInMonth', width: 20 },
    { header: t(lang, 'acc.overdueBeforeMonth'), key: 'overdueEarlier', width: 20 },
    { header: t(lang, 'acc.avgDaysLate'), key: 'avgDaysLate', width: 16 },
    { header: t(lang, 'acc.onTimeRate'), key: 'onTimeRate', width: 16, style: { numFmt: '0%' } },
    { header: t(lang, 'acc.attendance'), key: 'attendanceRate', width: 18, style: { numFmt: '0%' } },
  ];
  for (const r of rows)
    monthly.addRow({
      ...r,
      code: r.department,
      department: departmentLabel(lang, r.department),
      overdueInMonth: r.overdue - r.overdueEarlier,
    });
  styleHeader(monthly);

  const defs = wb.addWorksheet(t(lang, 'acc.sheetDefinitions'));
  defs.getColumn(1).width = 120;
  defs.addRow([t(lang, 'acc.title')]).font = { bold: true };
  defs.addRow([`${t(lang, 'acc.area')}: ${meta.area}`]);
  defs.addRow([t(lang, 'doc.generatedOn', { date: formatDate(lang, meta.generatedOn) })]);
  defs.addRow([t(lang, 'acc.definitions')]).alignment = { wrapText: true };
  defs.addRow([t(lang, 'acc.overdueNote')]).alignment = { wrapText: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
