/**
 * The fonts our PDFs embed, loaded from the @fontsource packages (SIL OFL 1.1).
 *
 * Why Noto: it is the one freely licensed family with matching Latin and Devanagari
 * designs and complete OpenType shaping tables (GSUB/GPOS for the `dev2` script), which
 * pdfkit's shaper (fontkit) needs to form conjuncts (क्ष, ज्ञ, द्ध), place the reph and the
 * eyelash ra (र्‍), and move the ि matra before its consonant cluster. Fontsource ships
 * each script as a separate subset file, so a report registers several faces and lets
 * `assignFaces` pick one per run; the coverage of each file is read from the package's own
 * `unicode.json` (the same ranges browsers use for @font-face fallback).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseUnicodeRanges, type FaceCoverage, type ScriptClass } from './script-runs';

export type FontWeight = 'regular' | 'bold';

export interface FontFace extends FaceCoverage {
  weight: FontWeight;
  /** The font file (WOFF/TTF/OTF bytes) handed to pdfkit. */
  data: Buffer;
}

export interface FontSet {
  /** In fallback order; `assignFaces` is called with the faces of one weight. */
  faces: ReadonlyArray<FontFace>;
}

interface FaceSource {
  pkg: string;
  subset: string;
  file: (weight: number) => string;
  scripts: ScriptClass[];
}

// Order matters: Latin first (digits and punctuation in every language come from it),
// then Latin Extended (transliterated names with diacritics), then Devanagari.
const NOTO_SOURCES: FaceSource[] = [
  { pkg: '@fontsource/noto-sans', subset: 'latin', file: (w) => `noto-sans-latin-${w}-normal.woff`, scripts: ['latin', 'common'] },
  { pkg: '@fontsource/noto-sans', subset: 'latin-ext', file: (w) => `noto-sans-latin-ext-${w}-normal.woff`, scripts: ['latin'] },
  {
    pkg: '@fontsource/noto-sans-devanagari',
    subset: 'devanagari',
    file: (w) => `noto-sans-devanagari-devanagari-${w}-normal.woff`,
    scripts: ['devanagari'],
  },
];

const require = createRequire(import.meta.url);
let cached: FontSet | null = null;

/** Noto Sans + Noto Sans Devanagari, regular and bold. Files are read once per process. */
export function notoFontSet(): FontSet {
  if (cached) return cached;
  const faces: FontFace[] = [];
  for (const weight of ['regular', 'bold'] as const) {
    const numeric = weight === 'bold' ? 700 : 400;
    for (const src of NOTO_SOURCES) {
      const ranges = (require(`${src.pkg}/unicode.json`) as Record<string, string>)[src.subset];
      if (!ranges) throw new Error(`${src.pkg}/unicode.json has no "${src.subset}" subset`);
      const path = require.resolve(`${src.pkg}/files/${src.file(numeric)}`);
      faces.push({
        key: `${src.pkg.replace('@fontsource/', '')}-${src.subset}-${numeric}`,
        weight,
        scripts: src.scripts,
        ranges: parseUnicodeRanges(ranges),
        data: readFileSync(path),
      });
    }
  }
  cached = { faces };
  return cached;
}

export function facesOfWeight(fonts: FontSet, weight: FontWeight): FontFace[] {
  const faces = fonts.faces.filter((f) => f.weight === weight);
  return faces.length > 0 ? faces : [...fonts.faces];
}

/** Registers every face with the document under its key. */
export function registerFonts(doc: PDFKit.PDFDocument, fonts: FontSet): void {
  for (const face of fonts.faces) doc.registerFont(face.key, face.data);
}
