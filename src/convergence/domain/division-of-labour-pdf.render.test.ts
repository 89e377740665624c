import { describe, expect, it } from 'vitest';
import { pdfFontNames, pdfPageCount, pdfPageTexts, pdfTextRuns } from '../../reports/pdf';
import { buildDivisionOfLabourNote, fullNote, noteForDepartment, type DivisionOfLabourNote } from './division-of-labour';
import { divisionOfLabourPdf } from './division-of-labour-pdf';
import { CASES, GROUP, MARCH, action, noteActions } from './testkit';

function build(lang: 'en' | 'mr', actions = noteActions(lang)): DivisionOfLabourNote {
  const r = buildDivisionOfLabourNote({ group: GROUP, meeting: MARCH, actions, cases: CASES });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** Table cells wrap: compare without the spaces lost at line ends. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Page count read from the page objects agrees with the printed "page i of n" on every page. */
function expectNumbered(pdf: Buffer, label: (i: number, n: number) => string): number {
  const n = pdfPageCount(pdf);
  const pages = pdfPageTexts(pdf);
  expect(pages).toHaveLength(n);
  pages.forEach((text, i) => expect(text).toContain(label(i + 1, n)));
  return n;
}

describe('division-of-labour note PDF (English)', async () => {
  const note = build('en');
  const pdf = await divisionOfLabourPdf(fullNote(note), 'en');
  const text = pdfPageTexts(pdf).join('\n');

  it('is a PDF with numbered pages and the confidentiality footer on each', () => {
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const n = expectNumbered(pdf, (i, total) => `Page ${i} of ${total}`);
    expect(n).toBe(2);
    for (const page of pdfPageTexts(pdf)) expect(page).toContain('Confidential — JJ Act 2015 s.74');
  });

  it('prints the header: group, meeting date, chair and attendance', () => {
    expect(text).toContain('Amravati District Convergence Group');
    expect(text).toContain('3 March 2025');
    expect(text).toContain('Adv. Ashok Kulkarni, Secretary, DLSA');
    expect(text).toContain('Present (5)');
    expect(text).toContain('Absent (2): Revenue; Labour');
  });

  it('prints a table per department and withholds names the reader may not see', () => {
    for (const heading of ['Women & Child Development', 'District Child Protection Unit', 'Education', 'Health', 'Labour', 'Revenue'])
      expect(text).toContain(heading);
    expect(text).toContain('Withheld (s.74)');
    expect(text).not.toContain('Rohit');
    expect(text).not.toContain('Kshitija');
    expect(text).toContain('(carried over)');
  });

  it('gives a department only its cases, naming their children (both scripts, age, village); initials under a CWC order', async () => {
    const health = pdfPageTexts(await divisionOfLabourPdf(noteForDepartment(note, 'HEALTH', { names: true }), 'en')).join('\n');
    expect(health).toContain('For: Health');
    expect(health).toContain('AMR/CNCP/2025/0019');
    expect(health).toContain('Rohit Shinde');
    expect(health).toContain('9 yrs');
    expect(health).toContain('Karajgaon');
    expect(squash(health)).toContain('K.M.(initialsonly:CWCorder)');
    expect(health).not.toContain('Kshitija');
    expect(health).not.toContain('AMR/CNCP/2025/0012');
    expect(health).not.toContain('Dnyaneshwari');
    expect(health).not.toContain('Inspect brick kilns');
  });

  it('renders an empty note for a department with no actions on one page', async () => {
    const police = await divisionOfLabourPdf(noteForDepartment(note, 'POLICE'), 'en');
    expect(pdfPageCount(police)).toBe(1);
    expect(pdfPageTexts(police)[0]).toContain('No actions for this recipient.');
  });

  it('repeats table headers and page labels on a long note', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      action('HEALTH', {
        id: `h${i}`,
        caseRef: `AMR/CNCP/2025/${String(i).padStart(4, '0')}`,
        dueDate: '2025-03-30',
        description: `Follow-up visit ${i}`,
      }),
    );
    const long = await divisionOfLabourPdf(fullNote(build('en', many)), 'en');
    const n = expectNumbered(long, (i, total) => `Page ${i} of ${total}`);
    expect(n).toBeGreaterThan(2);
    pdfPageTexts(long)
      .slice(1)
      .forEach((p) => expect(p).toContain('Case ref.'));
  });
});

describe('division-of-labour note PDF (Marathi)', async () => {
  const note = build('mr');
  const pdf = await divisionOfLabourPdf(fullNote(note), 'mr');
  const devaGlyphs = pdfTextRuns(pdf)
    .filter((r) => r.font.includes('NotoSansDevanagari'))
    .flatMap((r) => r.glyphs);

  it('embeds Noto Sans Devanagari (regular and bold) beside Noto Sans', () => {
    const fonts = pdfFontNames(pdf).map((n) => n.split('+')[1]);
    expect(fonts).toEqual(expect.arrayContaining(['NotoSansDevanagari-Regular', 'NotoSansDevanagari-Bold', 'NotoSans-Regular']));
  });

  it('numbers pages in Marathi and keeps the English legal line in the footer', () => {
    expectNumbered(pdf, (i, n) => `पान ${i} / ${n}`);
    for (const page of pdfPageTexts(pdf)) {
      expect(page).toContain('Confidential — JJ Act 2015 s.74');
      expect(page).toContain('कलम 74');
    }
  });

  it('shapes the Devanagari: conjunct ligatures, reordered ि, eyelash ra', async () => {
    const edu = pdfTextRuns(await divisionOfLabourPdf(noteForDepartment(note, 'EDUCATION', { names: true }), 'mr'))
      .filter((r) => r.font.includes('NotoSansDevanagari'))
      .flatMap((r) => r.glyphs);
    expect(devaGlyphs).toContain('क्ष'); // संरक्षण, शिक्षण
    expect(edu).toContain('ज्ञ'); // ज्ञानेश्वरी
    expect(devaGlyphs).toContain('र्\u200D'); // सार्‍या
    const joined = devaGlyphs.join('');
    expect(joined).toContain('िशक्षण'); // शिक्षण in visual order: the ि glyph comes first
  });

  it('names the child to the departments acting on the case, in both scripts, and to no one else', async () => {
    const full = pdfPageTexts(pdf).join('');
    expect(full).not.toContain('ज्ञानेश्वरी पाटील'); // the full note without names: references only
    expect(full).toContain('गोपनीय (कलम 74)');
    const edu = pdfPageTexts(await divisionOfLabourPdf(noteForDepartment(note, 'EDUCATION', { names: true }), 'mr')).join('');
    expect(edu).toContain('AMR/CNCP/2025/0012');
    expect(edu).toContain('ज्ञानेश्वरी पाटील');
    expect(edu).toContain('Dnyaneshwari Patil');
    expect(squash(edu)).toContain('पाटील,13'); // age (वर्षे: the extracted text is in visual order)
    const health = pdfPageTexts(await divisionOfLabourPdf(noteForDepartment(note, 'HEALTH', { names: true }), 'mr')).join('');
    expect(health).not.toContain('ज्ञानेश्वरी');
    expect(squash(health)).toContain('K.M.(फक्तआद्याक्षरे:बालकल्याण'); // then सिमती: visual order
  });
});
