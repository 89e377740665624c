/** Shared PDF toolkit: Noto fonts, mixed-script text, flowing tables, footers and page numbers. */
export { notoFontSet, registerFonts, facesOfWeight, type FontFace, type FontSet, type FontWeight } from './fonts';
export {
  scriptOf,
  splitScriptRuns,
  assignFaces,
  faceCovers,
  parseUnicodeRanges,
  type ScriptClass,
  type ScriptRun,
  type FaceCoverage,
  type FontRun,
} from './script-runs';
export {
  layoutRuns,
  measureText,
  wrapText,
  drawLine,
  drawLines,
  drawText,
  lineHeight,
  LINE_HEIGHT_FACTOR,
  BASELINE_FACTOR,
  type TextTarget,
  type TextStyle,
  type TextBox,
  type LaidRun,
  type LaidLine,
  type Align,
} from './text';
export { createPdf, finishPdf, newPage, ensureSpace, paragraph, FOOTER_STYLE, type PdfContext, type PdfOptions } from './document';
export { drawTable, type TableColumn, type TableOptions } from './table';
export {
  pdfObjects,
  pdfPages,
  pdfPageCount,
  pdfFontNames,
  pdfTextRuns,
  pdfPageTexts,
  parseToUnicode,
  type PdfObject,
  type PdfTextRun,
} from './pdf-inspect';
