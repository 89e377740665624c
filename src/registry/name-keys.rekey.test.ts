import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import { indexKeys, NAME_KEYS_VERSION } from './name-index';
import { rekeyStaleNames, staleNameCounts } from './name-keys.service';

/**
 * After the name-key rules change (issue #15: "Kr." = Kumar and others), registry rows keyed
 * before are found again under the new keys: the sweep rewrites their keys, and only theirs.
 */
let d: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  d = await createTestDatabase({ demo: true });
});
afterAll(() => d?.drop());

const ctx = () => ({ db: d.db });

describe('re-keying registry names after the rules change', () => {
  it('the column default is the version the code writes (a new rule version needs its migration)', async () => {
    const [row] = await d.query<{ def: string }>(
      `SELECT column_default AS def FROM information_schema.columns WHERE table_name = 'child' AND column_name = 'name_keys_version'`,
    );
    expect(Number(row!.def.replace(/\D/g, ''))).toBe(NAME_KEYS_VERSION);
    const [fam] = await d.query<{ def: string }>(
      `SELECT column_default AS def FROM information_schema.columns WHERE table_name = 'family' AND column_name = 'name_keys_version'`,
    );
    expect(Number(fam!.def.replace(/\D/g, ''))).toBe(NAME_KEYS_VERSION);
  });

  it('rewrites the keys of rows keyed under older rules, leaves the others and their versions alone', async () => {
    const [child] = await d.query<{ id: string; version: number }>(
      `SELECT id, version FROM child WHERE cardinality(other_names) = 0 ORDER BY id LIMIT 1`,
    );
    // As a database from before the change holds it: "Kr." spelled out, keys from the old rules.
    // With no local name: a NULL in the names once became a key of its own ("nl") on PGlite.
    await d.query(
      `UPDATE child SET name = 'Raju Kr. Pawar', name_local = NULL, name_keys = ARRAY['stale'], name_keys_version = 1 WHERE id = $1`,
      [child!.id],
    );
    const [fam] = await d.query<{ id: string; head_name: string; head_name_local: string | null }>(
      `SELECT id, head_name, head_name_local FROM family ORDER BY id LIMIT 1`,
    );
    await d.query(`UPDATE family SET name_keys = ARRAY['stale'], name_keys_version = 1 WHERE id = $1`, [fam!.id]);
    const untouched = await d.query<{ id: string; name_keys: string[] }>(
      `SELECT id, name_keys FROM child WHERE id <> $1 ORDER BY id LIMIT 5`,
      [child!.id],
    );
    expect(await staleNameCounts(ctx())).toEqual({ child: 1, family: 1 });

    expect(await rekeyStaleNames(ctx(), 100)).toBe(2);
    expect(await staleNameCounts(ctx())).toEqual({ child: 0, family: 0 });

    const [after] = await d.query<{ name_keys: string[]; name_keys_version: number; version: number; name_local: string | null }>(
      'SELECT name_keys, name_keys_version, version, name_local FROM child WHERE id = $1',
      [child!.id],
    );
    expect([...after!.name_keys].sort()).toEqual(indexKeys('Raju Kr. Pawar', after!.name_local).sort());
    expect(after!.name_keys).toEqual(expect.arrayContaining(indexKeys('Raju Kumar Pawar')));
    expect(after!.name_keys_version).toBe(NAME_KEYS_VERSION);
    expect(after!.version).toBe(child!.version); // not an edit of the record
    const [famAfter] = await d.query<{ name_keys: string[] }>('SELECT name_keys FROM family WHERE id = $1', [fam!.id]);
    expect([...famAfter!.name_keys].sort()).toEqual(indexKeys(fam!.head_name, fam!.head_name_local).sort());
    for (const u of untouched) {
      const [now] = await d.query<{ name_keys: string[] }>('SELECT name_keys FROM child WHERE id = $1', [u.id]);
      expect(now!.name_keys).toEqual(u.name_keys);
    }
    expect(await rekeyStaleNames(ctx(), 100)).toBe(0);
  });
});
