import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuditKey } from './audit.checkpoint';

const dir = () => mkdtempSync(join(tmpdir(), 'samanvay-key-'));

describe('the audit key', () => {
  it('on the embedded database, is created once in a file next to (not inside) the data folder', () => {
    const d = dir();
    const data = join(d, 'data');
    expect(loadAuditKey({ env: {}, embeddedDir: data })).toBeNull();
    const first = loadAuditKey({ env: {}, embeddedDir: data, create: true })!;
    expect(first.source).toBe(join(d, 'data.audit-key'));
    expect(existsSync(join(data, 'data.audit-key'))).toBe(false);
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    expect(first.key.length).toBeGreaterThanOrEqual(32);
    expect(loadAuditKey({ env: {}, embeddedDir: data, create: true })!.key.equals(first.key)).toBe(true);
  });

  it('comes from AUDIT_KEY or AUDIT_KEY_FILE before any default, and refuses a short or missing one', () => {
    const d = dir();
    const k = 'x'.repeat(40);
    expect(loadAuditKey({ env: { AUDIT_KEY: k }, embeddedDir: join(d, 'data'), create: true })).toMatchObject({ source: 'AUDIT_KEY' });
    expect(existsSync(join(d, 'data.audit-key'))).toBe(false);
    expect(() => loadAuditKey({ env: { AUDIT_KEY: 'short' } })).toThrow(/at least 32/);
    const file = join(d, 'k');
    writeFileSync(file, `${k}\n`);
    expect(loadAuditKey({ env: { AUDIT_KEY_FILE: file } })!.key.toString()).toBe(k);
    expect(() => loadAuditKey({ env: { AUDIT_KEY_FILE: join(d, 'nope') }, create: true })).toThrow(/does not exist/);
    // PostgreSQL without a key: no checkpoints, and no file is made anywhere.
    expect(loadAuditKey({ env: {}, embeddedDir: null, create: true })).toBeNull();
  });
});
