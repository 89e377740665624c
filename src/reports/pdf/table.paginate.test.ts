import { describe, expect, it } from 'vitest';
import { createPdf, finishPdf } from './document';
import { pdfPageCount, pdfPageTexts } from './pdf-inspect';
import { drawTable } from './table';

const columns = [
  { header: 'Ref', width: 1 },
  { header: 'प्रकरण', width: 3 },
  { header: 'Count', width: 1, align: 'right' as const },
];

async function tablePdf(rows: string[][]) {
  const ctx = createPdf({ title: 'table', footer: 'Confidential — JJ Act 2015 s.74', pageLabel: (p, n) => `Page ${p} of ${n}` });
  drawTable(ctx, columns, rows);
  return finishPdf(ctx);
}

describe('drawTable', () => {
  it('flows over pages, repeating the header and numbering every page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`R${String(i).padStart(3, '0')}`, 'शिक्षण साहित्य वाटप', String(i)]);
    const pdf = await tablePdf(rows);
    const pages = pdfPageTexts(pdf);
    const n = pdfPageCount(pdf);
    expect(n).toBeGreaterThan(2);
    expect(pages).toHaveLength(n);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${n}`);
      expect(text).toContain('Confidential — JJ Act 2015 s.74');
      expect(text).toContain('Ref');
    });
    // Every row exactly once, in order.
    const all = pages.join('');
    const refs = all.match(/R\d{3}/g)!;
    expect(refs).toEqual(rows.map((r) => r[0]));
  });

  it('splits a row taller than a page between lines without losing text', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const pdf = await tablePdf([
      ['R000', long, 'x'],
      ['R001', 'short', 'y'],
    ]);
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    const words = pdfPageTexts(pdf).join(' ').match(/w\d+/g)!;
    expect(words).toEqual(Array.from({ length: 1500 }, (_, i) => `w${i}`));
  });

  it('keeps a short table on one page', async () => {
    const pdf = await tablePdf([['R000', 'एक', '1']]);
    expect(pdfPageCount(pdf)).toBe(1);
  });
});
