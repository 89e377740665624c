import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/policy';
import { actorKey, preparedOnce } from './prepared';

const officer = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  username: 'dcpo.amravati',
  displayName: 'DCPO',
  role: 'dcpo' as Actor['role'],
  organisationId: 'o1',
  organisationKind: 'dcpu',
  scope: { level: 'district', stateCode: 27, districtCode: 468 },
  ...over,
});
const stub = () => ({ toSQL: () => ({ sql: 'select 1' }), prepare: () => ({ execute: async () => [] }) });

describe('queries built once (issue #19)', () => {
  it('keys the policy on everything about the actor but the address', () => {
    expect(actorKey(officer({ ip: '10.0.0.1' }))).toBe(actorKey(officer({ ip: '10.0.0.2' })));
    const base = actorKey(officer());
    for (const other of [
      officer({ scope: { level: 'district', stateCode: 27, districtCode: 469 } }),
      officer({ scope: { level: 'state', stateCode: 27 } }),
      officer({ role: 'cwc_member' as Actor['role'] }),
      officer({ organisationId: 'o2' }),
      officer({ organisationKind: 'police' }),
      officer({ userId: 'u2' }),
    ])
      expect(actorKey(other)).not.toBe(base);
  });

  it('builds a query once per database and key; a transaction (its own client, same dialect) gets it bound to its client', () => {
    const dialect = {};
    const pool = { session: { client: 'pool', dialect } };
    const tx = { session: { client: 'tx-connection', dialect } };
    const other = { session: { client: 'pool', dialect: {} } };
    let built = 0;
    const build = () => (built++, { toSQL: () => ({ sql: 'select 1' }), prepare: () => ({ client: 'pool', execute: async () => [] }) });
    const a = preparedOnce(pool, 'k', build);
    expect(preparedOnce(pool, 'k', build)).toBe(a);
    const inTx = preparedOnce(tx, 'k', build) as unknown as { client: string };
    expect(built).toBe(1);
    expect(inTx).not.toBe(a);
    expect(inTx.client).toBe('tx-connection');
    expect((a as unknown as { client: string }).client).toBe('pool');
    expect(preparedOnce(other, 'k', build)).not.toBe(a); // another database: its own cache
    expect(preparedOnce(pool, 'k2', build)).not.toBe(a);
    expect(built).toBe(3);
  });

  it('keeps at most 2,000 per handle, dropping the oldest', () => {
    const db = {};
    const first = preparedOnce(db, 'q0', stub);
    for (let i = 1; i <= 2000; i++) preparedOnce(db, `q${i}`, stub);
    expect(preparedOnce(db, 'q2000', stub)).toBe(preparedOnce(db, 'q2000', stub));
    expect(preparedOnce(db, 'q0', stub)).not.toBe(first);
  });
});
