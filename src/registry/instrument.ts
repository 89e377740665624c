import { readFileSync } from 'node:fs';
import { rootPath } from '../kernel/paths';
import { z } from 'zod';

/** The assessment instrument is data: a district can add items without a code change. */
const instrumentSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: z.string().min(1),
    scale: z.object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string() }),
    domains: z
      .array(z.object({ id: z.string().min(1), items: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).min(1) }))
      .min(1),
  })
  .superRefine((inst, ctx) => {
    const seen = new Set<string>();
    inst.domains.forEach((d, di) =>
      d.items.forEach((it, ii) => {
        if (seen.has(it.id))
          ctx.addIssue({ code: 'custom', path: ['domains', di, 'items', ii, 'id'], message: `duplicate item id "${it.id}"` });
        seen.add(it.id);
      }),
    );
  });

export type Instrument = z.infer<typeof instrumentSchema>;

export function parseInstrument(data: unknown, source = 'instrument'): Instrument {
  const r = instrumentSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${source}: ${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

let cached: Instrument | null = null;
export function defaultInstrument(): Instrument {
  cached ??= parseInstrument(
    JSON.parse(readFileSync(rootPath('src', 'registry', 'instrument', 'family-vulnerability.v1.json'), 'utf8')),
    'family-vulnerability.v1.json',
  );
  return cached;
}

export interface ScoredAssessment {
  domainScores: Record<string, number>;
  overall: number;
}

/** Domain score = mean of its answered items; overall = mean of domain scores. Unknown items refused. */
export function scoreAssessment(
  inst: Instrument,
  answers: Record<string, number>,
): ScoredAssessment | { error: { field: string; message: string } } {
  const known = new Map(inst.domains.flatMap((d) => d.items.map((i) => [i.id, d.id] as const)));
  for (const [item, v] of Object.entries(answers)) {
    if (!known.has(item)) return { error: { field: `answers.${item}`, message: `is not an item of ${inst.id} v${inst.version}` } };
    if (!Number.isInteger(v) || v < 1 || v > 4)
      return { error: { field: `answers.${item}`, message: 'must be 1 (in crisis), 2 (vulnerable), 3 (safe) or 4 (thriving)' } };
  }
  const domainScores: Record<string, number> = {};
  for (const d of inst.domains) {
    const vals = d.items.map((i) => answers[i.id]).filter((v): v is number => v !== undefined);
    if (vals.length) domainScores[d.id] = round2(vals.reduce((a, b) => a + b, 0) / vals.length);
  }
  const ds = Object.values(domainScores);
  if (!ds.length) return { error: { field: 'answers', message: 'answer at least one item' } };
  return { domainScores, overall: round2(ds.reduce((a, b) => a + b, 0) / ds.length) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
