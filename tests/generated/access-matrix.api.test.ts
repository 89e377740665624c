import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type Client } from '../support/app';
import { roleHas, type Permission, type Role } from '../../src/access/roles';
import { arbitraryFor, fillPath, loadOperations, type Operation } from './support/openapi';
import { discoverRecords, PLACES, realParams, recordKindOf, UUID_RE, type Place, type Placement } from './support/records';
import { changedTables, fingerprintQuery } from './support/fingerprint';
import { permittedFields, type RecordType } from './permitted-fields';
import { KNOWN_FAILURES, SKIPPED_ROUTES } from './access-matrix.known';
import { fieldShown, type MissingRecordView } from '../../src/access/missing';
import { MISSING_RECORD_FIELDS } from '../../src/access/fields/policy.data';

/**
 * The access matrix, generated from /api/openapi.json: every route × every demo user × a
 * record of every kind in the user's own and in another district (and, for the Anganwadi
 * worker, her own and another village), with real ids of seeded records. For each response:
 *  - a record outside the user's jurisdiction never comes back 2xx, and no response carries
 *    the id of a record outside it (lists, searches, nested references included);
 *  - a role that reads only the minimal registry view never receives fields outside it
 *    (`permittedFields`, one table);
 *  - the main record of a route is readable (200) by a role whose permissions in
 *    src/access/roles.ts grant it, inside the jurisdiction, and 403/404 otherwise;
 *  - a GET changes no row, and a refused write changes no row.
 * A route the generator cannot reach must be in SKIPPED_ROUTES with a reason, or the test fails.
 */
const USERS = [
  'admin',
  'dcpo.amravati',
  'dcpo.akola',
  'cwc.amravati',
  'caseworker.amravati',
  'caseworker.akola',
  'ngo.amravati',
  'nodal.education',
  'nodal.health',
  'aww.rajura',
  'helpline.amravati',
  'auditor.mh',
];

/**
 * Routes that read one record: who gets it (200) inside the jurisdiction, from the
 * permissions in src/access/roles.ts. Each entry lists alternatives, each a set of
 * permissions needed together; `partial` may get it (or 403/404: a narrower rule decides).
 */
type Grant = Permission[][];
const RECORD_READS: Record<string, { full: Grant; partial?: Grant }> = {
  'GET /children/{id}': { full: [['registry.read'], ['registry.read.minimal']] },
  'GET /families/{id}': { full: [['registry.read'], ['registry.read.minimal']] },
  'GET /cases/{id}': { full: [['cases.read']], partial: [['cases.referral']] },
  'GET /convergence/groups/{id}': { full: [['convergence.read']] },
  'GET /convergence/meetings/{id}': { full: [['convergence.read']] },
  // The department view (convergence.access.ts) shows a nodal officer only the actions of their department.
  'GET /convergence/actions/{id}': { full: [['convergence.read', 'registry.read']], partial: [['convergence.read'], ['convergence.act']] },
  // Why a family qualifies is the full record (schemes.access.ts): the minimal view gets 403.
  'GET /scheme-applications/{id}': { full: [['schemes.read', 'registry.read']] },
  'GET /missing/records/{id}': { full: [['missing.read']], partial: [['missing.write'], ['missing.review']] },
  'GET /care/institutions/{id}': { full: [['care.read']] },
  // A CWC member does not get a JJB stay (children in conflict with law are kept apart), hence partial.
  'GET /care/stays/{id}': { full: [['care.read']], partial: [['care.read']] },
  // An NGO caseworker sees only the pathways assigned to its organisation.
  'GET /care/reintegration/{id}': { full: [['care.read']], partial: [['care.read']] },
  'GET /care/family-placements/{id}': { full: [['care.read']] },
  'GET /care/sponsorships/{id}': { full: [['care.read']] },
  'GET /helpline/calls/{id}': { full: [['helpline.read']] },
};

/** Any permission of a domain (by OpenAPI tag): a role with none of them never succeeds on that domain's records. */
const TAG_PERMISSIONS: Record<string, Permission[]> = {
  registry: [
    'registry.read',
    'registry.read.minimal',
    'registry.write',
    'registry.import',
    'registry.export',
    'assessment.write',
    'survey.write',
  ],
  cases: ['cases.read', 'cases.write', 'cases.cwc', 'cases.referral'],
  convergence: ['convergence.read', 'convergence.manage', 'convergence.act', 'balpanchayat.write'],
  schemes: ['schemes.read', 'schemes.write', 'schemes.configure', 'convergence.act'],
  missing: ['missing.read', 'missing.write', 'missing.review', 'missing.model', 'missing.national', 'helpline.intake'],
  audit: ['audit.read'],
  care: ['care.read', 'care.write', 'care.manage', 'care.record', 'care.reintegrate'],
  helpline: ['helpline.intake', 'helpline.read', 'helpline.dispatch', 'cases.open'],
};

interface User {
  username: string;
  role: Role;
  level: string;
  stateCode: number | null;
  districtCode: number | null;
  villageId: string | null;
  organisationId: string | null;
  client: Client;
}

const t = await createTestApp();
afterAll(() => t.close());
const ops = await loadOperations(t.app);
const users: User[] = [];
for (const username of USERS) {
  const [u] = await t.ctx.database.query<{
    role: Role;
    scope_level: string;
    state_code: number | null;
    district_code: number | null;
    village_id: string | null;
    organisation_id: string | null;
  }>('SELECT role, scope_level, state_code, district_code, village_id, organisation_id::text FROM app_user WHERE username = $1', [
    username,
  ]);
  users.push({
    username,
    role: u.role,
    level: u.scope_level,
    stateCode: u.state_code,
    districtCode: u.district_code,
    villageId: u.village_id,
    organisationId: u.organisation_id,
    client: await t.login(username),
  });
}

// The demo has no case attachments: add one to a case in each district, as its DCPO would.
for (const [who, district] of [
  ['dcpo.amravati', 468],
  ['dcpo.akola', 467],
] as const) {
  const [c] = await t.ctx.database.query<{ id: string }>(
    'SELECT id::text AS id FROM case_record WHERE district_code = $1 ORDER BY id LIMIT 1',
    [district],
  );
  const boundary = '----matrix';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="order.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from('%PDF-1.4\n%%EOF\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/attachments`,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      authorization: `Bearer ${users.find((u) => u.username === who)!.client.token}`,
    },
  });
  if (res.statusCode !== 201) throw new Error(`attachment set-up: ${res.statusCode} ${res.body}`);
}

// The demo hands one Amravati child over for adoption (src/care/care-extras.seed.ts): one more hand-off
// per district, as the DCPO records it after the CWC's declaration, for a child without one (one open
// hand-off per child); its rules are tested in src/care/care.family.api.test.ts.
for (const district of [468, 467]) {
  const [h] = await t.ctx.database.query<{ id: string }>(
    `INSERT INTO care_adoption_handoff (child_id, case_id, state_code, district_code, declared_free_on, order_ref, saa_id, handed_over_on, status, status_on)
     SELECT r.child_id, r.id, r.state_code, r.district_code, '2026-11-01', 'CWC/LFA/MATRIX', i.organisation_id, '2026-11-02', 'handed_over', '2026-11-02'
       FROM case_record r JOIN care_institution i ON i.district_code = r.district_code
      WHERE r.district_code = $1 AND r.child_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM care_adoption_handoff h WHERE h.child_id = r.child_id)
      ORDER BY r.id, i.organisation_id LIMIT 1
     RETURNING id::text AS id`,
    [district],
  );
  if (!h) throw new Error(`adoption hand-off set-up: no case or institution in district ${district}`);
}

const records = await discoverRecords(t);
const fingerprint = await fingerprintQuery(t);
const realIds = [...records.index.keys()];
let last = await fingerprint();

function inScope(u: User, p: Placement): boolean {
  switch (u.level) {
    case 'national':
      return true;
    case 'state':
      return p.stateCode === u.stateCode;
    case 'district':
      return p.stateCode === u.stateCode && p.districtCode === u.districtCode;
    case 'village':
      return p.districtCode === u.districtCode && p.hasVillage && p.villageId === u.villageId;
    default:
      return false;
  }
}

/** A record the user may read: in its jurisdiction, or a case (and its attachments) its unit receives in a pending transfer. */
const mayRead = (u: User, p: Placement) => inScope(u, p) || (!!u.organisationId && !!p.receivingUnits?.includes(u.organisationId));
/** An id the user may find in a response: a record it may read, or the child or family of a case its unit receives. */
const mayReference = (u: User, p: Placement) => mayRead(u, p) || (!!u.organisationId && !!p.referencedBy?.includes(u.organisationId));

/**
 * Another district's missing/found record reached through a match (src/access/missing.ts): it
 * may come back, at the view the match allows. Every object describing it must say its view
 * (compared, full, or a bare reference) and carry no field that view withholds.
 */
function crossDistrictViewProblem(body: unknown, id: string): string | null {
  for (const [obj, path] of objects(body)) {
    if (obj.id !== id) continue;
    if (!('reference' in obj)) continue; // a compared pair's side (comparison.left/right): the compared fields only
    const view = (obj.redacted === true ? 'reference' : obj.view) as MissingRecordView | 'own' | undefined;
    if (view !== 'compared' && view !== 'full' && view !== 'reference') return `at ${path} with view ${String(view)}`;
    if (obj.access === 'own') return `at ${path} as the reader's own record`;
    const reporter = obj.reporter as Record<string, unknown> | undefined;
    if (view !== 'full' && (obj.hasPhoto === true || reporter?.name != null)) return `at ${path}: photo or reporter at the ${view} view`;
    for (const f of MISSING_RECORD_FIELDS) {
      if (!(f in obj) || obj[f] == null || fieldShown(f, view) !== 'no') continue;
      if (Array.isArray(obj[f]) && !(obj[f] as unknown[]).length) continue;
      return `at ${path}: ${f} at the ${view} view`;
    }
  }
  return null;
}

const has = (u: User, perms: Permission[]) => perms.some((p) => roleHas(u.role, p));
const granted = (u: User, grant: Grant = []) => grant.some((all) => all.every((p) => roleHas(u.role, p)));

/** Every object in a JSON value, with its path (for messages). */
function* objects(v: unknown, path = '$'): Generator<[Record<string, unknown>, string]> {
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* objects(v[i], `${path}[${i}]`);
  else if (v && typeof v === 'object') {
    yield [v as Record<string, unknown>, path];
    for (const [k, x] of Object.entries(v)) yield* objects(x, `${path}.${k}`);
  }
}

const FIELD_CHECKED: Record<string, RecordType> = { child: 'child', family: 'family', member: 'member', case: 'case' };

interface Violation {
  check: 'server-error' | 'status' | 'leak' | 'field' | 'write';
  route: string;
  user: string;
  detail: string;
}

const usedKnown = new Set<number>();
const exercised = new Set<string>();
const violationsByRoute = new Map<string, Violation[]>();

async function exercise(op: Operation, u: User, place: Place | null) {
  const params = realParams(records, op.path, op.pathParams, place ?? 'amravati');
  if (!params) return;
  exercised.add(op.key);
  const kind = recordKindOf(op.path);
  const mainId = params.id ?? params.villageId;
  const placement = kind && mainId ? records.index.get(mainId) : undefined;
  let payload: string | undefined;
  if (op.method !== 'GET' && op.body) {
    const [body] = fc.sample(arbitraryFor(op.body, { ids: realIds, hostility: 0 }), { numRuns: 1, seed: op.key.length * 7919 });
    payload = JSON.stringify(body);
  }
  const before = last;
  const res = await t.app.inject({
    method: op.method,
    url: fillPath(op.path, params),
    headers: { authorization: `Bearer ${u.client.token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { payload } : {}),
  });
  const after = await fingerprint();
  last = after;
  const out: Violation[] = [];
  const add = (check: Violation['check'], detail: string) =>
    out.push({ check, route: op.key, user: u.username, detail: `${detail} [${place ?? '-'}: ${res.statusCode}]` });
  const ok = res.statusCode >= 200 && res.statusCode < 300;

  if (res.statusCode >= 500) add('server-error', res.body.slice(0, 200));
  if (placement) {
    if (ok && !mayRead(u, placement))
      add(
        'status',
        `${placement.kind} in district ${placement.districtCode}${placement.villageId ? `/${placement.villageId}` : ''} outside the jurisdiction came back ${res.statusCode}`,
      );
    const tagPerms = TAG_PERMISSIONS[op.tag];
    if (ok && tagPerms && !has(u, tagPerms)) add('status', `role ${u.role} has no ${op.tag} permission but got ${res.statusCode}`);
    const rule = RECORD_READS[op.key];
    if (rule && inScope(u, placement)) {
      if (granted(u, rule.full) && res.statusCode !== 200)
        add('status', `expected 200 (role has ${rule.full.map((g) => g.join('+')).join(' or ')})`);
      if (!granted(u, rule.full) && !granted(u, rule.partial) && ![403, 404].includes(res.statusCode))
        add('status', 'expected 403 or 404 (no permission)');
    }
  }
  if (op.method === 'GET' && before !== after) add('write', `a GET changed ${changedTables(before, after).join(', ')}`);
  if (op.method !== 'GET' && res.statusCode >= 400 && before !== after)
    add('write', `refused (${res.statusCode}) but changed ${changedTables(before, after).join(', ')}`);

  if (ok && (res.headers['content-type'] ?? '').toString().includes('json')) {
    const body = res.json();
    const leaked = new Set<string>();
    for (const id of res.body.match(UUID_RE) ?? []) {
      const p = records.index.get(id);
      if (p && !mayReference(u, p) && !leaked.has(id)) {
        leaked.add(id);
        if (p.kind === 'missingRecord') {
          const problem = crossDistrictViewProblem(body, id);
          if (problem) add('leak', `missingRecord ${id} of district ${p.districtCode} beyond its match's view: ${problem}`);
          continue;
        }
        add('leak', `${p.kind} ${id} of district ${p.districtCode}${p.villageId ? `/${p.villageId}` : ''}`);
      }
    }
    for (const [obj, path] of objects(body)) {
      const p = typeof obj.id === 'string' ? records.index.get(obj.id) : undefined;
      const type = p && FIELD_CHECKED[p.kind];
      if (!type) continue;
      const allowed = permittedFields(u.role, type);
      if (allowed === 'all') continue;
      // `withheld` and `initialsOnly` say what was left out (src/access/fields.ts); they carry no data.
      const extra = Object.keys(obj).filter((k) => !allowed.has(k) && k !== 'withheld' && k !== 'initialsOnly');
      if (extra.length) add('field', `${type} at ${path} carries ${extra.sort().join(', ')}`);
    }
  }
  const list = violationsByRoute.get(op.key) ?? [];
  for (const v of out) {
    const k = KNOWN_FAILURES.findIndex(
      (x) => x.check === v.check && x.route.test(v.route) && x.users.test(v.user) && (!x.detail || x.detail.test(v.detail)),
    );
    if (k >= 0) usedKnown.add(k);
    else list.push(v);
  }
  violationsByRoute.set(op.key, list);
}

const isWrite = (op: Operation) => op.method !== 'GET';
// Reads first, on the data as seeded; then writes (which change it).
const ordered = [...ops.filter((o) => !isWrite(o)), ...ops.filter(isWrite)].filter((o) => !SKIPPED_ROUTES[o.key]);

describe('access matrix generated from /api/openapi.json', () => {
  for (const op of ordered) {
    it(op.key, async () => {
      for (const u of users) {
        // Own and other district; for the frontline worker also another village of her own district.
        const places: (Place | null)[] = !op.pathParams.length ? [null] : u.level === 'village' ? PLACES : ['rajura', 'akola'];
        const seen = new Set<string>();
        for (const place of places) {
          const params = realParams(records, op.path, op.pathParams, place ?? 'amravati');
          const key = JSON.stringify(params);
          if (seen.has(key)) continue;
          seen.add(key);
          await exercise(op, u, place);
        }
      }
      const found = violationsByRoute.get(op.key) ?? [];
      expect(found.map((v) => `${v.route} ${v.check} ${v.user}: ${v.detail}`)).toEqual([]);
    });
  }

  it('every route is exercised with real records or skipped for a stated reason', () => {
    const neither = ops.filter((o) => !exercised.has(o.key) && !SKIPPED_ROUTES[o.key]).map((o) => o.key);
    expect(neither, 'add a record kind for the route in tests/generated/support/records.ts, or skip it with a reason').toEqual([]);
    const stale = Object.keys(SKIPPED_ROUTES).filter((k) => !ops.some((o) => o.key === k));
    expect(stale, 'skipped routes that no longer exist').toEqual([]);
  });

  it('every known failure still happens (remove an entry once it is fixed)', () => {
    const unused = KNOWN_FAILURES.filter((_, i) => !usedKnown.has(i)).map((k) => `${k.check} ${k.route} ${k.users}: ${k.why}`);
    expect(unused).toEqual([]);
  });
});
