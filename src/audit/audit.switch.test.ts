import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('the bench-only audit switch', () => {
  it('is called from nowhere in the server: only the load bench turns the audit log off', () => {
    const callers = files(SRC)
      .filter((f) => !f.endsWith('audit.bench-switch.ts') && !f.endsWith('audit.switch.test.ts'))
      .filter((f) => /setAuditDisabledForBench/.test(readFileSync(f, 'utf8')));
    expect(callers).toEqual([]);
  });

  it('is not read from the environment or configuration', () => {
    const text = readFileSync(join(SRC, 'audit', 'audit.bench-switch.ts'), 'utf8');
    expect(text).not.toMatch(/process\.env\.(?!NODE_ENV)/);
  });
});
