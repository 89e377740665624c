// The name comparison's level for two names alone, as the shipped model labels it (the name tests' one helper).
import { buildComparators } from './comparisons';
import { defaultModel } from './model';
import { emptyPerson, personTable } from './record';

export function nameLevel(a: string, b: string): string {
  const spec = defaultModel().comparisons.find((c) => c.id === 'name')!;
  const [cmp] = buildComparators([spec]);
  const fa = cmp.prepare(personTable([{ ...emptyPerson('a'), name: a }]));
  const fb = cmp.prepare(personTable([{ ...emptyPerson('b'), name: b }]));
  cmp.finish?.();
  return spec.levels[cmp.level(fa, 0, fb, 0)].label;
}
