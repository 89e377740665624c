import { birthYears, transformValue } from '../linkage/blocking';
import type { Model } from '../linkage/model';
import type { PersonRecord } from '../linkage/record';
import { stateAlias } from '../linkage/states';

/**
 * The linkage model's blocking keys of one record, as strings to store in a text[] GIN index.
 *
 * src/linkage/blocking.ts computes the same keys for a whole table at a time, as interned integers;
 * this applies its transforms (`transformValue`, `birthYears`) to one record and writes the keys
 * out, so a database query finds exactly the pairs the engine's blocking would compare (checked
 * against BlockIndex in blocking-keys.test.ts).
 *
 * A key is `<rule id>:<part>|<part>…`: two records share a key iff they share a block.
 * The missing side (left) emits a window of birth years, the found side the year.
 */
export type Side = 'left' | 'right';

const field = (r: PersonRecord, column: string): string => {
  const v = (r as unknown as Record<string, unknown>)[column];
  return v === null || v === undefined ? '' : String(v);
};

/** Every blocking key of the record under every rule of the model. */
export function blockingKeys(model: Model, record: PersonRecord, side: Side): string[] {
  const out = new Set<string>();
  for (const rule of model.blocking.rules) {
    let combos: string[] = [''];
    for (const k of rule.keys) {
      const vals =
        k.transform === 'birthYear'
          ? birthYears(field(record, k.column), field(record, k.with ?? 'date'), side, k.maxYears)
          : [
              ...new Set(
                transformValue(
                  k.column === 'state' ? stateAlias(field(record, k.column)) : field(record, k.column),
                  k.transform,
                  side,
                  k.with === undefined ? '' : field(record, k.with),
                ),
              ),
            ];
      if (!vals.length) {
        combos = [];
        break;
      }
      const next: string[] = [];
      for (const c of combos) for (const v of vals) next.push(c === '' ? v : `${c}|${v}`);
      combos = next;
    }
    for (const c of combos) out.add(`${rule.id}:${c}`);
  }
  return [...out];
}

/** The keys of all of a record's name variants (one person record per variant). */
export function blockingKeysOf(model: Model, variants: readonly PersonRecord[], side: Side): string[] {
  const out = new Set<string>();
  for (const v of variants) for (const k of blockingKeys(model, v, side)) out.add(k);
  return [...out].sort();
}
