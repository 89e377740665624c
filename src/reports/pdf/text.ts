/**
 * Mixed-script text: measuring, wrapping and drawing strings that switch fonts per run.
 *
 * pdfkit's own wrapper works in one font at a time and its `continued` mode measures each
 * fragment in the font current at that moment, so it cannot wrap a line that mixes
 * Devanagari and Latin. We wrap ourselves: words are measured run by run (each run shaped
 * by fontkit through `widthOfString`, so conjunct widths are the shaped widths), then each
 * line is drawn run by run on a shared alphabetic baseline (the two fonts have different
 * ascenders, so "top" alignment would make the scripts jump).
 */
import { assignFaces } from './script-runs';
import { facesOfWeight, type FontFace, type FontSet, type FontWeight } from './fonts';

export interface TextTarget {
  doc: PDFKit.PDFDocument;
  fonts: FontSet;
}

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: string;
}

export interface LaidRun {
  face: FontFace;
  text: string;
  width: number;
}

export interface LaidLine {
  runs: LaidRun[];
  width: number;
}

// Devanagari stacks matras and the reph above the headline and u/uu/ri matras and rakar
// below it (Noto Sans Devanagari's glyph box reaches about 1.35 em up and 0.55 em down),
// so lines need more room than Latin. These factors keep stacked marks of adjacent lines
// from touching at the sizes we use (8–16 pt).
export const LINE_HEIGHT_FACTOR = 1.55;
export const BASELINE_FACTOR = 1.12;

export function lineHeight(style: TextStyle): number {
  return style.size * LINE_HEIGHT_FACTOR;
}

function setFont(target: TextTarget, face: FontFace, size: number): PDFKit.PDFDocument {
  return target.doc.font(face.key).fontSize(size);
}

/** Splits into font runs and measures each with the shaped advance widths. */
export function layoutRuns(target: TextTarget, text: string, style: TextStyle): LaidLine {
  const faces = facesOfWeight(target.fonts, style.weight ?? 'regular');
  const runs = assignFaces(text, faces).map((run) => ({
    face: run.face,
    text: run.text,
    width: setFont(target, run.face, style.size).widthOfString(run.text),
  }));
  return { runs, width: runs.reduce((sum, r) => sum + r.width, 0) };
}

export function measureText(target: TextTarget, text: string, style: TextStyle): number {
  return layoutRuns(target, text, style).width;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Breaks one over-long word into pieces that fit. Cuts only between grapheme clusters, and
 * never right after a virama or before a ZWJ/ZWNJ, so a conjunct is not split across lines.
 */
function breakWord(target: TextTarget, word: string, maxWidth: number, style: TextStyle): string[] {
  const clusters = Array.from(graphemes.segment(word), (s) => s.segment);
  const units: string[] = [];
  for (const c of clusters) {
    const prev = units[units.length - 1];
    if (prev !== undefined && (/[\u094D]$/.test(prev) || /^[\u200C\u200D]/.test(c))) units[units.length - 1] = prev + c;
    else units.push(c);
  }
  const pieces: string[] = [];
  let piece = '';
  for (const u of units) {
    if (piece && measureText(target, piece + u, style) > maxWidth) {
      pieces.push(piece);
      piece = u;
    } else piece += u;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy word wrap to `maxWidth`; explicit newlines start new lines. Always ≥ 1 line. */
export function wrapText(target: TextTarget, text: string, maxWidth: number, style: TextStyle): LaidLine[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureText(target, candidate, style) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      if (measureText(target, word, style) <= maxWidth) line = word;
      else {
        const pieces = breakWord(target, word, maxWidth, style);
        out.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    out.push(line);
  }
  return out.map((l) => layoutRuns(target, l, style));
}

export type Align = 'left' | 'center' | 'right';

/** Draws one laid-out line with its baseline at `baselineY`. */
export function drawLine(target: TextTarget, line: LaidLine, x: number, baselineY: number, style: TextStyle): void {
  let cx = x;
  for (const run of line.runs) {
    setFont(target, run.face, style.size)
      .fillColor(style.color ?? '#000000')
      .text(run.text, cx, baselineY, { lineBreak: false, baseline: 'alphabetic' });
    cx += run.width;
  }
}

export interface TextBox {
  x: number;
  y: number;
  width: number;
  align?: Align;
}

/** Draws wrapped lines from `lines[from]` to `lines[to-1]` with the first line's top at box.y. */
export function drawLines(target: TextTarget, lines: LaidLine[], box: TextBox, style: TextStyle, from = 0, to = lines.length): number {
  const lh = lineHeight(style);
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const slack = Math.max(0, box.width - line.width);
    const dx = box.align === 'right' ? slack : box.align === 'center' ? slack / 2 : 0;
    drawLine(target, line, box.x + dx, box.y + (i - from) * lh + style.size * BASELINE_FACTOR, style);
  }
  return (to - from) * lh;
}

/** Wraps and draws a paragraph; returns the height used. */
export function drawText(target: TextTarget, text: string, box: TextBox, style: TextStyle): number {
  return drawLines(target, wrapText(target, text, box.width, style), box, style);
}
