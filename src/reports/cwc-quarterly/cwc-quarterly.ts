/**
 * The Child Welfare Committee's quarterly report to the District Magistrate for the review of
 * the pendency of its cases (JJ Act 2015 s.36(4); the source and how far it was checked are on
 * the rules page, timeline `cwcQuarterlyReport`). Generated from the case records of the quarter:
 * inquiries pending at its start, children brought before the Committee, inquiries disposed of by
 * a final order, and those pending at its end by stage and by how long they have been pending
 * (s.36(2): four months; s.38(1) two or four months for an adoption inquiry). The State's own
 * prescribed form is the State's layout (layout.ts: sections, order, headings, its source; the
 * default where none is configured). Counts only (s.74).
 * PDF (Noto fonts for Hindi and Marathi) or CSV (the one CSV writer, formulas neutralised).
 */
import { z } from 'zod';
import type { AppContext } from '../../http/context';
import type { Actor } from '../../access/policy';
import { HttpError } from '../../http/errors';
import { areaActor } from '../../dashboards/area';
import { cwcCaseDates, type CwcCaseDates } from '../../cases/cwc-quarter.repository';
import { addDuration } from '../../cases/domain';
import { quarterMonths } from '../mission-vatsalya/report';
import { LOCALE, type Lang } from '../mission-vatsalya/labels';
import { createPdf, drawTable, finishPdf, paragraph } from '../pdf';
import { csvText } from '../../exports/csv';

export const cwcQuarterlyQuery = z.strictObject({
  district: z.coerce.number().int().min(1).max(99_999_999),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a financial-year quarter as YYYY-Qn (Q1 = April–June)'),
  format: z.enum(['pdf', 'csv']).default('pdf'),
  lang: z.enum(['en', 'hi', 'mr']).default('en'),
});
export type CwcQuarterlyQuery = z.infer<typeof cwcQuarterlyQuery>;

import { CWC_QUARTER_ROWS, type CwcQuarterRow } from './rows';
import { layoutFor, type CwcQuarterlyLayout } from './layout';

export { CWC_QUARTER_ROWS, type CwcQuarterRow };

export interface CwcQuarterReport {
  district: { code: number; stateCode: number; name: string };
  quarter: string;
  from: string;
  to: string;
  computedAt: string;
  counts: Record<CwcQuarterRow, number>;
  /** Final orders passed in the quarter, by order type (JJ Act 2015 s.37). */
  disposedByOrder: Record<string, number>;
  /** The State's layout the report is printed in (its sections, order and source). */
  layout: CwcQuarterlyLayout;
}

/** The quarter's first instant and the instant after it, on the IST calendar. */
export function quarterBounds(quarter: string): { from: Date; to: Date } {
  const months = quarterMonths(quarter);
  const from = `${months[0]}-01T00:00:00.000+05:30`;
  return { from: new Date(from), to: new Date(addDuration(from, { months: 3 })) };
}

const pendingAt = (c: CwcCaseDates, t: Date) =>
  c.producedAt < t && !(c.finalOrderAt && c.finalOrderAt < t) && !(c.closedAt && c.closedAt < t);

/** Pure: the report's counts from the cases' dates. */
export function countQuarter(cases: CwcCaseDates[], from: Date, to: Date) {
  const counts = Object.fromEntries(CWC_QUARTER_ROWS.map((k) => [k, 0])) as Record<CwcQuarterRow, number>;
  const disposedByOrder: Record<string, number> = {};
  const months = (n: number) => new Date(addDuration(to.toISOString(), { months: -n }));
  const [m4, m6, m12] = [months(4), months(6), months(12)];
  for (const c of cases) {
    if (pendingAt(c, from)) counts.pendingAtStart++;
    if (c.producedAt >= from && c.producedAt < to) counts.brought++;
    if (c.finalOrderAt && c.finalOrderAt >= from && c.finalOrderAt < to) {
      counts.disposed++;
      const k = c.finalOrderType ?? 'other';
      disposedByOrder[k] = (disposedByOrder[k] ?? 0) + 1;
    }
    counts.ageDeterminations += c.ageDeterminations;
    counts.escortOrders += c.escortOrders;
    if (!pendingAt(c, to)) continue;
    counts.pendingAtEnd++;
    if (c.adoptionInquiry) counts['stage.adoptionInquiry']++;
    else if (!c.sirSubmittedAt || c.sirSubmittedAt >= to) counts['stage.sirAwaited']++;
    else counts['stage.finalOrderAwaited']++;
    if (c.producedAt >= m4) counts['age.upTo4Months']++;
    else if (c.producedAt >= m6) counts['age.4to6Months']++;
    else if (c.producedAt >= m12) counts['age.6to12Months']++;
    else counts['age.over12Months']++;
  }
  return { counts, disposedByOrder };
}

export async function cwcQuarterlyReport(ctx: AppContext, actor: Actor, district: number, quarter: string): Promise<CwcQuarterReport> {
  const { actor: scoped, area } = await areaActor(ctx, actor, district);
  // A Committee sits for a district: the report is the district's (or its state's, or national) users'.
  if (!['district', 'state', 'national'].includes(scoped.scope.level) || area.districtCode !== district || area.stateCode === null) {
    throw new HttpError(403, 'outside_jurisdiction', 'The report is for a CWC of your district, or a district of your state');
  }
  const { from, to } = quarterBounds(quarter);
  const cases = await cwcCaseDates(ctx.db, scoped, { stateCode: area.stateCode, districtCode: district, from, to });
  return {
    district: { code: district, stateCode: area.stateCode, name: area.name },
    quarter,
    from: from.toISOString(),
    to: to.toISOString(),
    computedAt: ctx.now().toISOString(),
    ...countQuarter(cases, from, to),
    layout: layoutFor(area.stateCode),
  };
}

// ------------------------------------------------------------------ words (en/hi/mr)

const W: Record<string, Record<Lang, string>> = {
  title: {
    en: 'Child Welfare Committee: quarterly report on pendency',
    hi: 'बाल कल्याण समिति: लंबित मामलों की त्रैमासिक रिपोर्ट',
    mr: 'बाल कल्याण समिती: प्रलंबित प्रकरणांचा त्रैमासिक अहवाल',
  },
  to: {
    en: 'To the District Magistrate (JJ Act 2015 s.36(4))',
    hi: 'ज़िला मजिस्ट्रेट को (किशोर न्याय अधिनियम 2015 धारा 36(4))',
    mr: 'जिल्हाधिकारी यांना (बाल न्याय अधिनियम 2015 कलम 36(4))',
  },
  district: { en: 'District', hi: 'ज़िला', mr: 'जिल्हा' },
  quarter: { en: 'Quarter', hi: 'तिमाही', mr: 'तिमाही' },
  item: { en: 'Item', hi: 'मद', mr: 'बाब' },
  count: { en: 'Cases', hi: 'मामले', mr: 'प्रकरणे' },
  order: { en: 'Final orders by kind', hi: 'अंतिम आदेश प्रकार अनुसार', mr: 'अंतिम आदेश प्रकारानुसार' },
  confidential: {
    en: 'Counts only: no child is identified in this report (JJ Act 2015 s.74).',
    hi: 'केवल संख्याएँ: इस रिपोर्ट में किसी बच्चे की पहचान नहीं है (किशोर न्याय अधिनियम 2015 धारा 74)।',
    mr: 'फक्त संख्या: या अहवालात कोणत्याही बालकाची ओळख नाही (बाल न्याय अधिनियम 2015 कलम 74).',
  },
  generated: { en: 'Generated', hi: 'तैयार किया गया', mr: 'तयार केले' },
  form: { en: 'Form', hi: 'प्रपत्र', mr: 'नमुना' },
  pendingAtStart: {
    en: 'Inquiries pending at the start of the quarter',
    hi: 'तिमाही की शुरुआत में लंबित जाँचें',
    mr: 'तिमाहीच्या सुरुवातीला प्रलंबित चौकशा',
  },
  brought: {
    en: 'Children brought before the Committee (first production)',
    hi: 'समिति के समक्ष पेश किए गए बच्चे (पहली पेशी)',
    mr: 'समितीसमोर हजर केलेली बालके (पहिली हजेरी)',
  },
  disposed: { en: 'Inquiries disposed of by a final order', hi: 'अंतिम आदेश से निपटाई गई जाँचें', mr: 'अंतिम आदेशाने निकाली काढलेल्या चौकशा' },
  pendingAtEnd: { en: 'Inquiries pending at the end of the quarter', hi: 'तिमाही के अंत में लंबित जाँचें', mr: 'तिमाहीच्या शेवटी प्रलंबित चौकशा' },
  'stage.sirAwaited': {
    en: '— awaiting the social investigation report (s.36(2))',
    hi: '— सामाजिक अन्वेषण रिपोर्ट की प्रतीक्षा (धारा 36(2))',
    mr: '— सामाजिक तपास अहवालाची प्रतीक्षा (कलम 36(2))',
  },
  'stage.finalOrderAwaited': {
    en: '— report received, awaiting the final order',
    hi: '— रिपोर्ट प्राप्त, अंतिम आदेश की प्रतीक्षा',
    mr: '— अहवाल प्राप्त, अंतिम आदेशाची प्रतीक्षा',
  },
  'stage.adoptionInquiry': {
    en: '— adoption inquiry: orphaned, abandoned or surrendered (s.38)',
    hi: '— दत्तक जाँच: अनाथ, परित्यक्त या अभ्यर्पित (धारा 38)',
    mr: '— दत्तक चौकशी: अनाथ, परित्यक्त किंवा समर्पित (कलम 38)',
  },
  'age.upTo4Months': { en: 'Pending up to 4 months', hi: '4 महीने तक लंबित', mr: '4 महिन्यांपर्यंत प्रलंबित' },
  'age.4to6Months': {
    en: 'Pending 4 to 6 months (beyond s.36(2))',
    hi: '4 से 6 महीने लंबित (धारा 36(2) से अधिक)',
    mr: '4 ते 6 महिने प्रलंबित (कलम 36(2) पलीकडे)',
  },
  'age.6to12Months': { en: 'Pending 6 to 12 months', hi: '6 से 12 महीने लंबित', mr: '6 ते 12 महिने प्रलंबित' },
  'age.over12Months': { en: 'Pending more than 12 months', hi: '12 महीने से अधिक लंबित', mr: '12 महिन्यांपेक्षा जास्त प्रलंबित' },
  ageDeterminations: {
    en: 'Ages determined in the quarter (s.94)',
    hi: 'तिमाही में आयु निर्धारण (धारा 94)',
    mr: 'तिमाहीत वय निश्चिती (कलम 94)',
  },
  escortOrders: {
    en: 'Escort orders given in the quarter (s.95(2))',
    hi: 'तिमाही में दिए गए अनुरक्षण आदेश (धारा 95(2))',
    mr: 'तिमाहीत दिलेले सोबत-आदेश (कलम 95(2))',
  },
};
const w = (lang: Lang, key: string) => W[key]?.[lang] ?? key;

export async function cwcQuarterlyPdf(r: CwcQuarterReport, lang: Lang): Promise<Buffer> {
  const title = r.layout.title?.[lang] ?? w(lang, 'title');
  const head = `${title} — ${r.district.name} — ${r.quarter}`;
  const ctx = createPdf({
    title: head,
    lang: LOCALE[lang],
    layout: 'portrait',
    footer: `${w(lang, 'confidential')} · ${w(lang, 'generated')}: ${r.computedAt.slice(0, 16).replace('T', ' ')} UTC`,
    pageLabel: (page, total) => `${page} / ${total}`,
    creationDate: new Date(r.computedAt),
  });
  paragraph(ctx, title, { size: 16, weight: 'bold' }, { gapAfter: 2 });
  paragraph(ctx, w(lang, 'to'), { size: 10 }, { gapAfter: 2 });
  paragraph(
    ctx,
    `${w(lang, 'district')}: ${r.district.name} (LGD ${r.district.code}) · ${w(lang, 'quarter')}: ${r.quarter} (${r.from.slice(0, 10)} – ${r.to.slice(0, 10)})`,
    { size: 10 },
    { gapAfter: 8 },
  );
  for (const section of r.layout.sections) {
    const rows = sectionRows(r, section.figures, lang);
    if (!rows.length) continue;
    paragraph(ctx, section.heading[lang], { size: 12, weight: 'bold' }, { gapAfter: 3, keepWithNext: 40 });
    drawTable(
      ctx,
      [
        { header: w(lang, 'item'), width: 5 },
        { header: w(lang, 'count'), width: 1, align: 'right' },
      ],
      rows.map(([, label, n]) => [label, String(n)]),
    );
    ctx.y += 8;
  }
  paragraph(ctx, `${w(lang, 'form')}: ${r.layout.source.citation} (${r.layout.version}, ${r.layout.source.verification})`, { size: 8 });
  return finishPdf(ctx);
}

/** A section's lines: [item key, label, count]; the final orders by kind are one line per order type. */
function sectionRows(r: CwcQuarterReport, figures: readonly string[], lang: Lang): [string, string, number][] {
  return figures.flatMap((f): [string, string, number][] =>
    f === 'disposedByOrder'
      ? Object.entries(r.disposedByOrder).map(([k, n]) => [`disposedByOrder.${k}`, k.replace(/_/g, ' '), n])
      : [[f, w(lang, f), r.counts[f as CwcQuarterRow]]],
  );
}

/** Figures the State's layout leaves out are not printed: its form decides what it asks for. */
export function cwcQuarterlyCsv(r: CwcQuarterReport, lang: Lang): Buffer {
  const rows = r.layout.sections.flatMap((section) =>
    sectionRows(r, section.figures, lang).map(([item, label, n]) => [r.district.code, r.quarter, item, section.id, label, n]),
  );
  return Buffer.from(
    '\uFEFF' + csvText(['district_lgd', 'quarter', 'item', 'section', w(lang, 'item'), w(lang, 'count')], rows as (string | number)[][]),
    'utf8',
  );
}
