import { count } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { AppContext } from '../../http/context';
import { findUserByUsername, toActor } from '../../users/users.repository';
import { careSponsorship } from './sponsorship.schema';
import { applySponsorship } from './sponsorship.service';

/**
 * Demo sponsorship applications (issue #18) awaiting the Sponsorship and Foster Care Approval
 * Committee, one in Amravati and one in Akola, made through the service as the districts' DCPOs.
 * Applications only (no sanction): the demo's placements, ledger and figures stay as the care
 * seed makes them. Runs once; call after the care seed.
 */
const AT = new Date('2026-11-20T11:00:00+05:30');

export async function seedSponsorships(database: Database): Promise<boolean> {
  const db = database.db;
  const [{ n }] = await db.select({ n: count() }).from(careSponsorship);
  if (Number(n) > 0) return false;
  const ctx: AppContext = {
    database,
    db,
    now: () => AT,
    config: { filesDir: '/tmp/samanvay-demo-files', webDir: null, secureCookies: false },
  };
  const plan = [
    { user: 'dcpo.amravati', district: 468, appliedOn: '2026-09-10', applicant: 'grandmother', ground: 'orphan_with_extended_family' },
    { user: 'dcpo.akola', district: 467, appliedOn: '2026-11-02', applicant: 'mother', ground: 'mother_widowed_divorced_abandoned' },
  ] as const;
  for (const p of plan) {
    const u = await findUserByUsername(db, p.user);
    if (!u) continue;
    const actor = toActor(u.user, u.orgKind, 'seed');
    // A child under 18 with no family placement, stay or sponsorship yet.
    const rows = await database.query<{ id: string }>(
      `SELECT id FROM child c WHERE district_code = $1 AND dob > '2010-01-01' AND merged_into IS NULL
         AND NOT EXISTS (SELECT 1 FROM care_family_placement f WHERE f.child_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
       ORDER BY name DESC, id LIMIT 1`,
      [p.district],
    );
    if (!rows.length) continue;
    await applySponsorship(ctx, actor, { childId: rows[0].id, appliedOn: p.appliedOn, applicant: p.applicant, ground: p.ground });
  }
  return true;
}
