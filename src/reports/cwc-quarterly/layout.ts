/**
 * The layout of the CWC's quarterly report to the District Magistrate (JJ Act 2015 s.36(4): "in
 * such form as may be prescribed" by the State), as data per state (issue #18). Each section
 * draws on named figures the report computes from the case records (CWC_QUARTER_ROWS, and
 * `disposedByOrder` for the final orders by kind); a State's form puts them in its own sections,
 * order and headings. Shipped: the default layout. No State's prescribed form (Maharashtra's
 * included) could be read from a public source when this was written, so none is encoded as a
 * State's: a deployment adds its State's layout in CWC_QUARTERLY_LAYOUTS_FILE (validated at the
 * first report; an invalid file is refused rather than printed wrongly), with its source.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CWC_QUARTER_ROWS } from './rows';

export const LAYOUT_FIGURES = [...CWC_QUARTER_ROWS, 'disposedByOrder'] as const;
const words = z.strictObject({ en: z.string().min(1), hi: z.string().min(1), mr: z.string().min(1) });

const layoutSchema = z.strictObject({
  /** LGD state code, or null for the default every other State gets. */
  stateCode: z.number().int().positive().nullable(),
  version: z.string().min(1),
  title: words.optional(),
  source: z.strictObject({
    citation: z.string().min(3),
    verification: z.enum(['official_text', 'secondary_source', 'unverified']),
    note: z.string().optional(),
  }),
  sections: z
    .array(
      z.strictObject({ id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/), heading: words, figures: z.array(z.enum(LAYOUT_FIGURES)).min(1) }),
    )
    .min(1),
});
export type CwcQuarterlyLayout = z.infer<typeof layoutSchema>;

const layoutsSchema = z.array(layoutSchema).superRefine((ls, ctx) => {
  const seen = new Set<number | null>();
  ls.forEach((l, i) => {
    if (seen.has(l.stateCode)) ctx.addIssue({ code: 'custom', path: [i, 'stateCode'], message: 'one layout per state' });
    seen.add(l.stateCode);
    const figures = l.sections.flatMap((s) => s.figures);
    const twice = figures.find((f, j) => figures.indexOf(f) !== j);
    if (twice) ctx.addIssue({ code: 'custom', path: [i, 'sections'], message: `${twice} is in two sections` });
  });
});

export const DEFAULT_LAYOUT: CwcQuarterlyLayout = {
  stateCode: null,
  version: 'samanvay-default-2026',
  source: {
    citation: 'JJ Act 2015 s.36(4)',
    verification: 'secondary_source',
    note: 'Samanvay’s layout of the figures the section asks for (disposal and pendency); not a State’s prescribed form.',
  },
  sections: [
    {
      id: 'summary',
      heading: { en: 'Inquiries in the quarter', hi: 'तिमाही में जाँचें', mr: 'तिमाहीतील चौकशा' },
      figures: ['pendingAtStart', 'brought', 'disposed', 'pendingAtEnd'],
    },
    {
      id: 'stage',
      heading: { en: 'Pending at the end, by stage', hi: 'अंत में लंबित, चरण अनुसार', mr: 'शेवटी प्रलंबित, टप्प्यानुसार' },
      figures: ['stage.sirAwaited', 'stage.finalOrderAwaited', 'stage.adoptionInquiry'],
    },
    {
      id: 'age',
      heading: { en: 'Pending at the end, by time pending', hi: 'अंत में लंबित, अवधि अनुसार', mr: 'शेवटी प्रलंबित, कालावधीनुसार' },
      figures: ['age.upTo4Months', 'age.4to6Months', 'age.6to12Months', 'age.over12Months'],
    },
    {
      id: 'orders',
      heading: { en: 'Other orders of the quarter', hi: 'तिमाही के अन्य आदेश', mr: 'तिमाहीतील इतर आदेश' },
      figures: ['ageDeterminations', 'escortOrders'],
    },
    {
      id: 'finalOrders',
      heading: { en: 'Final orders by kind', hi: 'अंतिम आदेश प्रकार अनुसार', mr: 'अंतिम आदेश प्रकारानुसार' },
      figures: ['disposedByOrder'],
    },
  ],
};

let cached: CwcQuarterlyLayout[] | null = null;

export function parseLayouts(raw: unknown): CwcQuarterlyLayout[] {
  const ls = layoutsSchema.parse(raw);
  return ls.some((l) => l.stateCode === null) ? ls : [DEFAULT_LAYOUT, ...ls];
}

function layouts(): CwcQuarterlyLayout[] {
  if (cached) return cached;
  const file = process.env.CWC_QUARTERLY_LAYOUTS_FILE;
  cached = file ? parseLayouts(JSON.parse(readFileSync(file, 'utf8'))) : [DEFAULT_LAYOUT];
  return cached;
}

/** For tests: other layouts until reset with null. */
export function setCwcQuarterlyLayouts(raw: unknown | null): void {
  cached = raw == null ? null : parseLayouts(raw);
}

/** The layout a State's Committees report in: its own if configured, else the default. */
export function layoutFor(stateCode: number): CwcQuarterlyLayout {
  const all = layouts();
  return all.find((l) => l.stateCode === stateCode) ?? all.find((l) => l.stateCode === null)!;
}
