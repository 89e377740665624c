/**
 * A Mission Vatsalya report as PDF (Noto fonts: Devanagari for Hindi and Marathi), Excel
 * (exceljs, one sheet per part) or CSV (the one CSV writer, formulas neutralised).
 */
import ExcelJS from 'exceljs';
import { createPdf, drawTable, finishPdf, paragraph, type TableColumn } from '../pdf';
import { csvText } from '../../exports/csv';
import { INDICATORS } from '../../dashboards/indicators.data';
import { LOCALE, t, type Lang } from './labels';
import type { MvReport, ReportRow } from './report';

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const dash = (v: number | null) => (v === null ? '—' : String(v));

function title(r: MvReport, lang: Lang) {
  return t(lang, r.kind === 'monthly' ? 'monthlyTitle' : 'quarterlyTitle');
}

function rowCells(row: ReportRow, lang: Lang): string[] {
  if (row.status !== 'live') return [row.title[lang], t(lang, 'awaiting'), '', '', '', ''];
  return [row.title[lang], dash(row.inPeriod), dash(row.current), dash(row.denominator), dash(row.rate), dash(row.medianDays)];
}

function headers(lang: Lang): string[] {
  return [t(lang, 'indicator'), t(lang, 'inPeriod'), t(lang, 'current'), t(lang, 'of'), t(lang, 'rate'), t(lang, 'median')];
}

export async function reportPdf(r: MvReport, lang: Lang, creationDate?: Date): Promise<Buffer> {
  const head = `${title(r, lang)} — ${r.area.name}`;
  const ctx = createPdf({
    title: head,
    lang: LOCALE[lang],
    layout: r.kind === 'quarterly' ? 'landscape' : 'portrait',
    footer: `${t(lang, 'confidential')} · ${t(lang, 'generated')}: ${r.computedAt.slice(0, 16).replace('T', ' ')} UTC · v${r.indicatorSetVersion}`,
    pageLabel: (page, total) => t(lang, 'page', { page, total }),
    creationDate,
    onNewPage: (c) => paragraph(c, head, { size: 8, color: '#555555' }, { gapAfter: 6 }),
  });
  paragraph(ctx, title(r, lang), { size: 16, weight: 'bold' }, { gapAfter: 2 });
  paragraph(
    ctx,
    `${t(lang, 'area')}: ${r.area.name} · ${t(lang, 'period')}: ${r.period.label} (${r.period.months.join(', ')})`,
    { size: 10 },
    { gapAfter: 4 },
  );
  paragraph(ctx, t(lang, 'structure'), { size: 8, color: '#555555' }, { gapAfter: 8 });
  const right = 'right' as const;
  const cols: TableColumn[] = [
    { header: headers(lang)[0], width: 4 },
    ...headers(lang)
      .slice(1)
      .map((h) => ({ header: h, width: 1.1, align: right })),
  ];
  for (const s of r.sections) {
    if (!s.rows.length) continue;
    ctx.y += 6;
    paragraph(ctx, t(lang, `section.${s.id}`), { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
    drawTable(
      ctx,
      cols,
      s.rows.map((row) => rowCells(row, lang)),
    );
    if (s.id === 'convergence' && r.departments.length) {
      ctx.y += 4;
      drawTable(
        ctx,
        [
          { header: t(lang, 'department'), width: 3 },
          { header: t(lang, 'current'), width: 1, align: right },
          { header: t(lang, 'of'), width: 1, align: right },
          { header: t(lang, 'rate'), width: 1, align: right },
        ],
        r.departments.map((d) => [d.department, String(d.done), String(d.due), dash(d.rate)]),
      );
    }
  }
  if (r.districts?.length) {
    const live = INDICATORS.indicators.filter((i) => i.status === 'live');
    ctx.y += 8;
    paragraph(ctx, t(lang, 'district'), { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
    drawTable(
      ctx,
      [{ header: t(lang, 'district'), width: 2.2 }, ...live.map((i) => ({ header: i.title[lang], width: 1, align: right }))],
      r.districts.map((d) => [
        d.name,
        ...live.map((i) => {
          const v = d.values[i.id];
          if (!v) return '0';
          return v.rate === null ? String(v.current) : `${v.current} (${v.rate}%)`;
        }),
      ]),
    );
  }
  return finishPdf(ctx);
}

/** The report's rows as a flat table: one line per indicator (and per district for a quarterly report). */
function flatRows(r: MvReport, lang: Lang): { headers: string[]; rows: (string | number | null)[][] } {
  const h = ['section', 'indicator_id', ...headers(lang), t(lang, 'basis')];
  const rows: (string | number | null)[][] = [];
  for (const s of r.sections) {
    for (const row of s.rows) {
      rows.push([
        t(lang, `section.${s.id}`),
        row.id,
        row.title[lang],
        row.status === 'live' ? row.inPeriod : t(lang, 'awaiting'),
        row.current,
        row.denominator,
        row.rate,
        row.medianDays,
        row.basis,
      ]);
    }
  }
  return { headers: h, rows };
}

export async function reportWorkbook(r: MvReport, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samanvay';
  wb.created = new Date(r.computedAt);
  const main = wb.addWorksheet(r.kind === 'monthly' ? 'Monthly report' : 'Quarterly report');
  const flat = flatRows(r, lang);
  main.addRow([`${title(r, lang)} — ${r.area.name}`]).font = { bold: true, size: 14 };
  main.addRow([`${t(lang, 'period')}: ${r.period.label}`, `${t(lang, 'generated')}: ${r.computedAt}`, `v${r.indicatorSetVersion}`]);
  main.addRow([t(lang, 'confidential')]);
  main.addRow([]);
  main.addRow(flat.headers).font = { bold: true };
  for (const row of flat.rows) main.addRow(row);
  main.columns.forEach((c, i) => (c.width = i === 4 ? 44 : i === 10 ? 60 : 16));
  const dept = wb.addWorksheet('Departments');
  dept.addRow([t(lang, 'department'), t(lang, 'current'), t(lang, 'of'), t(lang, 'rate')]).font = { bold: true };
  for (const d of r.departments) dept.addRow([d.department, d.done, d.due, d.rate]);
  if (r.districts?.length) {
    const live = INDICATORS.indicators.filter((i) => i.status === 'live');
    const ws = wb.addWorksheet('Districts');
    ws.addRow([t(lang, 'district'), 'LGD', ...live.flatMap((i) => [i.title[lang], `${i.title[lang]} %`])]).font = { bold: true };
    for (const d of r.districts) {
      ws.addRow([d.name, d.districtCode, ...live.flatMap((i) => [d.values[i.id]?.current ?? 0, d.values[i.id]?.rate ?? null])]);
    }
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function reportCsv(r: MvReport, lang: Lang): Buffer {
  const flat = flatRows(r, lang);
  return Buffer.from('\uFEFF' + csvText(flat.headers, flat.rows), 'utf8');
}

export async function renderReport(r: MvReport, format: 'pdf' | 'xlsx' | 'csv', lang: Lang): Promise<ReportFile> {
  const name = `mission-vatsalya-${r.kind}-${r.area.districtCode ?? r.area.stateCode}-${r.period.label}-${lang}`;
  if (format === 'pdf') return { filename: `${name}.pdf`, contentType: 'application/pdf', body: await reportPdf(r, lang) };
  if (format === 'xlsx') {
    return {
      filename: `${name}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await reportWorkbook(r, lang),
    };
  }
  return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: reportCsv(r, lang) };
}
