import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Module boundaries (issue #12): the registry, missing-children and schemes modules depend on
 * each other one way only — missing → registry, schemes → registry — and tell the registry
 * what happened through domain events (src/events), so no import cycle joins them.
 */
const SRC = resolve(__dirname, '..');
const MODULES = ['registry', 'missing', 'schemes'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** module → the modules its (non-test) files import from. */
function edges(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of MODULES) {
    const to = new Set<string>();
    for (const f of files(join(SRC, m))) {
      for (const [, spec] of readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = relative(SRC, resolve(dirname(f), spec)).split(/[\\/]/)[0];
        if (target !== m && MODULES.includes(target)) to.add(target);
      }
    }
    out.set(m, to);
  }
  return out;
}

describe('module boundaries', () => {
  it('no import cycle joins the registry, missing and schemes modules', () => {
    const g = edges();
    const cycles: string[] = [];
    const walk = (start: string, at: string, path: string[]) => {
      for (const next of g.get(at) ?? []) {
        if (next === start) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next)) walk(start, next, [...path, next]);
      }
    };
    for (const m of MODULES) walk(m, m, [m]);
    expect(cycles).toEqual([]);
    expect([...g.get('registry')!]).toEqual([]);
  });
});
