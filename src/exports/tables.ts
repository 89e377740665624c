import ExcelJS from 'exceljs';
import { csvText } from './csv';

export interface TableFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** Any table a screen shows can leave as CSV (UTF-8 with BOM so Excel shows Devanagari) or a real .xlsx. */
export async function tableFile<T>(name: string, columns: Column<T>[], rows: T[], format: 'csv' | 'xlsx'): Promise<TableFile> {
  if (format === 'csv') {
    // Cells that a spreadsheet would run as formulas are neutralised (csv.ts).
    const csv = csvText(
      columns.map((c) => c.header),
      rows.map((r) => columns.map((c) => c.value(r))),
    );
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from('\uFEFF' + csv, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samanvay';
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    filename: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
