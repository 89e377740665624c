import {
  isGenericPetName,
  isNicknameCanonical,
  keyOfCanonical,
  nameTokensCached,
  searchKeys,
  searchKeysWithVariants,
  variantKeysOfTokens,
} from '../names';
import { normSex, normText, placeKey } from '../linkage/normalize';
import type { BlockingRule, Model } from '../linkage/model';
import type { PersonRecord } from '../linkage/record';

/**
 * The linkage model's blocking keys of one record, as strings to store in a text[] GIN index.
 *
 * Adapter: src/linkage/blocking.ts computes the same keys internally (as interned integers,
 * for a whole table at a time) but exports no per-record function; this mirrors its
 * transforms rule by rule so a database query finds exactly the pairs the engine's blocking
 * would compare (checked against BlockIndex in blocking-keys.test.ts). What the engine
 * could offer instead: `recordBlockingKeys(model, record, side): string[]`.
 *
 * A key is `<rule id>:<part>|<part>…`: two records share a key iff they share a block.
 * The missing side (left) emits a ±1 year window for birth years, the found side the year.
 */
export type Side = 'left' | 'right';

type Transform = BlockingRule['keys'][number]['transform'];

function transformValue(v: string, t: Transform, side: Side): string[] {
  switch (t) {
    case 'exact': {
      const s = normText(v);
      return s ? [s] : [];
    }
    case 'key': {
      const s = placeKey(v);
      return s ? [s] : [];
    }
    case 'tokenKeys':
      return searchKeysWithVariants(v);
    case 'firstKey': {
      const toks = nameTokensCached(v);
      return toks.length ? [keyOfCanonical(toks[0]), ...variantKeysOfTokens([toks[0]])] : [];
    }
    case 'nameless': {
      if (side === 'left') return ['*'];
      const toks = nameTokensCached(v);
      return toks.every((x) => isNicknameCanonical(x) || isGenericPetName(x)) ? ['*'] : [];
    }
    case 'sortedKeys': {
      const k = searchKeys(v).sort();
      return k.length ? [k.join('+')] : [];
    }
    case 'fullKeys': {
      const k = searchKeys(v).sort();
      return k.length >= 2 ? [k.join('+')] : [];
    }
    case 'sex': {
      const s = normSex(v);
      return s ? [s] : [];
    }
    case 'prefix3': {
      const s = normText(v).replace(/\s/g, '');
      return s.length >= 3 ? [s.slice(0, 3)] : [];
    }
    case 'year': {
      const m = /^\d{4}/.exec((v ?? '').trim());
      return m ? [m[0]] : [];
    }
    case 'birthYear':
      return [];
  }
}

function birthYears(age: string, date: string, window: boolean): string[] {
  const a = Number((age ?? '').trim()),
    y = Number(/^(\d{4})/.exec((date ?? '').trim())?.[1]);
  if ((age ?? '').trim() === '' || !Number.isFinite(a) || !Number.isFinite(y)) return [];
  const b = Math.round(y - a);
  return window ? [String(b - 1), String(b), String(b + 1)] : [String(b)];
}

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
          ? birthYears(field(record, k.column), field(record, k.with ?? 'date'), side === 'left')
          : [...new Set(transformValue(field(record, k.column), k.transform, side))];
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
