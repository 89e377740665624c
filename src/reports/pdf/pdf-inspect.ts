/**
 * Reads back what our PDFs contain, for tests (no system tools such as pdftotext are
 * assumed to exist). Understands the subset of PDF that pdfkit writes: numbered objects,
 * Flate streams with a direct /Length, Type0 fonts with a ToUnicode CMap, and text shown
 * with `TJ` arrays of 2-byte glyph codes.
 *
 * Text comes back in glyph (visual) order with one entry per glyph, which is exactly what
 * a shaping test needs: a conjunct like क्ष is one glyph whose ToUnicode entry is three
 * code points, and a reordered ि matra appears before the consonant it follows in memory.
 */
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const start = m.index + m[0].length;
    if (!text.startsWith('<<', start)) continue;
    let depth = 0;
    let i = start;
    for (; i < text.length; i++) {
      if (text.startsWith('<<', i)) {
        depth++;
        i++;
      } else if (text.startsWith('>>', i)) {
        depth--;
        i++;
        if (depth === 0) break;
      }
    }
    const dict = text.slice(start, i + 1);
    const obj: PdfObject = { dict };
    const after = /^\s*stream\r?\n/.exec(text.slice(i + 1, i + 20));
    const length = /\/Length (\d+)/.exec(dict);
    if (after && length) {
      const from = i + 1 + after[0].length;
      const raw = pdf.subarray(from, from + Number(length[1]));
      obj.stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
      header.lastIndex = from + Number(length[1]);
    }
    objects.set(Number(m[1]), obj);
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** Page object numbers in document order. */
export function pdfPages(objects: Map<number, PdfObject>): number[] {
  for (const obj of objects.values()) {
    if (/\/Type \/Pages\b/.test(obj.dict)) {
      const kids = /\/Kids \[([^\]]*)\]/.exec(obj.dict)?.[1] ?? '';
      return Array.from(kids.matchAll(/(\d+) 0 R/g), (k) => Number(k[1]));
    }
  }
  return [];
}

export function pdfPageCount(pdf: Buffer): number {
  return pdfPages(pdfObjects(pdf)).length;
}

/** BaseFont names of the embedded fonts, e.g. "BZZZZZ+NotoSansDevanagari-Regular". */
export function pdfFontNames(pdf: Buffer): string[] {
  const names = new Set<string>();
  for (const obj of pdfObjects(pdf).values()) {
    const m = /\/Type \/Font[\s\S]*?\/BaseFont \/([^\s/>]+)/.exec(obj.dict);
    if (m && /\/Subtype \/Type0/.test(obj.dict)) names.add(m[1]);
  }
  return [...names].sort();
}

function hexToString(hex: string): string {
  const clean = hex.replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** Glyph code → Unicode text, from a ToUnicode CMap (bfrange with arrays or offsets, bfchar). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of section[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        Array.from(m[3].matchAll(/<([0-9a-fA-F\s]*)>/g)).forEach((e, k) => map.set(lo + k, hexToString(e[1])));
      } else {
        const base = hexToString(m[3].slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of section[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1], 16), hexToString(m[2]));
  }
  return map;
}

export interface PdfTextRun {
  page: number;
  font: string;
  /** One entry per glyph, in drawing order: the Unicode text each glyph stands for. */
  glyphs: string[];
}

/** Every text-showing operation of the document, decoded through the fonts' ToUnicode maps. */
export function pdfTextRuns(pdf: Buffer): PdfTextRun[] {
  const objects = pdfObjects(pdf);
  const runs: PdfTextRun[] = [];
  pdfPages(objects).forEach((pageNo, pageIndex) => {
    const page = objects.get(pageNo)!;
    const resNo = ref(page.dict, 'Resources');
    const resources = resNo !== undefined ? (objects.get(resNo)?.dict ?? '') : page.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, { name: string; cmap: Map<number, string> }>();
    for (const f of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const fontObj = objects.get(Number(f[2]));
      if (!fontObj) continue;
      const name = /\/BaseFont \/([^\s/>]+)/.exec(fontObj.dict)?.[1] ?? f[1];
      const tu = ref(fontObj.dict, 'ToUnicode');
      const cmapText = tu !== undefined ? (objects.get(tu)?.stream?.toString('latin1') ?? '') : '';
      fonts.set(f[1], { name, cmap: parseToUnicode(cmapText) });
    }
    const contentNo = ref(page.dict, 'Contents');
    const content = contentNo !== undefined ? (objects.get(contentNo)?.stream?.toString('latin1') ?? '') : '';
    let current: { name: string; cmap: Map<number, string> } | undefined;
    for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1]) {
        current = fonts.get(op[1]);
        continue;
      }
      const glyphs: string[] = [];
      for (const h of op[2].matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let i = 0; i + 4 <= h[1].length; i += 4) {
          const code = parseInt(h[1].slice(i, i + 4), 16);
          glyphs.push(current?.cmap.get(code) ?? '\uFFFD');
        }
      }
      runs.push({ page: pageIndex + 1, font: current?.name ?? '?', glyphs });
    }
  });
  return runs;
}

/** The glyphs' text per page, joined in drawing order (visual order for Devanagari). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const pages: string[] = [];
  for (const run of pdfTextRuns(pdf)) pages[run.page - 1] = (pages[run.page - 1] ?? '') + run.glyphs.join('');
  return Array.from(pages, (p) => p ?? '');
}
