import { searchKeys } from '../names';

/**
 * Names and places as the linkage engine compares people, shared by the missing-children
 * matching (src/missing) and the registry's duplicate finder (src/registry/duplicates.finder.ts).
 */
export interface PlaceNames {
  state: string;
  district: string;
  /** Registry village name, when the record is placed in one. */
  village?: string | null;
}

/** The distinct names of a record (same keys = same name in another script): at most three. */
export function nameVariants(r: { name: string | null; nameLocal: string | null; aliases?: readonly string[] | null }): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [r.name, r.nameLocal, ...(r.aliases ?? [])]) {
    if (!n || !n.trim()) continue;
    const sig = searchKeys(n).sort().join(' ') || n.trim().toLowerCase();
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push(n.trim());
    if (out.length === 3) break;
  }
  return out.length ? out : [''];
}

export const VARIANT_SEPARATOR = '~';
