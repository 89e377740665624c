/**
 * A simple ruled table that flows across pages: the header row repeats on every page, a
 * row moves whole to the next page when it fits there, and only a row taller than a page
 * is split between lines (so no text is ever cut off or dropped).
 */
import { ensureSpace, newPage, type PdfContext } from './document';
import { drawLines, lineHeight, wrapText, type Align, type LaidLine, type TextStyle } from './text';

export interface TableColumn {
  header: string;
  /** Relative width; columns are scaled to fill the table width. */
  width: number;
  align?: Align;
}

export interface TableOptions {
  size?: number;
  padding?: number;
  headerFill?: string;
  borderColor?: string;
  /** Background of every other body row; omit for none. */
  stripeFill?: string;
}

interface Cell {
  lines: LaidLine[];
  x: number;
  width: number;
  align?: Align;
}

function layoutRow(
  ctx: PdfContext,
  values: string[],
  xs: number[],
  widths: number[],
  aligns: (Align | undefined)[],
  style: TextStyle,
  pad: number,
): Cell[] {
  return widths.map((w, i) => ({
    lines: wrapText(ctx, values[i] ?? '', w - 2 * pad, style),
    x: xs[i],
    width: w,
    align: aligns[i],
  }));
}

function drawSegment(
  ctx: PdfContext,
  cells: Cell[],
  from: number,
  count: number,
  style: TextStyle,
  pad: number,
  fill: string | undefined,
  border: string,
): number {
  const height = count * lineHeight(style) + 2 * pad;
  const { doc } = ctx;
  for (const cell of cells) {
    if (fill) doc.save().rect(cell.x, ctx.y, cell.width, height).fill(fill).restore();
    doc.save().rect(cell.x, ctx.y, cell.width, height).lineWidth(0.5).strokeColor(border).stroke().restore();
    const to = Math.min(from + count, cell.lines.length);
    if (to > from) {
      drawLines(ctx, cell.lines, { x: cell.x + pad, y: ctx.y + pad, width: cell.width - 2 * pad, align: cell.align }, style, from, to);
    }
  }
  ctx.y += height;
  return height;
}

/** Draws the table at the cursor (full content width) and leaves the cursor below it. */
export function drawTable(ctx: PdfContext, columns: TableColumn[], rows: string[][], opts: TableOptions = {}): void {
  if (columns.length === 0) return;
  const size = opts.size ?? 9;
  const pad = opts.padding ?? 4;
  const border = opts.borderColor ?? '#8a8a8a';
  const body: TextStyle = { size };
  const head: TextStyle = { size, weight: 'bold' };
  const lh = lineHeight(body);
  const totalWeight = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / totalWeight) * ctx.width);
  const xs = widths.map((_, i) => ctx.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const aligns = columns.map((c) => c.align);
  const header = layoutRow(
    ctx,
    columns.map((c) => c.header),
    xs,
    widths,
    aligns,
    head,
    pad,
  );
  const headerLines = Math.max(...header.map((c) => c.lines.length));
  const headerHeight = headerLines * lineHeight(head) + 2 * pad;
  const drawHeader = () => drawSegment(ctx, header, 0, headerLines, head, pad, opts.headerFill ?? '#e6e6e6', border);
  const pageBreak = () => {
    newPage(ctx);
    drawHeader();
  };

  // Keep the header with at least one body line.
  ensureSpace(ctx, headerHeight + lh + 2 * pad);
  drawHeader();
  rows.forEach((values, r) => {
    const cells = layoutRow(ctx, values, xs, widths, aligns, body, pad);
    const total = Math.max(1, ...cells.map((c) => c.lines.length));
    const fill = opts.stripeFill && r % 2 === 1 ? opts.stripeFill : undefined;
    const fullPage = ctx.bottom - ctx.top - headerHeight - 2 * pad;
    let from = 0;
    let freshPage = false;
    while (from < total) {
      const remaining = total - from;
      // On a page that cannot hold even one line (a huge running header) draw one anyway
      // rather than adding blank pages for ever.
      const fit = Math.max(freshPage ? 1 : 0, Math.floor((ctx.bottom - ctx.y - 2 * pad) / lh));
      if (fit >= remaining) {
        drawSegment(ctx, cells, from, remaining, body, pad, fill, border);
        break;
      }
      // Not enough room: move the row whole if it fits on a fresh page, else split it here.
      if (fit < 1 || (from === 0 && !freshPage && remaining * lh <= fullPage)) {
        pageBreak();
        freshPage = true;
        continue;
      }
      drawSegment(ctx, cells, from, fit, body, pad, fill, border);
      from += fit;
      pageBreak();
      freshPage = true;
    }
  });
}
