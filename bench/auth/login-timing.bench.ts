import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { createUser } from '../../src/users/users.service';
import { MAX_FAILED_LOGINS } from '../../src/auth/auth.service';
import { log, scratchDatabase } from '../support';
import { round, timeIt, type BenchResult } from '../types';

/**
 * Username enumeration by timing (issue #11): a refused sign-in for an unknown, a locked or a
 * deactivated username should take as long as a wrong password for an existing one (each spends
 * one argon2 verification). Median of N sign-ins each, interleaved, against the wrong-password
 * median measured in the same run; a ratio near 1 means the time tells nothing. Unit tests only
 * check that the verification runs (src/auth/auth.login.test.ts); time is measured here.
 */
export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.BENCH_LOGIN_N ?? 60);
  const database = await scratchDatabase('pglite');
  const ctx: AppContext = {
    database,
    db: database.db,
    now: () => new Date(),
    config: { filesDir: '/tmp/samanvay-bench-files', webDir: null, secureCookies: false },
  };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const password = 'orchard-lantern-quiet-9';
  for (const username of ['bench.wrong', 'bench.locked', 'bench.inactive'])
    await createUser(ctx.db, null, { username, displayName: username, password, role: 'caseworker', jurisdictionId: null });
  await database.query("UPDATE app_user SET active = false WHERE username = 'bench.inactive'");
  let address = 0;
  const login = (username: string, pw: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: pw },
      remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`,
    });
  for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login('bench.locked', 'wrong-password-0');
  const cases = {
    wrong: ['bench.wrong', 'wrong-password-1'],
    unknown: ['bench.nobody', 'wrong-password-1'],
    locked: ['bench.locked', password],
    inactive: ['bench.inactive', password],
  } as const;
  const times: Record<keyof typeof cases, number[]> = { wrong: [], unknown: [], locked: [], inactive: [] };
  for (let i = 0; i < n; i++) {
    for (const [k, [u, p]] of Object.entries(cases) as [keyof typeof cases, readonly [string, string]][]) {
      // Keep bench.wrong below the lockout: a right password between rounds resets its count.
      if (k === 'wrong' && i % (MAX_FAILED_LOGINS - 1) === 0) await login('bench.wrong', password);
      const [ms, res] = await timeIt(() => login(u, p));
      if (res.statusCode !== 401) throw new Error(`${k}: expected 401, got ${res.statusCode}`);
      times[k].push(ms);
    }
  }
  await app.close();
  await database.drop();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(times.wrong);
  log(
    `login timing: wrong ${round(base)} ms, unknown ${round(median(times.unknown))} ms, locked ${round(median(times.locked))} ms, inactive ${round(median(times.inactive))} ms`,
  );
  return (['unknown', 'locked', 'inactive'] as const).map((k) => ({
    name: `refused sign-in, ${k} username (median of ${n})`,
    value: round(median(times[k])),
    unit: 'ms',
    baseline: round(base),
    ratio: round(median(times[k]) / base),
    note: 'baseline: wrong password for an existing user; ≈1 means time does not reveal whether the username exists',
  }));
}
