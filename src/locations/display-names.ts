import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { rootPath } from '../kernel/paths';

/**
 * The one display name of an LGD unit whose official spelling differs from the one people use
 * (issue #17: "Chandur Bz" block, "Chandurbazar" taluka and "Chandur Bazar" in the seed data are
 * one place). Applied when the LGD files are loaded (lgd.ts), so every screen, PDF and CSV that
 * reads `location.name` says the same; the official spelling stays in `location.lgd_name`.
 */
export const displayNameEntry = z.strictObject({
  id: z.string().regex(/^(bl|sd):\d+$/, 'must be a block (bl:N) or sub-district (sd:N) id'),
  lgd: z.string().min(1),
  display: z.string().trim().min(1).max(120),
  source: z.string().min(10, 'say where the spelling comes from'),
});

export const displayNamesFile = z
  .object({ about: z.string(), names: z.array(displayNameEntry) })
  .refine((f) => new Set(f.names.map((n) => n.id)).size === f.names.length, { message: 'an id is listed twice', path: ['names'] });

export type DisplayNameEntry = z.infer<typeof displayNameEntry>;

let cached: Map<string, DisplayNameEntry> | undefined;

export function displayNames(): Map<string, DisplayNameEntry> {
  if (!cached) {
    const file = displayNamesFile.parse(JSON.parse(readFileSync(rootPath('reference', 'place-names', 'display-names.json'), 'utf8')));
    cached = new Map(file.names.map((n) => [n.id, n]));
  }
  return cached;
}

/**
 * The name shown for a unit: the listed display name when the official spelling is still the
 * one the table was written for (a renamed unit falls back rather than being silently relabelled),
 * else the official name with ALL-CAPS file spellings title-cased.
 */
export function displayName(id: string, official: string, table = displayNames()): string {
  const e = table.get(id);
  if (e && e.lgd.toLowerCase() === official.trim().toLowerCase()) return e.display;
  return official === official.toUpperCase() ? official.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) : official;
}
