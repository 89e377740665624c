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

  it("no module inserts, updates or deletes another module's tables (it calls that module's functions or publishes an event)", () => {
    // The users and the sign-in are one module in two folders; seeds, the demo and the schema
    // index (src/db) load every table by design.
    const moduleOf = (rel: string) => (rel.split(/[\\/]/)[0] === 'auth' ? 'users' : rel.split(/[\\/]/)[0]);
    const writes: string[] = [];
    for (const f of files(SRC)) {
      const rel = relative(SRC, f);
      const m = moduleOf(rel);
      if (['demo', 'db'].includes(m) || /\.seed\.ts$/.test(f)) continue;
      const text = readFileSync(f, 'utf8');
      for (const [, names, spec] of text.matchAll(/import \{([^}]+)\} from '(\.[^']+\.schema)'/g)) {
        if (moduleOf(relative(SRC, resolve(dirname(f), spec))) === m) continue;
        const imported = names.split(',').map((n) => n.trim().split(/\s+as\s+/));
        for (const name of imported.map((parts) => parts[parts.length - 1])) {
          if (!name || name.startsWith('type ')) continue;
          if (new RegExp(`\\.(insert|update|delete)\\(\\s*${name}\\s*\\)`).test(text)) writes.push(`${rel} writes ${name}`);
        }
      }
    }
    expect(writes).toEqual([]);
  });
});
