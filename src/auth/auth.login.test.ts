import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { ADDRESS_MAX_FAILURES, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './auth.service';
import { verificationCount } from './passwords';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Each test signs in from its own address, so the per-address throttle of one does not
// spill into another (the throttle has its own tests below).
let nextAddress = 1;
const freshAddress = () => `10.9.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
const login = (username: string, password: string, remoteAddress = freshAddress()) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

const auditCount = async (action: string, username: string) => {
  const [row] = await t.ctx.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_event e JOIN app_user u ON u.id::text = e.entity_id WHERE e.action = $1 AND u.username = $2',
    [action, username],
  );
  return row.n;
};

describe('sign-in', () => {
  it('signs in with an httpOnly session cookie and shows who, what role and where', async () => {
    const res = await login('dcpo.amravati', 'vatsalya2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'samanvay_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({
      username: 'dcpo.amravati',
      role: 'dcpu_officer',
      jurisdiction: { id: 'di:468', name: 'Amravati' },
      mustChangePassword: false,
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { samanvay_session: cookie.value } });
    expect(me.json().username).toBe('dcpo.amravati');
  });

  it('refuses a malformed body with the field named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('sign-out ends the session on the server', async () => {
    const c = await t.login('caseworker.akola');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    await c.post('/api/v1/auth/logout');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('an expired session is refused with 401', async () => {
    const c = await t.login('cwc.amravati');
    t.setNow(new Date(Date.now() + 9 * 3600_000));
    expect((await c.get('/api/v1/children')).statusCode).toBe(401);
    t.setNow(new Date());
  });

  it('stores argon2id password hashes, never the password', async () => {
    const [row] = await t.ctx.database.query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE username = 'admin'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('no username enumeration', () => {
  it('unknown user, wrong password, deactivated and locked accounts get one identical answer', async () => {
    // Lock ngo.amravati; deactivate nodal.health (through the admin API).
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login('ngo.amravati', 'not-the-password-1');
    const admin = await t.login('admin');
    const users = (await admin.get('/api/v1/users')).json().items as { id: string; username: string }[];
    const health = users.find((u) => u.username === 'nodal.health')!;
    expect((await admin.post(`/api/v1/users/${health.id}/deactivate`)).statusCode).toBe(200);

    const answers = [
      await login('nobody.here', 'whatever-password-1'),
      await login('dcpo.akola', 'wrong-password-1'),
      await login('ngo.amravati', 'vatsalya2026'), // locked, with the right password
      await login('nodal.health', 'vatsalya2026'), // deactivated, with the right password
    ];
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json()).toEqual({ code: 'invalid_credentials', message: 'Username or password is wrong' });
      expect(a.headers['retry-after']).toBeUndefined();
    }
    // The lock is not hidden from those who manage the account.
    const listed = (await admin.get('/api/v1/users')).json().items as { username: string; lockedUntil: string | null; active: boolean }[];
    expect(listed.find((u) => u.username === 'ngo.amravati')!.lockedUntil).not.toBeNull();
    expect(listed.find((u) => u.username === 'nodal.health')!.active).toBe(false);
    expect(listed.find((u) => u.username === 'dcpo.akola')!.lockedUntil).toBeNull();
  });

  it('an unknown, locked or deactivated username still costs one argon2 verification, as a wrong password does', async () => {
    for (const [username, password] of [
      ['nobody.at.all', 'whatever-password-1'],
      ['ngo.amravati', 'vatsalya2026'], // locked above
      ['nodal.health', 'vatsalya2026'], // deactivated above
      ['dcpo.akola', 'wrong-password-2'],
    ]) {
      const before = verificationCount();
      expect((await login(username, password)).statusCode).toBe(401);
      expect(verificationCount() - before, username).toBe(1);
    }
  });
});

describe('lockout', () => {
  it('locks the account after repeated failures, even for the right password, and lifts it after the lockout', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await login('helpline.amravati', 'not-the-password1')).statusCode).toBe(401);
    expect((await login('helpline.amravati', 'vatsalya2026')).statusCode).toBe(401);
    expect(await auditCount('account_locked', 'helpline.amravati')).toBe(1);
    t.setNow(new Date(Date.now() + (LOCKOUT_MINUTES + 1) * 60_000));
    expect((await login('helpline.amravati', 'vatsalya2026')).statusCode).toBe(200);
    t.setNow(new Date());
  });

  it('100 concurrent wrong passwords from 100 addresses get exactly the allowed number of checks', async () => {
    const before = verificationCount();
    const answers = await Promise.all(Array.from({ length: 100 }, () => login('caseworker.amravati', 'a-wrong-password-9')));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([401]));
    // Exactly MAX_FAILED_LOGINS attempts were checked against the real hash; every other one
    // was refused as locked (and spent its verification on the dummy hash).
    expect(await auditCount('login_failed', 'caseworker.amravati')).toBe(MAX_FAILED_LOGINS);
    expect(await auditCount('login_refused', 'caseworker.amravati')).toBe(100 - MAX_FAILED_LOGINS);
    expect(verificationCount() - before).toBe(100);
    expect((await login('caseworker.amravati', 'vatsalya2026')).statusCode).toBe(401);
    const [row] = await t.ctx.database.query<{ failed_logins: number; locked: boolean }>(
      "SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE username = 'caseworker.amravati'",
    );
    expect(row).toEqual({ failed_logins: MAX_FAILED_LOGINS, locked: true });
  });

  it('a right password resets the count', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await login('dlsa.amravati', 'not-the-password-3');
    expect((await login('dlsa.amravati', 'vatsalya2026')).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await login('dlsa.amravati', 'not-the-password-3');
    expect((await login('dlsa.amravati', 'vatsalya2026')).statusCode).toBe(200);
  });
});

describe('per-address throttle', () => {
  it('answers 429 with Retry-After once an address used up its failures, whatever the usernames; other addresses go on', async () => {
    const address = '10.77.0.1';
    t.setNow(new Date()); // one window throughout, whenever the test runs
    const answers = await Promise.all(
      Array.from({ length: ADDRESS_MAX_FAILURES + 10 }, (_, i) => login(`guess.${i}`, 'password-guess-1', address)),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(ADDRESS_MAX_FAILURES);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    // Even the right password waits: the address is throttled, not the account.
    const blocked = await login('auditor.mh', 'vatsalya2026', address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect((await login('auditor.mh', 'vatsalya2026', '10.77.0.2')).statusCode).toBe(200);
    // The next window opens again.
    t.setNow(new Date(Date.now() + retry * 1000 + 1000));
    expect((await login('auditor.mh', 'vatsalya2026', address)).statusCode).toBe(200);
    t.setNow(new Date());
  });

  it('successful sign-ins do not use up an address (an office behind one address)', async () => {
    const address = '10.77.0.3';
    for (let i = 0; i < ADDRESS_MAX_FAILURES + 5; i++) {
      expect((await login('dcpo.akola', 'vatsalya2026', address)).statusCode).toBe(200);
    }
    expect((await login('dcpo.akola', 'wrong-password-1', address)).statusCode).toBe(401);
  });
});

describe('users', () => {
  it('an administrator creates users inside their jurisdiction only, with validated fields', async () => {
    const admin = await t.login('admin');
    const ok = await admin.post('/api/v1/users', {
      username: 'cw.new',
      displayName: 'New Caseworker',
      password: 'river-lamp-orchid-7',
      role: 'caseworker',
      jurisdictionId: 'di:467',
    });
    expect(ok.statusCode).toBe(201);
    for (const password of ['short', 'Password1234', 'password12345', 'qwertyuiop12']) {
      const weak = await admin.post('/api/v1/users', {
        username: 'cw.weak',
        displayName: 'Weak',
        password,
        role: 'caseworker',
        jurisdictionId: 'di:467',
      });
      expect(weak.statusCode, password).toBe(400);
      expect(weak.json().issues[0].field).toBe('password');
    }
    const outside = await admin.post('/api/v1/users', {
      username: 'cw.karnataka',
      displayName: 'Elsewhere',
      password: 'river-lamp-orchid-7',
      role: 'caseworker',
      jurisdictionId: 'st:29',
    });
    expect(outside.statusCode).toBe(403);
    const dup = await admin.post('/api/v1/users', {
      username: 'cw.new',
      displayName: 'Again',
      password: 'river-lamp-orchid-7',
      role: 'caseworker',
      jurisdictionId: 'di:467',
    });
    expect(dup.statusCode).toBe(409);
    const cw = await t.login('caseworker.akola');
    expect(
      (
        await cw.post('/api/v1/users', {
          username: 'cw.sneaky',
          displayName: 'X',
          password: 'river-lamp-orchid-7',
          role: 'admin',
          jurisdictionId: null,
        })
      ).statusCode,
    ).toBe(403);
  });
});
