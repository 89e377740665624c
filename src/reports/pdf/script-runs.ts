/**
 * Splitting text into runs that each go to one font.
 *
 * PDF has no font fallback: every glyph is drawn from the font that is selected when the
 * text is shown. Our reports mix Devanagari (Marathi/Hindi labels, children's and officers'
 * names) with Latin (case references, dates, digits, department acronyms), and no single
 * Noto file covers both, so each string is cut into runs and each run drawn in its own font.
 * The cut must never fall inside a Devanagari syllable, or the shaper (fontkit, inside
 * pdfkit) would see half a conjunct and render a dotted circle instead of क्ष or a
 * reordered ि matra. Hence: combining marks and ZWJ/ZWNJ stay with the preceding
 * character, and punctuation/spaces ("Common" script in Unicode TR #24) follow the
 * surrounding run when its font has them.
 *
 * Pure: coverage is passed in as data (Unicode ranges), so this is testable without fonts.
 */

export type ScriptClass = 'devanagari' | 'latin' | 'common' | 'inherited' | 'other';

const inRange = (cp: number, lo: number, hi: number) => cp >= lo && cp <= hi;

/** Coarse Unicode script of a code point: only the distinctions our fonts need. */
export function scriptOf(cp: number): ScriptClass {
  // Danda and double danda are Script=Common in Unicode (shared by Indic scripts).
  if (cp === 0x0964 || cp === 0x0965) return 'common';
  if (
    inRange(cp, 0x0900, 0x097f) ||
    inRange(cp, 0xa8e0, 0xa8ff) || // Devanagari Extended
    inRange(cp, 0x1cd0, 0x1cff) || // Vedic Extensions
    inRange(cp, 0x11b00, 0x11b5f) // Devanagari Extended-A
  )
    return 'devanagari';
  if (
    cp === 0x200c || // ZWNJ: e.g. explicit half-form requests
    cp === 0x200d || // ZWJ: Marathi eyelash ra (र्‍) needs it next to the virama
    inRange(cp, 0x0300, 0x036f) ||
    inRange(cp, 0x1ab0, 0x1aff) ||
    inRange(cp, 0x1dc0, 0x1dff) ||
    inRange(cp, 0x20d0, 0x20ff) ||
    inRange(cp, 0xfe00, 0xfe0f)
  )
    return 'inherited';
  if (
    inRange(cp, 0x41, 0x5a) ||
    inRange(cp, 0x61, 0x7a) ||
    cp === 0xaa ||
    cp === 0xba ||
    (inRange(cp, 0xc0, 0x24f) && cp !== 0xd7 && cp !== 0xf7) ||
    inRange(cp, 0x250, 0x2af) ||
    inRange(cp, 0x1e00, 0x1eff) ||
    inRange(cp, 0x2c60, 0x2c7f) ||
    inRange(cp, 0xa720, 0xa7ff)
  )
    return 'latin';
  if (cp < 0x2000 && cp >= 0x0370) return 'other'; // Greek, Cyrillic, other Indic scripts…
  if (inRange(cp, 0x0980, 0x0dff)) return 'other';
  return 'common';
}

export interface ScriptRun {
  /** 'common' only when the whole text has no letters (e.g. "12/03/2025"). */
  script: ScriptClass;
  text: string;
}

/**
 * Splits text into maximal runs of one script, attaching Common characters to the
 * preceding run (or the following one at the start) and Inherited ones to the preceding.
 */
export function splitScriptRuns(text: string): ScriptRun[] {
  const cps = Array.from(text);
  const classes = cps.map((c) => scriptOf(c.codePointAt(0)!));
  // Resolve Common/Inherited to a neighbour's script.
  let prev: ScriptClass | null = null;
  const resolved: (ScriptClass | null)[] = classes.map((cls) => {
    if (cls === 'common' || cls === 'inherited') return prev;
    prev = cls;
    return cls;
  });
  let next: ScriptClass | null = null;
  for (let i = resolved.length - 1; i >= 0; i--) {
    if (resolved[i] === null) resolved[i] = next;
    else if (classes[i] !== 'common' && classes[i] !== 'inherited') next = resolved[i];
  }
  const runs: ScriptRun[] = [];
  cps.forEach((ch, i) => {
    const script = resolved[i] ?? 'common';
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += ch;
    else runs.push({ script, text: ch });
  });
  return runs;
}

/** What the run splitter needs to know about a font: which script it is for and what it covers. */
export interface FaceCoverage {
  key: string;
  /** Scripts this face is the first choice for. */
  scripts: ReadonlyArray<ScriptClass>;
  /** Inclusive code point ranges the file contains glyphs for. */
  ranges: ReadonlyArray<readonly [number, number]>;
}

export function faceCovers(face: FaceCoverage, cp: number): boolean {
  // Ranges are few (tens) and sorted by the package; a linear scan is fast enough.
  for (const [lo, hi] of face.ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

export interface FontRun<F extends FaceCoverage = FaceCoverage> {
  face: F;
  text: string;
}

/**
 * Assigns each character a face and merges neighbours with the same face.
 * Letters go to the face made for their script; Common characters stay in the current
 * face when it has them (fewer font switches, and spaces inside Marathi keep Marathi
 * metrics) and otherwise go to the first face that covers them; Inherited characters
 * never leave the face of the character they modify. A character no face covers goes
 * to the first face (it shows as a missing-glyph box rather than disappearing).
 */
export function assignFaces<F extends FaceCoverage>(text: string, faces: ReadonlyArray<F>): FontRun<F>[] {
  if (faces.length === 0) throw new Error('assignFaces: no font faces given');
  const runs: FontRun<F>[] = [];
  let current: F | null = null;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const cls = scriptOf(cp);
    let face: F;
    if (cls === 'inherited' && current) face = current;
    else if (cls === 'common' && current && faceCovers(current, cp)) face = current;
    else {
      face = faces.find((f) => f.scripts.includes(cls) && faceCovers(f, cp)) ?? faces.find((f) => faceCovers(f, cp)) ?? faces[0];
    }
    current = face;
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

/** Parses a CSS unicode-range list such as "U+0000-00FF,U+0131,U+0152-0153". */
export function parseUnicodeRanges(spec: string): [number, number][] {
  return spec
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part.length > 0)
    .map((part) => {
      const [lo, hi] = part.split('-');
      const a = parseInt(lo, 16);
      const b = hi === undefined ? a : parseInt(hi, 16);
      if (Number.isNaN(a) || Number.isNaN(b)) throw new Error(`Bad unicode range "${part}"`);
      return [a, b] as [number, number];
    });
}
