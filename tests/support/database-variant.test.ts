import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseFreeTests, makeVariantCheck } from './database-variant';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'samanvay-variant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which test files the PostgreSQL run may leave out', () => {
  it('follows imports through other files to the switch, and not past an unrelated one', () => {
    const env = ['TEST', 'DATABASE_URL'].join('_');
    writeFileSync(join(dir, 'c.ts'), `export const url = process.env.${env};\n`);
    writeFileSync(join(dir, 'b.ts'), "export { url } from './c';\n");
    writeFileSync(join(dir, 'pure.ts'), 'export const two = 2;\n');
    writeFileSync(join(dir, 'a.test.ts'), "import { url } from './b';\nimport { two } from './pure.ts';\n");
    writeFileSync(join(dir, 'p.test.ts'), "import { two } from './pure';\nimport 'node:fs';\n");
    writeFileSync(join(dir, 'd.test.ts'), "const m = await import('./b');\n");
    const variant = makeVariantCheck();
    expect(variant(join(dir, 'a.test.ts'))).toBe(true);
    expect(variant(join(dir, 'd.test.ts'))).toBe(true);
    expect(variant(join(dir, 'p.test.ts'))).toBe(false);
  });

  it('keeps every file that opens a test database, or runs only on PostgreSQL, in both runs', () => {
    const free = new Set(databaseFreeTests(root, ['src', 'tests', 'web/src']));
    for (const f of [
      'tests/generated/access-matrix.api.test.ts', // createTestApp → tests/support/db.ts
      'src/federation/replication.pg.test.ts', // its own clusters, PostgreSQL run only
      'src/audit/audit.verify.test.ts', // one case only on PostgreSQL
      'tests/ops/two-servers.test.ts', // server processes on the test database
    ])
      expect(free.has(f), f).toBe(false);
    for (const f of ['src/names/names.tokens.test.ts', 'src/linkage/link.independent.test.ts', 'web/src/i18n/glossary.test.tsx'])
      expect(free.has(f), f).toBe(true);
  });
});
