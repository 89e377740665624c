/**
 * A pdfkit document with our fonts, a flowing cursor, page breaks with a running header,
 * and a footer + "page i of n" stamped on every page when the document is finished.
 *
 * Page numbers need the total, which is known only at the end, so pages are buffered
 * (`bufferPages`) and stamped in `finishPdf`. Footers are drawn with explicit positions and
 * `lineBreak: false`, which keeps pdfkit from starting a new page when writing in the
 * bottom margin.
 */
import PDFDocument from 'pdfkit';
import { notoFontSet, registerFonts, type FontSet } from './fonts';
import { drawLines, drawText, lineHeight, measureText, wrapText, type Align, type TextStyle, type TextTarget } from './text';

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** BCP 47 language of the content (e.g. 'mr-IN'): screen readers and text extraction use it. */
  lang?: string;
  layout?: 'portrait' | 'landscape';
  margin?: number;
  fonts?: FontSet;
  /** Printed at the bottom of every page (e.g. the confidentiality notice). */
  footer?: string;
  /** Page label, e.g. (3, 7) => "Page 3 of 7". */
  pageLabel?: (page: number, total: number) => string;
  /** Called on every page after the first, to draw a running header; may move ctx.y. */
  onNewPage?: (ctx: PdfContext) => void;
  /** Fixes the document dates (CreationDate) so output is reproducible in tests. */
  creationDate?: Date;
}

export interface PdfContext extends TextTarget {
  /** Cursor: top of the next thing to draw on the current page. */
  y: number;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  /** Lowest y content may reach (the footer lives below it). */
  readonly bottom: number;
  readonly options: PdfOptions;
  /** Resolves to the finished file once `finishPdf` has ended the document. */
  readonly done: Promise<Buffer>;
}

export const FOOTER_STYLE: TextStyle = { size: 7.5, color: '#444444' };
const FOOTER_RESERVE = 22;

export function createPdf(options: PdfOptions): PdfContext {
  const margin = options.margin ?? 40;
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin,
    bufferPages: true,
    lang: options.lang,
    displayTitle: true,
    // pdfkit reads CreationDate unconditionally when present as a key, so leave absent keys out.
    info: {
      Title: options.title,
      Author: options.author ?? 'Samanvay',
      Producer: 'Samanvay',
      Creator: 'Samanvay',
      ...(options.subject ? { Subject: options.subject } : {}),
      ...(options.creationDate ? { CreationDate: options.creationDate } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = options.fonts ?? notoFontSet();
  registerFonts(doc, fonts);
  return {
    doc,
    fonts,
    y: margin,
    left: margin,
    width: doc.page.width - 2 * margin,
    top: margin,
    bottom: doc.page.height - margin - FOOTER_RESERVE,
    options,
    done,
  };
}

export function newPage(ctx: PdfContext): void {
  ctx.doc.addPage();
  ctx.y = ctx.top;
  ctx.options.onNewPage?.(ctx);
}

/** Starts a new page unless `height` more points fit below the cursor. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (ctx.y + height > ctx.bottom) newPage(ctx);
}

/**
 * A paragraph in the flow. It moves whole to the next page when it (plus `keepWithNext`
 * points, so a heading is not left alone at a page foot) fits on one page; a longer one
 * breaks between lines.
 */
export function paragraph(
  ctx: PdfContext,
  text: string,
  style: TextStyle,
  opts: { indent?: number; gapAfter?: number; keepWithNext?: number; align?: Align } = {},
): void {
  const indent = opts.indent ?? 0;
  const width = ctx.width - indent;
  const lines = wrapText(ctx, text, width, style);
  const lh = lineHeight(style);
  ensureSpace(ctx, Math.min(lines.length * lh + (opts.keepWithNext ?? 0), ctx.bottom - ctx.top));
  for (let i = 0; i < lines.length; i++) {
    ensureSpace(ctx, lh);
    ctx.y += drawLines(ctx, lines, { x: ctx.left + indent, y: ctx.y, width, align: opts.align }, style, i, i + 1);
  }
  ctx.y += opts.gapAfter ?? 0;
}

/** Stamps footer and page labels on every buffered page, ends the document, returns the bytes. */
export async function finishPdf(ctx: PdfContext): Promise<Buffer> {
  const { doc, options } = ctx;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom - FOOTER_RESERVE + 8;
    doc
      .save()
      .moveTo(ctx.left, y - 3)
      .lineTo(ctx.left + ctx.width, y - 3)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .restore();
    const label = options.pageLabel?.(i - range.start + 1, total) ?? '';
    const labelWidth = label ? measureText(ctx, label, FOOTER_STYLE) : 0;
    if (options.footer) {
      drawText(ctx, options.footer, { x: ctx.left, y, width: ctx.width - labelWidth - 12 }, FOOTER_STYLE);
    }
    if (label) drawText(ctx, label, { x: ctx.left, y, width: ctx.width, align: 'right' }, FOOTER_STYLE);
  }
  doc.end();
  return ctx.done;
}
