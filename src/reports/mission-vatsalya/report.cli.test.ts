import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/client';
import { runNode } from '../../../tests/support/spawn';
import { loadFixture } from '../../dashboards/indicators.fixture';

// `samanvay report monthly` as an operator runs it, on an embedded database holding the indicator fixture.
const dir = mkdtempSync(join(tmpdir(), 'samanvay-report-cli-'));
const dbDir = join(dir, 'db');
const env = { ...process.env, DATABASE_URL: dbDir, NODE_ENV: 'test' };
const run = (...args: string[]) => runNode(['bin/samanvay.js', ...args], { env, timeoutMs: 240_000 });

beforeAll(async () => {
  const m = await run('migrate');
  if (m.status !== 0) throw new Error(m.stderr);
  const d = await openDatabase(dbDir);
  try {
    await loadFixture(d);
  } finally {
    await d.close();
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samanvay report', () => {
  it('writes the monthly report of a district named in words, with progress on stderr and the file on stdout', async () => {
    const out = join(dir, 'amravati.csv');
    const r = await run('report', 'monthly', '--district', 'Amravati', '--month', '2026-11', '--format', 'csv', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/indicators/);
    expect(r.stdout.trim()).toBe(out);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    const identified = lines.find((l) => l.includes(',children_identified,'))!.split(',');
    // Identified in November: A3 (created 1 Nov); in the register now: A1, A2, A3 (the merged A4 left out).
    expect(identified.slice(3, 5)).toEqual(['1', '3']);
    // Care and the helpline are in the report (figures independent of the day the test runs):
    // in an institution now A1, in family-based care A2 (no date trend: nothing "in the period");
    // reached within target H1, received in November.
    const row = (id: string) => lines.find((l) => l.includes(`,${id},`))!.split(',');
    expect(row('children_in_institutional_care').slice(3, 5)).toEqual(['', '1']);
    expect(row('children_in_family_based_care').slice(3, 5)).toEqual(['', '1']);
    expect(row('helpline_reached_in_target').slice(3, 5)).toEqual(['1', '1']);
  }, 300_000);

  it('writes a PDF, and refuses a bad month naming it', async () => {
    const pdf = join(dir, 'amravati.pdf');
    const ok = await run('report', 'monthly', '--district', '468', '--month', '2026-11', '--lang', 'hi', '--out', pdf);
    expect(ok.status, ok.stderr).toBe(0);
    expect(existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await run('report', 'monthly', '--district', '468', '--month', '2026-13');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/month/);
  }, 300_000);
});
