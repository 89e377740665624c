import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import { seedDemo } from '../demo/seed';
import { seedSchemes } from './schemes.seed';

// The demo's application histories come out the same on every machine, although every
// record id is random: two databases seeded apart give the same histories per family.

async function histories() {
  const db = await createTestDatabase();
  try {
    await seedDemo(db);
    const again = await seedSchemes(db.db);
    const rows = await db.query<{ k: string }>(`
      SELECT f.village_id || '|' || f.head_name || '|' || coalesce(c.name, '-') || '|' || coalesce(c.dob::text, '-') || '|' || a.scheme_id || '|' ||
             string_agg(s.status || '@' || s.on_date::text || coalesce('=' || s.amount::text, ''), ',' ORDER BY s.seq) AS k
      FROM scheme_application a JOIN family f ON f.id = a.family_id LEFT JOIN child c ON c.id = a.child_id
      JOIN scheme_application_step s ON s.application_id = a.id
      GROUP BY f.village_id, f.head_name, c.name, c.dob, a.scheme_id`);
    const docs = await db.query<{ k: string }>(`
      SELECT f.village_id || '|' || f.head_name || '|' || e.doc_type || '|' || e.to_status || '@' || e.event_on::text AS k
      FROM document_event e JOIN family f ON f.id = e.family_id`);
    return { again, rows: rows.map((r) => r.k).sort(), docs: docs.map((r) => r.k).sort() };
  } finally {
    await db.drop();
  }
}

describe('demo scheme histories', () => {
  it('are the same in two separately seeded databases, and are seeded once', async () => {
    const a = await histories();
    const b = await histories();
    expect(a.again).toBeNull();
    expect(a.rows.length).toBeGreaterThan(80);
    expect(b.rows).toEqual(a.rows);
    expect(b.docs).toEqual(a.docs);
  }, 240_000);
});
