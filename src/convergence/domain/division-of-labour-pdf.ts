/**
 * Prints a recipient's division-of-labour note (English, Hindi or Marathi).
 *
 * Takes the already-redacted `RecipientNote` (see division-of-labour.ts) so that nothing
 * this function could print identifies a child beyond what that recipient needs and the CWC
 * allowed (JJ Act 2015 s.74). Every page carries the confidentiality footer and "page i of n".
 */
import { createPdf, drawTable, finishPdf, paragraph, type PdfContext, type TableColumn } from '../../reports/pdf';
import { departmentLabel, formatDate, locale, t, type Lang } from './labels';
import type { NoteLine, RecipientNote } from './division-of-labour';

export interface NotePdfOptions {
  /** Fixes the PDF's creation date (reproducible output in tests). */
  creationDate?: Date;
}

function footer(lang: Lang): string {
  // The English line is kept in Hindi/Marathi notes too, so any reader sees the legal basis.
  return lang === 'en' ? t('en', 'doc.confidential') : `${t(lang, 'doc.confidential')} · ${t('en', 'doc.confidential')}`;
}

function attendanceText(note: RecipientNote, lang: Lang): string {
  const present = note.present.map(
    (p) => `${departmentLabel(lang, p.department)}${p.attendees.length ? ` (${p.attendees.join(', ')})` : ''}`,
  );
  const parts = [`${t(lang, 'dol.present')} (${note.present.length}): ${present.join('; ') || '—'}`];
  parts.push(`${t(lang, 'dol.absent')} (${note.absent.length}): ${note.absent.map((d) => departmentLabel(lang, d)).join('; ') || '—'}`);
  if (note.guests.length) parts.push(`${t(lang, 'dol.guests')}: ${note.guests.join(', ')}`);
  return parts.join('\n');
}

function header(ctx: PdfContext, note: RecipientNote, lang: Lang): void {
  paragraph(ctx, t(lang, 'dol.title'), { size: 16, weight: 'bold' }, { gapAfter: 2 });
  const scope =
    note.scope.kind === 'full'
      ? t(lang, 'dol.full')
      : t(lang, 'dol.forDepartment', { department: departmentLabel(lang, note.scope.department) });
  paragraph(ctx, scope, { size: 11, weight: 'bold', color: '#333333' }, { gapAfter: 6 });
  const label = { size: 9.5, weight: 'bold' as const };
  const value = { size: 9.5 };
  const rows: [string, string][] = [
    [t(lang, 'dol.group'), note.group.name],
    [t(lang, 'dol.meetingDate'), formatDate(lang, note.meeting.date)],
    [t(lang, 'dol.chair'), note.meeting.chair ?? t(lang, 'dol.notRecorded')],
    [t(lang, 'dol.attendance'), attendanceText(note, lang)],
  ];
  for (const [k, v] of rows) {
    paragraph(ctx, k, label, { keepWithNext: 14 });
    paragraph(ctx, v, value, { indent: 12, gapAfter: 2 });
  }
  paragraph(ctx, t(lang, 'dol.disclosure'), { size: 8, color: '#555555' }, { gapAfter: 8 });
}

/** The child cell: "Name / नाव, 12 yrs, Village", initials under a CWC order, or withheld. */
function childCell(l: NoteLine, lang: Lang): string {
  if (l.child) {
    const c = l.child;
    const names = c.nameLocal && c.nameLocal !== c.name ? `${c.name} / ${c.nameLocal}` : c.name;
    return [names, c.age !== null ? t(lang, 'dol.years', { age: c.age }) : null, c.village].filter(Boolean).join(', ');
  }
  if (l.childInitials) return `${l.childInitials} (${t(lang, 'dol.initialsOnly')})`;
  return l.childWithheld ? t(lang, 'dol.withheld') : '—';
}

/** Renders the note; resolves to the PDF bytes. */
export async function divisionOfLabourPdf(note: RecipientNote, lang: Lang, options: NotePdfOptions = {}): Promise<Buffer> {
  const title = `${t(lang, 'dol.title')} — ${note.group.name} — ${note.meeting.date}`;
  const ctx = createPdf({
    title,
    lang: locale(lang),
    footer: footer(lang),
    pageLabel: (page, total) => t(lang, 'doc.page', { page, total }),
    creationDate: options.creationDate,
    onNewPage: (c) => paragraph(c, title, { size: 8, color: '#555555' }, { gapAfter: 6 }),
  });
  header(ctx, note, lang);
  const columns: TableColumn[] = [
    { header: t(lang, 'dol.col.case'), width: 2.6 },
    { header: t(lang, 'dol.col.child'), width: 2.4 },
    { header: t(lang, 'dol.col.action'), width: 4.5 },
    { header: t(lang, 'dol.col.due'), width: 1.9 },
    { header: t(lang, 'dol.col.officer'), width: 2.3 },
  ];
  if (note.sections.length === 0) paragraph(ctx, t(lang, 'dol.none'), { size: 10 });
  for (const section of note.sections) {
    ctx.y += 4;
    paragraph(ctx, departmentLabel(lang, section.department), { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
    const rows = section.lines.map((l) => [
      l.caseRef ?? t(lang, 'dol.noCase'),
      childCell(l, lang),
      l.carriedOver ? `${l.action} (${t(lang, 'dol.carriedOver')})` : l.action,
      formatDate(lang, l.dueDate),
      l.officer ?? '—',
    ]);
    drawTable(ctx, columns, rows, { size: 9 });
  }
  return finishPdf(ctx);
}
