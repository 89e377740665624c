import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, ist, type Kit } from '../cases/cases.testkit';
import { approvedFamily as sharedFamily } from './care.fixtures';
import { dispatchPending } from '../events/dispatcher';
import { EVENT_HANDLERS } from '../events/handlers';
import { createDueEntries } from './ledger-due.service';

/**
 * Issue #14, the foster care lifecycle on the demo: what a family can take, matching a child to
 * the district's approved families (with the reasons, and the families left out with why), a
 * Form 32 placement with the matched family, the Form 35 visits due and overdue, the ledger's
 * back-fill of missed months with the injectable clock, ending a placement (ledger stops, care
 * status follows, 409 on a stale version) and aftercare proposals for foster children at 18.
 * The server's day is 1 December 2026 (IST) throughout.
 */
let t: TestApp;
let k: Kit;
let dcpo: Client;
let cwc: Client;
let cw: Client;
type Kid = { id: string; village_id: string; block_code: number; sex: string };
let a: Kid;
let b: Kid;
let c: Kid;
const q = <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => t.ctx.database.query<T>(sql, p);
const carers: Record<string, { id: string; version: number }> = {};

/** A family through application, home study (Form 30) and the committee's approval (r.23): care.fixtures.ts. */
const approvedFamily = (name: string, locationId: string, profile: Record<string, unknown>) =>
  sharedFamily({ cw, cwc, profiler: cw }, { name, locationId, profile });

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [dcpo, cwc, cw] = await Promise.all([k.as('dcpo.amravati'), k.as('cwc.amravati'), k.as('caseworker.amravati')]);
  [a, b, c] = await q<Kid>(
    `SELECT id, village_id, block_code, sex FROM child c WHERE district_code = 468 AND village_id IS NOT NULL AND block_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM care_family_placement p WHERE p.child_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM care_stay s WHERE s.child_id = c.id)
     ORDER BY name, id LIMIT 3`,
  );
  await q("UPDATE child SET dob = '2016-05-10' WHERE id = $1", [a.id]);
});
afterAll(() => t.close());

describe("a family's profile (what the home study found it can take)", () => {
  it('is versioned, checked field by field, and the approval’s end is the committee’s', async () => {
    carers.village = await approvedFamily('Family Village', a.village_id, {
      capacity: 2,
      prefersSex: 'any',
      languages: ['Marathi'],
      takesSiblings: true,
    });
    const stale = await cw.patch(`/api/v1/care/foster-carers/${carers.village.id}/profile`, {
      capacity: 3,
      prefersSex: 'any',
      languages: [],
      takesSiblings: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const profile = { capacity: 2, prefersSex: 'any', languages: [], takesSiblings: true, version: carers.village.version };
    const url = `/api/v1/care/foster-carers/${carers.village.id}/profile`;
    const none = await cw.patch(url, { ...profile, capacity: 0 });
    expect(none.statusCode).toBe(400);
    expect(none.json().issues[0].field).toContain('capacity');
    const ages = await cw.patch(url, { ...profile, ageMin: 10, ageMax: 4 });
    expect(ages.json().issues[0].field).toContain('ageMax');
    const notHers = await cw.patch(`/api/v1/care/foster-carers/${carers.village.id}/profile`, {
      capacity: 2,
      prefersSex: 'any',
      languages: [],
      takesSiblings: true,
      validUntil: '2027-09-10',
      version: carers.village.version,
    });
    expect(notHers.statusCode).toBe(403);
    expect(notHers.json().issues[0].field).toBe('validUntil');
  });
});

describe('matching a child to the approved families of the district', () => {
  it('ranks approved, valid families with the reasons; leaves out the full and the unsuitable with why; skips the rest', async () => {
    carers.block = await approvedFamily('Family Block', `bl:${a.block_code}`, {
      capacity: 1,
      prefersSex: 'any',
      languages: [],
      takesSiblings: false,
    });
    carers.other = await approvedFamily('Family Other Sex', 'di:468', {
      capacity: 1,
      prefersSex: a.sex === 'female' ? 'male' : 'female',
      languages: [],
      takesSiblings: false,
    });
    const lapsed = await approvedFamily('Family Lapsed', 'di:468', { capacity: 2, prefersSex: 'any', languages: [], takesSiblings: false });
    const lapse = await dcpo.patch(`/api/v1/care/foster-carers/${lapsed.id}/profile`, {
      capacity: 2,
      prefersSex: 'any',
      languages: [],
      takesSiblings: false,
      validUntil: '2026-11-30',
      version: lapsed.version,
    });
    expect(lapse.statusCode, lapse.body).toBe(200);
    const pending = (
      await cw.post('/api/v1/care/foster-carers', { kind: 'foster', name: 'Family Pending', locationId: 'di:468', appliedOn: '2026-11-01' })
    ).json();

    const res = await dcpo.get(`/api/v1/care/foster-matches?childId=${a.id}&languages=marathi`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.child).toMatchObject({ id: a.id, ageYears: 10 });
    const ids = m.candidates.map((x: { carer: { id: string } }) => x.carer.id);
    expect(ids.slice(0, 2)).toEqual([carers.village.id, carers.block.id]);
    expect(m.candidates[0].reasons.map((r: { code: string }) => r.code)).toEqual([
      'same_village',
      'language_shared',
      'room_to_spare',
      'no_child_placed',
    ]);
    expect(m.candidates[1].reasons.map((r: { code: string }) => r.code)).toContain('same_block');
    const excluded = Object.fromEntries(
      m.excluded.map((x: { carer: { name: string }; exclusions: { code: string }[] }) => [x.carer.name, x.exclusions.map((e) => e.code)]),
    );
    expect(excluded['Family Other Sex']).toEqual(['sex_preference']);
    // The demo's Wankhade family (one place, the demo's foster child in it) is full.
    expect(excluded['Shri Ramesh and Smt. Sunanda Wankhade']).toEqual(['no_place']);
    const everyone = [...ids, ...m.excluded.map((x: { carer: { id: string } }) => x.carer.id)];
    expect(everyone).not.toContain(lapsed.id);
    expect(everyone).not.toContain(pending.id);
    // Another district's officer does not see the child; bad input names the field.
    expect((await (await k.as('dcpo.akola')).get(`/api/v1/care/foster-matches?childId=${a.id}`)).json().issues[0].field).toBe('childId');
    const bad = await dcpo.get(`/api/v1/care/foster-matches?childId=${a.id}&siblingsToPlace=9`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toContain('siblingsToPlace');
  });

  it('asks for places for the siblings placed together', async () => {
    const m = (await dcpo.get(`/api/v1/care/foster-matches?childId=${a.id}&siblingsToPlace=1`)).json();
    expect(m.candidates.map((x: { carer: { id: string } }) => x.carer.id)).toEqual([carers.village.id]);
    const block = m.excluded.find((x: { carer: { id: string } }) => x.carer.id === carers.block.id);
    expect(block.exclusions.map((e: { code: string }) => e.code)).toEqual(['places_for_siblings', 'no_sibling_group']);
  });
});

describe('the placement, its Form 35 visits and the ledger', () => {
  let placement: { id: string; version: number };
  it('places the child with the matched family (Form 32); the visit is overdue a month after the placement', async () => {
    const p = await dcpo.post('/api/v1/care/family-placements', {
      childId: a.id,
      kind: 'foster',
      carerId: carers.village.id,
      orderRef: 'CWC/AMR/F32/9',
      startedOn: '2026-10-01',
    });
    expect(p.statusCode, p.body).toBe(201);
    placement = p.json();
    const due = (await dcpo.get('/api/v1/care/foster-visits?overdue=true')).json().items;
    expect(due.find((v: { placementId: string }) => v.placementId === placement.id)).toMatchObject({
      nextDue: '2026-11-01',
      overdue: true,
      daysOverdue: 30,
      lastVisitOn: null,
      citation: 'JJ Model Rules 2016 R.23(18)',
    });
    const m = (await dcpo.get(`/api/v1/care/foster-matches?childId=${b.id}`)).json();
    expect(m.candidates.find((x: { carer: { id: string } }) => x.carer.id === carers.village.id)).toMatchObject({
      placed: 1,
      freePlaces: 1,
    });
  });

  it('records a visit with the child seen alone; a concern must be said', async () => {
    const url = `/api/v1/care/family-placements/${placement.id}/inspections`;
    const unsaid = await cw.post(url, { visitedOn: '2026-11-30', wellbeing: 'concern', findings: 'quiet' });
    expect(unsaid.statusCode).toBe(400);
    expect(unsaid.json().issues[0].field).toBe('concerns');
    const v = await cw.post(url, {
      visitedOn: '2026-11-30',
      wellbeing: 'concern',
      findings: 'quiet at school',
      childSeenAlone: true,
      concerns: 'misses her brother',
    });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json().inspections.at(-1)).toMatchObject({ childSeenAlone: true, concerns: 'misses her brother' });
    expect(v.json()).toMatchObject({ nextInspectionDue: '2026-12-30', inspectionOverdue: false });
    const overdue = (await dcpo.get('/api/v1/care/foster-visits?overdue=true')).json().items;
    expect(overdue.map((x: { placementId: string }) => x.placementId)).not.toContain(placement.id);
    const all = (await dcpo.get('/api/v1/care/foster-visits')).json().items;
    expect(all.find((x: { placementId: string }) => x.placementId === placement.id)).toMatchObject({ lastWellbeing: 'concern' });
  });

  it('back-fills every month missed since the placement began, once, up to the IST month of the clock', async () => {
    const months = async () =>
      (
        await q<{ m: string; status: string }>(
          "SELECT to_char(month, 'YYYY-MM') AS m, status FROM care_payment WHERE placement_id = $1 ORDER BY month",
          [placement.id],
        )
      ).map((r) => r.m);
    // 1 December 2026, 06:00 IST (the job's hour): October and November were missed.
    const first = await createDueEntries(t.ctx.db, new Date('2026-12-01T00:30:00Z'));
    expect(first.month).toBe('2026-12');
    expect(first.backfilled).toBeGreaterThanOrEqual(2);
    expect(await months()).toEqual(['2026-10', '2026-11', '2026-12']);
    expect((await createDueEntries(t.ctx.db, new Date('2026-12-01T00:30:00Z'))).created).toBe(0);
    // The server was down from 25 December to 9 February: January and February on the next run.
    await createDueEntries(t.ctx.db, new Date('2027-02-10T00:30:00Z'));
    expect(await months()).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
    // 31 January 20:00 UTC is already 1 February in India: the IST month counts.
    expect((await createDueEntries(t.ctx.db, new Date('2027-01-31T20:00:00Z'))).month).toBe('2027-02');
  });

  it('ends on the CWC order: 409 on a stale version, the ledger stops after the end month, the care status follows', async () => {
    const url = `/api/v1/care/family-placements/${placement.id}/end`;
    const body = { reason: 'restored_to_family', endedOn: '2026-11-30', orderRef: 'CWC/AMR/2026/R-12' };
    expect((await (await k.as('nodal.education')).post(url, { ...body, version: 1 })).statusCode).toBe(403);
    expect((await (await k.as('dcpo.akola')).post(url, { ...body, version: 1 })).statusCode).toBe(404);
    expect((await dcpo.post(url, { ...body, endedOn: '2026-09-30', version: 1 })).json().issues[0].field).toBe('endedOn');
    // A visit is recorded on the 30th: the placement cannot have ended before it.
    expect((await dcpo.post(url, { ...body, endedOn: '2026-11-29', version: 1 })).json().issues[0].message).toContain('2026-11-30');
    expect((await dcpo.post(url, { ...body, reason: 'turned_18', version: 1 })).json().issues[0].field).toBe('endedOn');
    // January was paid before anyone knew: it comes back for recovery.
    await q("UPDATE care_payment SET status = 'paid', paid_on = '2027-01-05' WHERE placement_id = $1 AND month = '2027-01-01'", [
      placement.id,
    ]);
    const before = (
      await q<{ n: number }>('SELECT count(*)::int AS n FROM care_family_placement WHERE id = $1 AND ended_on IS NULL', [placement.id])
    )[0].n;
    expect(before).toBe(1);
    const done = await cwc.post(url, { ...body, version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      withheldMonths: ['2026-12', '2027-02'],
      paidAfterEnd: ['2027-01'],
      careStatus: 'birth_family',
      aftercareProposed: false,
      placement: { endedOn: '2026-11-30', endReason: 'restored_to_family', endOrderRef: 'CWC/AMR/2026/R-12', version: 2 },
    });
    const again = await dcpo.post(url, { ...body, version: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('version_conflict');
    expect((await dcpo.post(url, { ...body, version: 2 })).json().code).toBe('already_ended');
    const ledger = await q<{ m: string; status: string; reason: string | null }>(
      "SELECT to_char(month, 'YYYY-MM') AS m, status, reason FROM care_payment WHERE placement_id = $1 ORDER BY month",
      [placement.id],
    );
    expect(ledger.map((r) => `${r.m}:${r.status}`)).toEqual([
      '2026-10:due',
      '2026-11:due',
      '2026-12:withheld',
      '2027-01:paid',
      '2027-02:withheld',
    ]);
    expect(ledger[2].reason).toContain('placement ended on 2026-11-30');
    // The next run makes no month after the end.
    await createDueEntries(t.ctx.db, new Date('2027-03-02T00:30:00Z'));
    expect((await q('SELECT 1 FROM care_payment WHERE placement_id = $1 AND month > $2', [placement.id, '2027-02-01'])).length).toBe(0);
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    expect((await q<{ care_status: string }>('SELECT care_status FROM child WHERE id = $1', [a.id]))[0].care_status).toBe('birth_family');
    const audited = await q(
      "SELECT 1 FROM audit_event WHERE entity_type = 'care_family_placement' AND entity_id = $1 AND action = 'update'",
      [placement.id],
    );
    expect(audited.length).toBe(1);
    // The family has its place back; the ended placement owes no visit.
    const m = (await dcpo.get(`/api/v1/care/foster-matches?childId=${b.id}`)).json();
    expect(m.candidates.find((x: { carer: { id: string } }) => x.carer.id === carers.village.id)).toMatchObject({ placed: 0 });
    expect((await dcpo.get('/api/v1/care/foster-visits')).json().items.map((x: { placementId: string }) => x.placementId)).not.toContain(
      placement.id,
    );
  });
});

describe('aftercare for foster children at 18 (s.46)', () => {
  it('proposes a plan from 17 years 6 months, and for one who left at 18; none once a plan is made', async () => {
    await q("UPDATE child SET dob = '2009-03-01' WHERE id = $1", [b.id]);
    await q("UPDATE child SET dob = '2008-09-01' WHERE id = $1", [c.id]);
    const pb = await dcpo.post('/api/v1/care/family-placements', {
      childId: b.id,
      kind: 'foster',
      carerId: carers.village.id,
      orderRef: 'CWC/AMR/F32/10',
      startedOn: '2026-10-01',
    });
    const pc = await dcpo.post('/api/v1/care/family-placements', {
      childId: c.id,
      kind: 'foster',
      carerId: carers.block.id,
      orderRef: 'CWC/AMR/F32/11',
      startedOn: '2026-09-15',
    });
    expect(pc.statusCode, pc.body).toBe(201);
    const ended = await cwc.post(`/api/v1/care/family-placements/${pc.json().id}/end`, {
      reason: 'turned_18',
      endedOn: '2026-11-20',
      orderRef: 'CWC/AMR/2026/AC-9',
      version: 1,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ careStatus: 'aftercare', aftercareProposed: true });
    const proposals = (await dcpo.get('/api/v1/care/aftercare-proposals')).json().items as { childId: string; source: string }[];
    expect(proposals.find((p) => p.childId === b.id)).toMatchObject({
      placementId: pb.json().id,
      source: 'turning_18',
      turns18On: '2027-03-01',
      planFrom: '2026-09-01',
      endsOn: '2030-03-01',
    });
    expect(proposals.find((p) => p.childId === c.id)).toMatchObject({ source: 'left_at_18', placementEndedOn: '2026-11-20' });
    expect(proposals.map((p) => p.childId)).not.toContain(a.id);
    const plan = await dcpo.post('/api/v1/care/aftercare', {
      childId: c.id,
      orderRef: 'CWC/AMR/2026/AC-9 (Form 37)',
      planOn: '2026-11-25',
      needs: { housing: 'with the foster family' },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await dcpo.get('/api/v1/care/aftercare-proposals')).json().items.map((p: { childId: string }) => p.childId)).not.toContain(
      c.id,
    );
    expect((await (await k.as('dcpo.akola')).get('/api/v1/care/aftercare-proposals')).json().items).toEqual([]);
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    expect((await q<{ care_status: string }>('SELECT care_status FROM child WHERE id = $1', [c.id]))[0].care_status).toBe('aftercare');
  });
});
