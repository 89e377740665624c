/**
 * Helpers for the case API tests (not a test file): the demo's units and people, a child
 * in a given village, and a clock that moves the server's time and signs people in again
 * (sessions last 8 hours of the server's clock).
 */
import type { Client, TestApp } from '../../tests/support/app';
import { villageId } from '../demo/seed';
import { DEMO_PASSWORD } from '../demo/users';
import { hashPassword } from '../auth/passwords';

export type DemoUser =
  | 'aww.rajura'
  | 'dcpo.amravati'
  | 'dcpo.akola'
  | 'cwc.amravati'
  | 'caseworker.amravati'
  | 'caseworker.akola'
  | 'ngo.amravati'
  | 'nodal.education'
  | 'nodal.health'
  | 'helpline.amravati'
  | 'auditor.mh'
  | 'scps.mh'
  | 'admin.amravati'
  | 'admin';

export interface Kit {
  t: TestApp;
  /** A signed-in client for the user at the current server time. */
  as(user: DemoUser): Promise<Client>;
  /** Moves the server clock (ISO instant) and forgets sessions. */
  at(instant: string): void;
  org(name: string): string;
  userId(username: DemoUser): string;
  childIn(village: string, skip?: number): Promise<string>;
}

export async function caseKit(t: TestApp): Promise<Kit> {
  const orgs = await t.ctx.database.query<{ id: string; name: string }>('SELECT id, name FROM organisation');
  const users = await t.ctx.database.query<{ id: string; username: string }>('SELECT id, username FROM app_user');
  let clients = new Map<string, Client>();
  return {
    t,
    async as(user) {
      let c = clients.get(user);
      if (!c) {
        c = await t.login(user);
        clients.set(user, c);
      }
      return c;
    },
    at(instant) {
      t.setNow(new Date(instant));
      clients = new Map();
    },
    org(name) {
      const o = orgs.find((x) => x.name.startsWith(name));
      if (!o) throw new Error(`no organisation ${name}`);
      return o.id;
    },
    userId(username) {
      return users.find((u) => u.username === username)!.id;
    },
    async childIn(village, skip = 0) {
      const rows = await t.ctx.database.query<{ id: string }>(
        'SELECT id FROM child WHERE village_id = $1 ORDER BY name, id OFFSET $2 LIMIT 1',
        [villageId(village), skip],
      );
      if (!rows.length) throw new Error(`no child in ${village}`);
      return rows[0].id;
    },
  };
}

export const intakeBody = (childId: string, over: Record<string, unknown> = {}) => ({
  childId,
  source: 'anganwadi',
  reporter: { name: 'Mangala Pawar', role: 'Anganwadi worker' },
  reportedOn: '2026-11-30',
  concerns: ['father died; mother migrated for work; child out of school'],
  risk: 'high',
  productionRequired: true,
  ...over,
});

/** IST instants for readable test timelines. */
export const ist = (day: string, time = '10:00') => new Date(`${day}T${time}:00+05:30`).toISOString();

/** LGD district of Karnataka (29): the other state of the cross-state case tests. */
export const BELAGAVI = 527;

/** Belagavi's DCPU and its officer `dcpo.belagavi` (demo password), for cases moved to Karnataka. */
export async function addBelagaviDcpo(t: TestApp): Promise<void> {
  const [{ id: unit }] = await t.ctx.database.query<{ id: string }>(
    `INSERT INTO organisation (name, kind, state_code, district_code, level, place_id)
     VALUES ('DCPU Belagavi', 'DCPU', 29, ${BELAGAVI}, 'district', 'di:${BELAGAVI}') RETURNING id`,
  );
  await t.ctx.database.query(
    `INSERT INTO app_user (username, display_name, password_hash, role, organisation_id, scope_level, jurisdiction_id, state_code, district_code)
     VALUES ('dcpo.belagavi', 'DCPO Belagavi', $1, 'dcpu_officer', $2, 'district', 'di:${BELAGAVI}', 29, ${BELAGAVI})`,
    [await hashPassword(DEMO_PASSWORD), unit],
  );
}
