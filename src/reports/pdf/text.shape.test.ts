import { describe, expect, it } from 'vitest';
import { createPdf, finishPdf, paragraph } from './document';
import { pdfFontNames, pdfPageCount, pdfTextRuns } from './pdf-inspect';
import { measureText, wrapText } from './text';

const SAMPLE = 'शिक्षण ज्ञानेश्वरी सार्‍या कार्य महाराष्ट्र — Case AMR/2025/0012';

async function render(text: string) {
  const ctx = createPdf({ title: 'shaping', lang: 'mr-IN' });
  paragraph(ctx, text, { size: 12 });
  return finishPdf(ctx);
}

describe('Devanagari shaping in the PDF', async () => {
  const pdf = await render(SAMPLE);
  const deva = pdfTextRuns(pdf)
    .filter((r) => r.font.endsWith('+NotoSansDevanagari-Regular'))
    .flatMap((r) => r.glyphs);

  it('is a one-page PDF embedding Noto Sans and Noto Sans Devanagari subsets', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    expect(
      pdfFontNames(pdf)
        .map((n) => n.split('+')[1])
        .sort(),
    ).toEqual(['NotoSans-Regular', 'NotoSansDevanagari-Regular']);
  });

  it('draws conjuncts as single ligature glyphs (क्ष, ज्ञ, ष्ट)', () => {
    // Each entry is one glyph; its ToUnicode text is every code point it stands for.
    expect(deva).toContain('क्ष');
    expect(deva).toContain('ज्ञ');
    expect(deva).toContain('ष्ट');
  });

  it('moves the ि matra before its consonant cluster (visual order in the content stream)', () => {
    const i = deva.indexOf('ि');
    expect(deva.slice(i, i + 4)).toEqual(['ि', 'श', 'क्ष', 'ण']);
  });

  it('forms the reph of कार्य and the Marathi eyelash ra of सार्‍या (with ZWJ)', () => {
    expect(deva).toContain('र्'); // reph glyph, drawn after य
    expect(deva).toContain('र्\u200D'); // eyelash ra: one glyph for र + ् + ZWJ
    const k = deva.indexOf('क', deva.indexOf('र्\u200D'));
    expect(deva.slice(k, k + 4)).toEqual(['क', 'ा', 'य', 'र्']);
  });

  it('puts the Latin run in Noto Sans', () => {
    const latin = pdfTextRuns(pdf)
      .filter((r) => r.font.endsWith('+NotoSans-Regular'))
      .flatMap((r) => r.glyphs)
      .join('');
    expect(latin).toContain('Case AMR/2025/0012');
  });
});

describe('wrapping mixed text', () => {
  const ctx = createPdf({ title: 'wrap' });
  const style = { size: 10 };

  it('keeps every line within the width and loses no word', () => {
    const text = `${SAMPLE} ${SAMPLE} ${SAMPLE}`;
    const lines = wrapText(ctx, text, 120, style);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(120.001);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ')).toBe(text);
  });

  it('breaks an over-long word between clusters, never after a virama', () => {
    const word = 'क्षक्षक्षक्षक्षक्षक्षक्षक्षक्षक्षक्ष';
    const lines = wrapText(ctx, word, 40, style);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      const s = l.runs.map((r) => r.text).join('');
      expect(s.startsWith('क्ष')).toBe(true);
      expect(s.endsWith('्')).toBe(false);
    }
  });

  it('measures shaped widths: a conjunct is narrower than its parts side by side', () => {
    expect(measureText(ctx, 'क्ष', style)).toBeLessThan(measureText(ctx, 'क', style) + measureText(ctx, 'ष', style));
  });
});
