// Lookups over the outside variant table (variants.data.ts), by sound form of a canonical token.
import { nameTokens, soundForm, keyOfCanonical } from './canonical';
import { GENERIC_PET_NAMES, PET_NAMES, VARIANT_GROUPS } from './variants.data';

interface Tables {
  /** sound → ids of the names it is a rendering of. */
  same: Map<string, number[]>;
  /** sound of a pet name → ids of the names it belongs to. */
  pet: Map<string, number[]>;
  /** id → phonetic key of the name's head form (for blocking). */
  headKey: string[];
  generic: Set<string>;
}

let tables: Tables | null = null;

const canon = (form: string): string | null => {
  const t = nameTokens(form);
  return t.length === 1 ? t[0] : null;
};

function build(): Tables {
  const same = new Map<string, number[]>();
  const pet = new Map<string, number[]>();
  const headKey: string[] = [];
  const add = (m: Map<string, number[]>, k: string, id: number) => {
    const l = m.get(k);
    if (!l) m.set(k, [id]);
    else if (!l.includes(id)) l.push(id);
  };
  for (const g of VARIANT_GROUPS) {
    const id = headKey.length;
    const head = canon(g.same[0]);
    if (!head) continue;
    headKey.push(keyOfCanonical(head));
    for (const f of g.same) {
      const c = canon(f);
      if (c) add(same, soundForm(c), id);
    }
  }
  for (const p of PET_NAMES) {
    for (const target of p.of) {
      const c = canon(target);
      if (!c) continue;
      const s = soundForm(c);
      let ids = same.get(s);
      if (!ids) {
        const id = headKey.length;
        headKey.push(keyOfCanonical(c));
        add(same, s, id);
        ids = [id];
      }
      for (const f of p.pet) {
        const pc = canon(f);
        if (pc) for (const id of ids) add(pet, soundForm(pc), id);
      }
    }
  }
  const generic = new Set<string>();
  for (const f of GENERIC_PET_NAMES) {
    const c = canon(f);
    if (c) generic.add(c);
  }
  return { same, pet, headKey, generic };
}

function t(): Tables {
  tables ??= build();
  return tables;
}

/** Ids of the names (in the outside table) that this sound form renders; empty when none. */
export function variantIdsOfSound(sound: string): readonly number[] {
  return t().same.get(sound) ?? [];
}

/** Ids of the names a pet name (as a sound form) belongs to; empty when none. */
export function petIdsOfSound(sound: string): readonly number[] {
  return t().pet.get(sound) ?? [];
}

/** Whether a canonical token is a pet name that belongs to no one name (Munna, Pappu, Bapi). */
export function isGenericPetName(canonical: string): boolean {
  return t().generic.has(canonical);
}

/** Phonetic keys of the table's head forms that the tokens of a name render or are pet names of:
 *  extra blocking keys, so Kishan meets Krishna and Kanha meets Krishna. */
export function variantKeysOfTokens(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  const tb = t();
  for (const tok of tokens) {
    const s = soundForm(tok);
    for (const id of tb.same.get(s) ?? []) out.add(tb.headKey[id]);
    for (const id of tb.pet.get(s) ?? []) out.add(tb.headKey[id]);
  }
  return [...out];
}
