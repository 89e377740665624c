import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Which test files can behave differently on PostgreSQL than on PGlite. CI runs the suite twice,
 * once per database; a file whose code never reads `TEST_DATABASE_URL` (the one switch between the
 * two: tests/support/db.ts, the server-process helpers, the PostgreSQL-only cluster tests) opens no
 * test database, so its second run repeats the first to the byte and only costs CI time. Found
 * statically, from the relative imports each test file reaches, so a new test is classified by what
 * it imports, not by a list someone must remember to update.
 */
// Spelled in two parts so that this file, and a test of it, do not count as reaching the switch.
const SWITCH = ['TEST', 'DATABASE_URL'].join('_');
const IMPORT = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export function makeVariantCheck(): (file: string) => boolean {
  const imports = new Map<string, string[]>();
  const reaches = new Map<string, boolean>();
  const importsOf = (f: string) => {
    let list = imports.get(f);
    if (!list) {
      const text = readFileSync(f, 'utf8');
      list = [];
      for (const m of text.matchAll(IMPORT)) {
        const next = resolveImport(f, m[1] ?? m[2] ?? m[3]);
        if (next && !next.includes('node_modules')) list.push(next);
      }
      imports.set(f, list);
      if (text.includes(SWITCH)) reaches.set(f, true);
    }
    return list;
  };
  return (file) => {
    const start = resolve(file);
    // Everything this file reaches, then which of those reach the switch (known files answer at once).
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      importsOf(f);
      if (reaches.get(f)) return true;
      if (reaches.get(f) === false) continue;
      stack.push(...importsOf(f));
    }
    // Nothing reachable from here reaches it: remember that for every file on the way.
    for (const f of seen) reaches.set(f, false);
    return false;
  };
}

function testFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) testFiles(p, out);
    else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Test files (relative to root) that never reach the database switch. */
export function databaseFreeTests(root: string, dirs: string[]): string[] {
  const variant = makeVariantCheck();
  return dirs
    .flatMap((d) => testFiles(join(root, d)))
    .filter((f) => !variant(f))
    .map((f) => relative(root, f))
    .sort();
}
