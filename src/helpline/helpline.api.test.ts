import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, type Kit } from '../cases/cases.testkit';
import { villageId } from '../demo/seed';
import { sweepHelplineDueSoon, sweepHelplineOverdue } from './helpline.jobs';
import { alertText, type NotificationParams } from '../cases/alert-text';
import { submitPublic } from '../missing/missing.service';
import { dispatchPending } from '../events/dispatcher';
import { EVENT_HANDLERS } from '../events/handlers';
import { deliverPartnerMessages, queuePartnerMessage, setPartnerConfig } from './partner.service';
import { startPartnerSimulator, type PartnerSimulator } from './partner-simulator';
import { CONTRACT } from './partner.contract';

/**
 * The 1098 helpline through the API (issue #13), as an operator in Amravati takes calls:
 * drafts saved as they type (versions, 409), submit with every missing field named, triage,
 * dispatch and the clock, the overdue alert, handover as a case owned by the DCPU, a found
 * child fed to the missing module, figures and CSV, and who sees what (masked number,
 * jurisdiction, CWC non-disclosure order).
 */
let t: TestApp;
let k: Kit;
let op: Client;
let dcpo: Client;
const T0 = '2026-12-01T04:30:00.000Z'; // 10:00 IST
const q = <T>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params);
const RAJURA = villageId('Rajura');

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(T0);
  op = await k.as('helpline.amravati');
  dcpo = await k.as('dcpo.amravati');
});
afterAll(() => t.close());

const complete = {
  caller: { phone: '+91 98220 12345', name: 'Ramesh Patil', relation: 'neighbour' },
  children: [{ name: 'Sunil', sex: 'male', ageYears: 9 }],
  villageId: RAJURA,
  locationText: 'behind the bus stand',
  categories: ['rescue'],
  urgency: 'emergency',
  language: 'mr',
  notes: 'child locked in a shed',
};

async function submitted(body: object = complete) {
  const d = await op.post('/api/v1/helpline/calls', body);
  expect(d.statusCode, d.body).toBe(201);
  const s = await op.post(`/api/v1/helpline/calls/${d.json().id}/submit`, { version: d.json().version });
  expect(s.statusCode, s.body).toBe(200);
  return s.json();
}

describe('call intake: drafts', () => {
  it('saves a partial draft, then more of it; a stale version is refused with the call as it stands', async () => {
    const d = await op.post('/api/v1/helpline/calls', { categories: ['abuse'] });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toMatchObject({ status: 'draft', version: 1, categories: ['abuse'], districtCode: 468 });
    const p = await op.patch(`/api/v1/helpline/calls/${d.json().id}`, {
      version: 1,
      urgency: 'non_emergency',
      caller: { anonymous: true },
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ version: 2, urgency: 'non_emergency', callerAnonymous: true });
    const stale = await op.patch(`/api/v1/helpline/calls/${d.json().id}`, { version: 1, notes: 'lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
    expect((await op.get(`/api/v1/helpline/calls/${d.json().id}`)).json().notes).toBeNull();
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM helpline_call'))[0].n;
    for (const [body, field] of [
      [{ categories: ['arson'] }, 'categories.0'],
      [{ urgency: 'soon' }, 'urgency'],
      [{ children: [{ ageYears: 30 }] }, 'children.0.ageYears'],
      [{ caller: { phone: 'call me' } }, 'caller.phone'],
      [{ latitude: 51.5 }, 'latitude'],
      [{ colour: 'red' }, 'colour'],
      [{ villageId: 'vi:nowhere' }, 'villageId'],
    ] as const) {
      const r = await op.post('/api/v1/helpline/calls', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        r
          .json()
          .issues.map((i: { field: string }) => i.field)
          .join(' '),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM helpline_call'))[0].n).toBe(before);
  });

  it('submits only a complete call, naming every missing field', async () => {
    const d = (await op.post('/api/v1/helpline/calls', { categories: ['abuse'] })).json();
    const r = await op.post(`/api/v1/helpline/calls/${d.id}/submit`, { version: 1 });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['caller.phone', 'children', 'locationText', 'urgency']);
    expect((await op.get(`/api/v1/helpline/calls/${d.id}`)).json()).toMatchObject({ status: 'draft', version: 1 });
  });

  it('refuses the intake to roles that do not take calls', async () => {
    const nodal = await k.as('nodal.health');
    expect((await nodal.post('/api/v1/helpline/calls', { categories: ['abuse'] })).statusCode).toBe(403);
    expect((await dcpo.post('/api/v1/helpline/calls', { categories: ['abuse'] })).statusCode).toBe(403);
    expect((await nodal.get('/api/v1/helpline/calls')).statusCode).toBe(403);
  });
});

describe('triage, dispatch and the clock', () => {
  it('triages an emergency to 112 with a 60-minute target counted from the call', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const d = (await op.post('/api/v1/helpline/calls', complete)).json();
    k.at('2026-12-01T04:35:00.000Z');
    op = await k.as('helpline.amravati');
    const s = await op.post(`/api/v1/helpline/calls/${d.id}/submit`, { version: d.version });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({
      status: 'open',
      route: 'police_112',
      targetMinutes: 60,
      targetAt: '2026-12-01T05:30:00.000Z',
      elapsedMinutes: 5,
    });
    expect(s.json().triage.table).toMatchObject({ state: 27, version: 'MH-2026-1' });
  });

  it('dispatches, records the child reached and closes, each with its time; out-of-order steps are refused', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const c = await submitted();
    expect((await op.post(`/api/v1/helpline/calls/${c.id}/close`, { version: c.version, outcome: 'bogus' })).statusCode).toBe(400);
    k.at('2026-12-01T04:40:00.000Z');
    dcpo = await k.as('dcpo.amravati');
    const dsp = await dcpo.post(`/api/v1/helpline/calls/${c.id}/dispatch`, { version: c.version });
    expect(dsp.statusCode, dsp.body).toBe(200);
    expect(dsp.json()).toMatchObject({ status: 'dispatched', dispatchedAt: '2026-12-01T04:40:00.000Z' });
    // The police route goes to the district's police unit.
    const police = (await q<{ id: string }>("SELECT id FROM organisation WHERE kind = 'POLICE' AND place_id = 'di:468'"))[0].id;
    expect(dsp.json().assignedUnitId).toBe(police);
    expect((await dcpo.post(`/api/v1/helpline/calls/${c.id}/dispatch`, { version: dsp.json().version })).statusCode).toBe(409);
    k.at('2026-12-01T05:20:00.000Z');
    dcpo = await k.as('dcpo.amravati');
    const reached = await dcpo.post(`/api/v1/helpline/calls/${c.id}/reached`, { version: dsp.json().version });
    expect(reached.json()).toMatchObject({ status: 'reached', elapsedMinutes: 50, overdue: false });
    const closed = await dcpo.post(`/api/v1/helpline/calls/${c.id}/close`, { version: reached.json().version, outcome: 'resolved' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'resolved', closedAt: '2026-12-01T05:20:00.000Z' });
  });

  it('warns in the queue before the target is missed', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const c = await submitted();
    k.at('2026-12-01T05:10:00.000Z'); // 40 minutes in: no warning yet
    expect((await (await k.as('dcpo.amravati')).get(`/api/v1/helpline/calls/${c.id}`)).json()).toMatchObject({
      dueSoon: false,
      overdue: false,
    });
    k.at('2026-12-01T05:16:00.000Z'); // 46 minutes in: within the 15-minute warning
    expect((await (await k.as('dcpo.amravati')).get(`/api/v1/helpline/calls/${c.id}`)).json()).toMatchObject({
      dueSoon: true,
      overdue: false,
      elapsedMinutes: 46,
    });
  });

  it("alerts the unit and the operator once before the target is missed, worded in the reader's language", async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const c = await submitted(); // an emergency: target 60 minutes, 05:30 UTC; warning 15 minutes ahead (triage data)
    const warnings = () =>
      q<{ unit_id: string | null; user_id: string | null; params: NotificationParams; message: string }>(
        "SELECT unit_id, user_id, params, message FROM notification WHERE ref = $1 AND kind = 'helpline.due_soon'",
        [c.id],
      );
    await sweepHelplineDueSoon(t.ctx.db, new Date('2026-12-01T05:10:00.000Z')); // 20 minutes left: not yet
    expect(await warnings()).toHaveLength(0);
    expect(await sweepHelplineDueSoon(t.ctx.db, new Date('2026-12-01T05:16:00.000Z'))).toBeGreaterThanOrEqual(1);
    const sent = await warnings();
    const unit = (
      await q<{ organisation_id: string }>('SELECT organisation_id FROM app_user WHERE id = $1', [k.userId('helpline.amravati')])
    )[0];
    expect(sent.map((w) => w.unit_id)).toContain(unit.organisation_id);
    expect(sent.some((w) => w.user_id === k.userId('helpline.amravati'))).toBe(true);
    expect(sent[0].message).not.toContain('Sunil');
    expect(alertText('hi', sent[0].params, sent[0].message)).toContain('1098 कॉल #');
    expect(alertText('mr', sent[0].params, sent[0].message)).toContain('बालकापर्यंत');
    // Once; and a call already past its target gets the overdue alert, not this warning.
    await sweepHelplineDueSoon(t.ctx.db, new Date('2026-12-01T05:25:00.000Z'));
    expect(await warnings()).toHaveLength(sent.length);
  });

  it('raises one alert when an emergency is not reached within its target', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const c = await submitted();
    expect(await sweepHelplineOverdue(t.ctx.db, new Date('2026-12-01T05:29:00.000Z'))).toBe(0);
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM notification WHERE ref = $1', [c.id]))[0].n;
    expect(before).toBe(0);
    expect(await sweepHelplineOverdue(t.ctx.db, new Date('2026-12-01T05:31:00.000Z'))).toBeGreaterThanOrEqual(1);
    const alerts = await q<{ unit_id: string | null; user_id: string | null; message: string }>(
      'SELECT unit_id, user_id, message FROM notification WHERE ref = $1',
      [c.id],
    );
    const dcpu = (await q<{ id: string }>("SELECT id FROM organisation WHERE name = 'DCPU Amravati'"))[0].id;
    expect(alerts.map((a) => a.unit_id)).toContain(dcpu);
    expect(alerts.some((a) => a.user_id === k.userId('helpline.amravati'))).toBe(true);
    expect(alerts[0].message).not.toContain('Sunil');
    const mail = await q<{ subject: string; body: string }>('SELECT subject, body FROM notification_outbox WHERE dedupe_key = $1', [
      `helpline-overdue:${c.id}`,
    ]);
    expect(mail.length).toBe(1);
    // Issue #17: the catalogue's words with the target as an IST time, not an ISO instant.
    expect(mail[0].body).toMatch(/the child was not reached by the target time \(1 Dec 2026, 11:00/);
    expect(`${mail[0].subject} ${mail[0].body}`).not.toMatch(/\d{4}-\d\d-\d\dT/);
    // Once.
    await sweepHelplineOverdue(t.ctx.db, new Date('2026-12-01T06:31:00.000Z'));
    expect((await q('SELECT 1 FROM notification WHERE ref = $1', [c.id])).length).toBe(alerts.length);
    // The queue shows it overdue.
    k.at('2026-12-01T05:31:00.000Z');
    dcpo = await k.as('dcpo.amravati');
    const list = (await dcpo.get('/api/v1/helpline/calls?overdue=true')).json();
    expect(list.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ overdue: true });
  });
});

describe('handover', () => {
  it('hands a call over as a case owned by the DCPU, which the operator does not read', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const c = await submitted();
    const h = await op.post(`/api/v1/helpline/calls/${c.id}/case`, { version: c.version, productionRequired: true });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().call.caseId).toBe(h.json().caseId);
    dcpo = await k.as('dcpo.amravati');
    const kase = await dcpo.get(`/api/v1/cases/${h.json().caseId}`);
    expect(kase.statusCode, kase.body).toBe(200);
    expect(kase.json()).toMatchObject({ view: 'full', child: { name: 'Sunil' } });
    expect(kase.json().history[0].action).toMatchObject({ type: 'intake', source: 'helpline', by: k.userId('helpline.amravati') });
    const owner = (await q<{ owner_unit_id: string }>('SELECT owner_unit_id FROM case_record WHERE id = $1', [h.json().caseId]))[0];
    expect(owner.owner_unit_id).toBe(k.org('DCPU Amravati'));
    // JJ Act s.31: production before the CWC within 24 hours.
    expect(JSON.stringify(kase.json().state)).toContain('cwc_production');
    expect((await op.get(`/api/v1/cases/${h.json().caseId}`)).statusCode).toBe(403);
    expect((await op.post('/api/v1/cases', intakeBody(await k.childIn('Rajura')))).statusCode).toBe(403);
    // Once.
    expect((await op.post(`/api/v1/helpline/calls/${c.id}/case`, { version: h.json().call.version })).statusCode).toBe(409);
  });

  it('turns a found child into an official found-child record, not a moderation item', async () => {
    const c = await submitted({
      ...complete,
      categories: ['found_sighting'],
      urgency: 'non_emergency',
      children: [{ name: 'Pooja', sex: 'female', ageYears: 7, description: 'red frock, alone at the station' }],
      atStation: true,
    });
    // At a railway station: the railway child help desk (triage data, rule found-railway); elsewhere the district unit.
    expect(c.route).toBe('railway_desk');
    const away = await submitted({ ...complete, categories: ['found_sighting'], urgency: 'non_emergency' });
    expect(away).toMatchObject({ route: 'district_unit', targetMinutes: 240, atStation: false });
    expect(c.missingRecordId).toBeTruthy();
    const rec = (
      await q<{ status: string; channel: string; kind: string; source: string }>(
        'SELECT status, channel, kind, source FROM missing_record WHERE id = $1',
        [c.missingRecordId],
      )
    )[0];
    expect(rec).toEqual({ status: 'open', channel: 'official', kind: 'found', source: 'helpline' });
  });
});

describe('public sightings', () => {
  it('puts a sighting from /report-a-child in the helpline queue at once, beside moderation', async () => {
    k.at(T0);
    const sub = await submitPublic(t.ctx, 'found', {
      sex: 'female',
      ageYears: 6,
      districtCode: 468,
      foundOn: '2026-12-01',
      foundPlace: 'alone near the Amravati bus stand',
      reporterName: 'A Citizen',
      reporterPhone: '9822000000',
    });
    expect(sub.status).toBe('pending_moderation');
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, () => new Date(T0));
    const [rec] = await q<{ id: string }>('SELECT id FROM missing_record WHERE reference = $1', [sub.reference]);
    dcpo = await k.as('dcpo.amravati');
    const queue = (await dcpo.get('/api/v1/helpline/calls?category=found_sighting&pageSize=100')).json().items;
    const call = queue.find((c: { missingRecordId?: string }) => c.missingRecordId === rec.id);
    expect(call).toMatchObject({ status: 'open', channel: 'public', callerAnonymous: true, route: 'district_unit', targetMinutes: 240 });
    expect(call.operatorUserId).toBeNull();
    // Handled once.
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, () => new Date(T0));
    expect((await q('SELECT 1 FROM helpline_call WHERE missing_record_id = $1', [rec.id])).length).toBe(1);
  });
});

describe('who sees what', () => {
  it("shows the caller's number only to the operator who took the call", async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    dcpo = await k.as('dcpo.amravati');
    const c = await submitted();
    expect((await op.get(`/api/v1/helpline/calls/${c.id}`)).json().callerPhone).toBe('+91 98220 12345');
    const seen = (await dcpo.get(`/api/v1/helpline/calls/${c.id}`)).json();
    expect(seen.callerPhone).toBe('xxxxxxxxxx45');
    expect(seen.callerName).toBe('Ramesh Patil');
    const auditor = (await (await k.as('auditor.mh')).get(`/api/v1/helpline/calls/${c.id}`)).json();
    expect(auditor.callerPhone).toBeUndefined();
    expect(auditor.callerName).toBeUndefined();
  });

  it('keeps a call in its district and drafts with their operator', async () => {
    const c = await submitted();
    const akola = await k.as('dcpo.akola');
    expect((await akola.get(`/api/v1/helpline/calls/${c.id}`)).statusCode).toBe(404);
    const theirs = (await akola.get('/api/v1/helpline/calls?pageSize=100')).json().items;
    expect(theirs.length).toBeGreaterThan(0); // the demo's Akola calls
    expect(theirs.every((i: { districtCode: number }) => i.districtCode === 467)).toBe(true);
    const draft = (await op.post('/api/v1/helpline/calls', { categories: ['abuse'] })).json();
    expect((await dcpo.get('/api/v1/helpline/calls?status=draft')).json().items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
  });

  it('withholds the children and place of a call about a child under a CWC non-disclosure order (JJ Act s.74)', async () => {
    const cw = await k.as('caseworker.amravati');
    const childId = await k.childIn('Rajura', 3);
    const kase = await cw.post('/api/v1/cases', intakeBody(childId));
    expect(kase.statusCode, kase.body).toBe(201);
    const order = await (
      await k.as('cwc.amravati')
    ).put(`/api/v1/cases/${kase.json().id}/non-disclosure-order`, {
      orderRef: 'CWC/AMR/2026/99',
      orderedOn: '2026-12-01',
    });
    expect(order.statusCode, order.body).toBe(200);
    const c = await submitted({ ...complete, children: [{ name: 'Known child', sex: 'male', registryChildId: childId }] });
    const opView = (await op.get(`/api/v1/helpline/calls/${c.id}`)).json();
    expect(opView.children).toBeUndefined();
    expect(opView.withheld).toEqual(expect.arrayContaining(['children', 'notes', 'locationText']));
    expect((await dcpo.get(`/api/v1/helpline/calls/${c.id}`)).json().children[0].registryChildId).toBe(childId);
  });

  it('answers each intake write with the call shaped as its read: the number whole for its operator, an order withholding the children', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const cw = await k.as('caseworker.amravati');
    const childId = await k.childIn('Rajura', 4);
    const kase = await cw.post('/api/v1/cases', intakeBody(childId));
    expect(kase.statusCode, kase.body).toBe(201);
    const order = await (
      await k.as('cwc.amravati')
    ).put(`/api/v1/cases/${kase.json().id}/non-disclosure-order`, { orderRef: 'CWC/AMR/2026/98', orderedOn: '2026-12-01' });
    expect(order.statusCode, order.body).toBe(200);
    // The write's own answer (RETURNING) against the GET's (a SELECT), field for field.
    const asRead = async (id: string) => {
      const { timeline: _t, partnerMessages: _m, ...call } = (await op.get(`/api/v1/helpline/calls/${id}`)).json();
      return call;
    };
    const plain = await op.post('/api/v1/helpline/calls', { ...complete, urgency: undefined });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json().callerPhone).toBe('+91 98220 12345');
    expect(plain.json()).toEqual(await asRead(plain.json().id));
    const patched = await op.patch(`/api/v1/helpline/calls/${plain.json().id}`, { version: 1, urgency: 'emergency' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toEqual(await asRead(plain.json().id));
    const sub = await op.post(`/api/v1/helpline/calls/${plain.json().id}/submit`, { version: 2 });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toEqual(await asRead(plain.json().id));

    const named = { ...complete, children: [{ name: 'Known child', sex: 'male', registryChildId: childId }] };
    const withheld = await op.post('/api/v1/helpline/calls', named);
    expect(withheld.statusCode, withheld.body).toBe(201);
    expect(withheld.json().children).toBeUndefined();
    expect(withheld.json().withheld).toEqual(expect.arrayContaining(['children', 'notes', 'locationText']));
    expect(withheld.json()).toEqual(await asRead(withheld.json().id));
    const again = await op.post(`/api/v1/helpline/calls/${withheld.json().id}/submit`, { version: 1 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().children).toBeUndefined();
    expect(again.json()).toEqual(await asRead(withheld.json().id));
  });

  it('flags repeat calls about the same registry child', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const childId = await k.childIn('Rajura', 5);
    const first = await submitted({ ...complete, children: [{ name: 'Known', sex: 'male', registryChildId: childId }] });
    expect((await op.get(`/api/v1/helpline/calls/${first.id}`)).json().repeatCalls).toBe(0);
    const second = await submitted({ ...complete, children: [{ name: 'Known', sex: 'male', registryChildId: childId }] });
    expect((await op.get(`/api/v1/helpline/calls/${second.id}`)).json().repeatCalls).toBe(1);
    expect((await op.get(`/api/v1/helpline/calls/${first.id}`)).json().repeatCalls).toBe(1);
  });

  it('audits reads and writes with ids only', async () => {
    const c = await submitted();
    await dcpo.get(`/api/v1/helpline/calls/${c.id}`);
    const rows = await q<{ action: string; details: unknown }>(
      "SELECT action, details FROM audit_event WHERE entity_type = 'helpline_call' AND entity_id = $1",
      [c.id],
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['helpline.create', 'helpline.submit', 'read']));
    expect(JSON.stringify(rows)).not.toContain('Sunil');
  });
});

describe('child suggestions', () => {
  it("suggests registry children like the caller's description in the district, by name across scripts", async () => {
    // A child whose name is the only one of its kind in the district, under no CWC order (child ids are random: pick by name).
    const [{ name }] = await q<{ name: string }>(
      `SELECT name FROM child c WHERE village_id = $1 AND (SELECT count(*) FROM child d WHERE d.district_code = c.district_code AND d.name = c.name) = 1
         AND NOT EXISTS (SELECT 1 FROM case_record k JOIN case_non_disclosure_order o ON o.case_id = k.id WHERE k.child_id = c.id)
       ORDER BY name LIMIT 1`,
      [RAJURA],
    );
    const r = await op.get(`/api/v1/helpline/child-suggestions?name=${encodeURIComponent(name)}&villageId=${RAJURA}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((i: { name: string }) => i.name)).toContain(name);
    const akola = await k.as('dcpo.akola');
    const there = await akola.get(`/api/v1/helpline/child-suggestions?name=${encodeURIComponent(name)}`);
    expect(there.json().items.map((i: { name: string }) => i.name)).not.toContain(name);
  });
});

describe('response times', () => {
  it('summarises the month and exports CSV', async () => {
    k.at('2026-12-02T04:30:00.000Z');
    dcpo = await k.as('dcpo.amravati');
    const s = await dcpo.get('/api/v1/helpline/summary?from=2026-12-01&to=2026-12-31');
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().calls).toBeGreaterThan(3);
    expect(s.json().reachedWithinTarget).toBeGreaterThanOrEqual(1);
    expect(s.json().byRoute.map((g: { key: string }) => g.key)).toContain('police_112');
    expect((await dcpo.get('/api/v1/helpline/summary?from=2026-12-05&to=2026-12-01')).statusCode).toBe(400);
    const csv = await dcpo.get('/api/v1/helpline/calls/export?from=2026-12-01&to=2026-12-31');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      'number,received_at,state_code,district_code,categories,urgency,route,target_minutes,dispatched_at,reached_at,minutes_to_reach,within_target,status,outcome',
    );
    expect(lines.some((l) => l.endsWith(',50,yes,closed,resolved'))).toBe(true);
    expect(csv.body).not.toContain('Ramesh');
  });
});

describe('handover with 112 and 181 (signed contract, real HTTP both ways)', () => {
  const SECRET = 'test-secret-112-0123456789abcdef0123';
  let sim: PartnerSimulator;
  let base: string;
  const callCount = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM helpline_call'))[0].n;

  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    sim = await startPartnerSimulator({ partner: '112', secret: SECRET, serverUrl: base, now: () => t.ctx.now() });
    setPartnerConfig({ '112': { url: sim.url, secret: SECRET } });
  });
  afterAll(async () => {
    setPartnerConfig(null);
    await sim.close();
  });

  it('hands a 112 call over, keeps it pending while 112 is down, delivers once it is up, and takes its statuses back', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    const c = await submitted();
    expect(c).toMatchObject({ route: 'police_112', partner: '112' });
    sim.down = true;
    // (earlier tests' 112 calls are queued too)
    expect(await deliverPartnerMessages(t.ctx.db, t.ctx.now())).toMatchObject({ acknowledged: 0 });
    const pending = (await op.get(`/api/v1/helpline/calls/${c.id}`)).json().partnerMessages;
    expect(pending).toMatchObject([
      { direction: 'out', kind: 'handover', delivery: 'pending', attempts: 1, lastError: 'HTTP 503 unavailable' },
    ]);
    sim.down = false;
    k.at('2026-12-01T04:32:00.000Z');
    expect(await deliverPartnerMessages(t.ctx.db, t.ctx.now())).toMatchObject({ pending: 0 });
    const got = sim.received.find((m) => m.kind === 'handover' && m.handover.ref === c.id)!;
    expect(got).toMatchObject({ kind: 'handover', from: '1098', to: '112', handover: { ref: c.id, urgency: 'emergency' } });
    expect(got.kind === 'handover' && got.handover.children[0].name).toBe('Sunil');
    // Acknowledged once: nothing is sent again.
    expect(await deliverPartnerMessages(t.ctx.db, t.ctx.now())).toEqual({ acknowledged: 0, pending: 0 });

    k.at('2026-12-01T04:50:00.000Z');
    expect((await sim.sendStatus(c.id, 'on_the_way')).status).toBe(200);
    k.at('2026-12-01T05:10:00.000Z');
    expect((await sim.sendStatus(c.id, 'reached')).status).toBe(200);
    op = await k.as('helpline.amravati');
    const after = (await op.get(`/api/v1/helpline/calls/${c.id}`)).json();
    expect(after).toMatchObject({ status: 'reached', onTheWayAt: '2026-12-01T04:50:00.000Z', reachedAt: '2026-12-01T05:10:00.000Z' });
    expect(after.timeline.map((s: { step: string }) => s.step)).toEqual([
      'submitted',
      'handover_queued',
      'handover_acknowledged',
      'partner_on_the_way',
      'partner_reached',
    ]);
    // An unknown reference is refused and changes nothing.
    expect((await sim.sendStatus('00000000-0000-4000-8000-000000000000', 'closed')).status).toBe(404);
  });

  it('refuses a bad signature, a stale timestamp, a tampered or malformed body and a replay, changing nothing', async () => {
    k.at(T0);
    const before = await callCount();
    const place = { stateCode: 27, districtCode: 468 };
    const forged = await sim.handOver(place, { secret: 'another-secret-0123456789abcdef01234' });
    expect(forged).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    expect((await sim.handOver(place, { timestampOffsetSeconds: -600 })).body.code).toBe('stale_timestamp');
    expect((await sim.handOver(place, { tamper: (raw) => raw.replace('"rescue"', '"begging"') })).body.code).toBe('bad_signature');
    const malformed = await sim.handOver({ ...place, urgency: 'soon' as never });
    expect(malformed.status).toBe(400);
    const other = await startPartnerSimulator({ partner: '181', secret: SECRET, serverUrl: base, now: () => t.ctx.now() });
    expect((await other.handOver(place)).body.code).toBe('unknown_partner'); // 181 is not connected here
    await other.close();
    expect(await callCount()).toBe(before);

    const msg = {
      contract: CONTRACT,
      messageId: '112-replay-0001',
      kind: 'handover' as const,
      from: '112' as const,
      to: '1098' as const,
      sentAt: T0,
      handover: {
        ...place,
        ref: 'ERSS-REPLAY',
        categories: ['abuse' as const],
        urgency: 'emergency' as const,
        atStation: false,
        location: { text: 'near the market' },
        children: [{ sex: 'female' as const, ageYears: 12 }],
        caller: { anonymous: true },
        receivedAt: T0,
      },
    };
    const first = await sim.send(msg);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await sim.send(msg);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'replayed', ack: { messageId: msg.messageId, receiverRef: first.body.receiverRef } });
    expect(await callCount()).toBe(before + 1);
  });

  it('takes a call from 112, dispatches a named responder, times each step and reports them back to 112', async () => {
    k.at(T0);
    sim.down = false;
    const r = await sim.handOver({
      stateCode: 27,
      districtCode: 468,
      location: { text: 'Badnera railway station', villageId: RAJURA },
      categories: ['found_sighting'],
      urgency: 'emergency',
      atStation: true,
      children: [{ sex: 'male', ageYears: 6 }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const id = r.body.receiverRef as string;
    dcpo = await k.as('dcpo.amravati');
    let c = (await dcpo.get(`/api/v1/helpline/calls/${id}`)).json();
    expect(c).toMatchObject({ channel: '112', partner: '112', status: 'open', route: 'railway_desk', targetMinutes: 45 });
    const [cw] = await q<{ id: string }>("SELECT id FROM app_user WHERE username = 'caseworker.amravati'");
    const [akolaCw] = await q<{ id: string }>("SELECT id FROM app_user WHERE username = 'caseworker.akola'");
    const bad = await dcpo.post(`/api/v1/helpline/calls/${id}/dispatch`, { version: c.version, responderUserId: akolaCw.id });
    expect(bad.statusCode).toBe(400);
    const steps: [string, string, object][] = [
      ['2026-12-01T04:35:00.000Z', 'dispatch', { responderUserId: cw.id }],
      ['2026-12-01T04:40:00.000Z', 'on-the-way', {}],
      ['2026-12-01T05:05:00.000Z', 'reached', {}],
      ['2026-12-01T05:30:00.000Z', 'handed-to', { kind: 'cwc', name: 'CWC Amravati' }],
      ['2026-12-01T05:40:00.000Z', 'close', { outcome: 'handed_to_cwc' }],
    ];
    for (const [at, step, body] of steps) {
      k.at(at);
      const res = await dcpo.post(`/api/v1/helpline/calls/${id}/${step}`, { version: c.version, ...body });
      expect(res.statusCode, `${step} ${res.body}`).toBe(200);
      c = res.json();
    }
    expect(c).toMatchObject({
      responderUserId: cw.id,
      onTheWayAt: '2026-12-01T04:40:00.000Z',
      handedToKind: 'cwc',
      handedToAt: '2026-12-01T05:30:00.000Z',
      status: 'closed',
    });
    const sent = await deliverPartnerMessages(t.ctx.db, t.ctx.now());
    expect(sent.pending).toBe(0);
    const back = sim.received.filter((m) => m.kind === 'status' && m.status.ref === c.partnerRef);
    expect(back.map((m) => m.kind === 'status' && m.status.status)).toEqual(['acknowledged', 'on_the_way', 'reached', 'closed']);
    // The step times feed the figures: minutes to on-the-way and to reach.
    const fig = (await dcpo.get('/api/v1/helpline/summary?from=2026-12-01&to=2026-12-01')).json();
    expect(fig.medianMinutesToOnTheWay).not.toBeNull();
    // 112 may not report on a call it handed to 1098 (that is 1098's to report).
    expect((await sim.sendStatus(id, 'reached')).body.code).toBe('unknown_ref');
    // Every message in and out is audited, with ids only.
    const audited = await q<{ action: string; details: { messageId: string } }>(
      "SELECT action, details FROM audit_event WHERE entity_id = $1 AND action LIKE 'helpline.partner_%'",
      [id],
    );
    const messages = await q<{ message_id: string }>('SELECT message_id FROM helpline_partner_message WHERE call_id = $1', [id]);
    expect(messages).toHaveLength(5);
    expect(audited.map((a) => a.details.messageId).sort()).toEqual(messages.map((m) => m.message_id).sort());
  });

  it('queues the handover in the outbox with ids only and builds its body when sent: a change made meanwhile is what 112 gets', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    sim.down = true;
    const c = await submitted();
    const [row] = await q<{ channel: string; subject: string; body: string; recipient_address: string | null; payload: object }>(
      "SELECT o.channel, o.subject, o.body, o.recipient_address, o.payload FROM notification_outbox o JOIN helpline_partner_message m ON o.dedupe_key = 'helpline-partner:' || m.message_id WHERE m.call_id = $1",
      [c.id],
    );
    expect(row).toMatchObject({ channel: 'helpline_partner', body: '', recipient_address: null });
    expect(Object.keys(row.payload).sort()).toEqual(['callId', 'partner', 'partnerMessageId', 'status']);
    expect(JSON.stringify(row)).not.toMatch(/Sunil|Ramesh|bus stand|98220/);
    // The operator learns more before 112 is reached: the message carries it.
    await q("UPDATE helpline_call SET location_text = 'the shed behind the temple' WHERE id = $1", [c.id]);
    sim.down = false;
    await deliverPartnerMessages(t.ctx.db, t.ctx.now());
    const got = sim.received.find((m) => m.kind === 'handover' && m.handover.ref === c.id)!;
    expect(got.kind === 'handover' && got.handover.location.text).toBe('the shed behind the temple');
  });

  it('retries a message with backoff (capped at 30 minutes) past the outbox attempt limit until 112 acknowledges it', async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    sim.down = true;
    const c = await submitted();
    const outbox = async () =>
      (
        await q<{ status: string; attempts: number; next_attempt_at: Date; last_error: string | null }>(
          "SELECT o.status, o.attempts, o.next_attempt_at, o.last_error FROM notification_outbox o JOIN helpline_partner_message m ON o.dedupe_key = 'helpline-partner:' || m.message_id WHERE m.call_id = $1",
          [c.id],
        )
      )[0];
    let now = new Date(T0);
    const waits: number[] = [];
    for (let i = 1; i <= 8; i++) {
      k.at(now.toISOString());
      await deliverPartnerMessages(t.ctx.db, now);
      const o = await outbox();
      expect(o).toMatchObject({ status: 'pending', attempts: i, last_error: 'HTTP 503 unavailable' });
      waits.push((new Date(o.next_attempt_at).getTime() - now.getTime()) / 60_000);
      now = new Date(o.next_attempt_at);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
    op = await k.as('helpline.amravati');
    const pending = (await op.get(`/api/v1/helpline/calls/${c.id}`)).json().partnerMessages;
    expect(pending).toMatchObject([{ delivery: 'pending', attempts: 8, lastError: 'HTTP 503 unavailable' }]);
    sim.down = false;
    k.at(now.toISOString());
    await deliverPartnerMessages(t.ctx.db, now);
    expect(await outbox()).toMatchObject({ status: 'sent', attempts: 9, last_error: null });
    op = await k.as('helpline.amravati');
    const done = (await op.get(`/api/v1/helpline/calls/${c.id}`)).json();
    expect(done.partnerMessages).toMatchObject([{ delivery: 'acknowledged', attempts: 9, lastError: null }]);
    expect(done.timeline.map((s: { step: string }) => s.step)).toContain('handover_acknowledged');
    expect(sim.received.filter((m) => m.kind === 'handover' && m.handover.ref === c.id)).toHaveLength(1);
  });

  it("holds a call's later message to 112 until the earlier one is acknowledged: the handover reaches 112 first", async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    sim.down = true;
    const c = await submitted();
    expect(await deliverPartnerMessages(t.ctx.db, new Date(T0))).toMatchObject({ acknowledged: 0 });
    // A status of the same call to the same partner, queued while the handover waits for its retry (T0 + 1 minute).
    const [row] = await q<{ id: string; state_code: number; district_code: number }>(
      'SELECT id, state_code, district_code FROM helpline_call WHERE id = $1',
      [c.id],
    );
    const at = new Date('2026-12-01T04:30:20.000Z');
    await t.ctx.db.transaction((tx) =>
      queuePartnerMessage(
        tx,
        { id: row.id, stateCode: row.state_code, districtCode: row.district_code },
        '112',
        'status',
        at,
        'acknowledged',
      ),
    );
    sim.down = false;
    const mine = () => sim.received.filter((m) => (m.kind === 'handover' ? m.handover.ref : m.status.ref) === c.id).map((m) => m.kind);
    // 112 is back before the handover's next try: the status is due, and held.
    expect(await deliverPartnerMessages(t.ctx.db, new Date('2026-12-01T04:30:30.000Z'))).toEqual({ acknowledged: 0, pending: 1 });
    expect(mine()).toEqual([]);
    op = await k.as('helpline.amravati');
    const held = (await op.get(`/api/v1/helpline/calls/${c.id}`)).json().partnerMessages;
    expect(held).toMatchObject([
      { kind: 'handover', delivery: 'pending', attempts: 1 },
      { kind: 'status', delivery: 'pending', attempts: 0, lastError: 'held: the handover queued before it is not acknowledged' },
    ]);
    // The handover's retry: acknowledged, and the status is due at once.
    expect(await deliverPartnerMessages(t.ctx.db, new Date('2026-12-01T04:31:00.000Z'))).toMatchObject({ acknowledged: 1 });
    expect(await deliverPartnerMessages(t.ctx.db, new Date('2026-12-01T04:31:00.000Z'))).toEqual({ acknowledged: 1, pending: 0 });
    expect(mine()).toEqual(['handover', 'status']);
  });

  it("reports a 112 call's steps back in order when 112 was down for the first one", async () => {
    k.at(T0);
    sim.down = false;
    const r = await sim.handOver({ stateCode: 27, districtCode: 468, location: { text: 'near the market' }, urgency: 'emergency' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const id = r.body.receiverRef as string;
    dcpo = await k.as('dcpo.amravati');
    let c = (await dcpo.get(`/api/v1/helpline/calls/${id}`)).json();
    sim.down = true;
    let res = await dcpo.post(`/api/v1/helpline/calls/${id}/dispatch`, { version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    await deliverPartnerMessages(t.ctx.db, new Date(T0)); // 503: "acknowledged" waits until T0 + 1 minute
    sim.down = false;
    k.at('2026-12-01T04:30:30.000Z');
    dcpo = await k.as('dcpo.amravati');
    res = await dcpo.post(`/api/v1/helpline/calls/${id}/on-the-way`, { version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    const back = () =>
      sim.received.filter((m) => m.kind === 'status' && m.status.ref === c.partnerRef).map((m) => m.kind === 'status' && m.status.status);
    await deliverPartnerMessages(t.ctx.db, new Date('2026-12-01T04:30:30.000Z'));
    expect(back()).toEqual([]); // on_the_way did not overtake
    for (let i = 0; i < 2; i++) await deliverPartnerMessages(t.ctx.db, new Date('2026-12-01T04:31:00.000Z'));
    expect(back()).toEqual(['acknowledged', 'on_the_way']);
  });
});

describe('one call: responders and an existing case', () => {
  it("lists the district unit's active staff as responders, and attaches a call to the case of a child it names", async () => {
    k.at(T0);
    op = await k.as('helpline.amravati');
    dcpo = await k.as('dcpo.amravati');
    const childId = await k.childIn('Rajura', 6);
    const c = await submitted({ ...complete, children: [{ name: 'Known', sex: 'male', registryChildId: childId }] });
    const staff = (await dcpo.get(`/api/v1/helpline/calls/${c.id}/responders`)).json().items as { id: string }[];
    const [cw, akolaCw] = await Promise.all(
      ['caseworker.amravati', 'caseworker.akola'].map(
        async (u) => (await q<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [u]))[0].id,
      ),
    );
    expect(staff.map((s) => s.id)).toContain(cw);
    expect(staff.map((s) => s.id)).not.toContain(akolaCw);
    const kase = await dcpo.post('/api/v1/cases', intakeBody(childId));
    expect(kase.statusCode, kase.body).toBe(201);
    const other = await dcpo.post('/api/v1/cases', intakeBody(await k.childIn('Rajura', 7)));
    const wrong = await dcpo.post(`/api/v1/helpline/calls/${c.id}/attach-case`, { version: c.version, caseId: other.json().id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].field).toBe('caseId');
    const ok = await dcpo.post(`/api/v1/helpline/calls/${c.id}/attach-case`, { version: c.version, caseId: kase.json().id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().caseId).toBe(kase.json().id);
    expect(
      (await op.post(`/api/v1/helpline/calls/${c.id}/attach-case`, { version: ok.json().version, caseId: kase.json().id })).statusCode,
    ).toBe(403);
    const read = (await dcpo.get(`/api/v1/helpline/calls/${c.id}`)).json();
    expect(read.timeline.map((s: { step: string }) => s.step)).toContain('attached_to_case');
  });

  it("documents the partners' inbound endpoint in the OpenAPI: signed headers, the message body and each refusal", async () => {
    const doc = (await dcpo.get('/api/openapi.json')).json();
    const post = doc.paths['/api/v1/helpline/partners/{partner}/messages'].post;
    expect(post.parameters.filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['x-helpline-signature', 'x-helpline-timestamp', 'idempotency-key']),
    );
    expect(post.requestBody.content['application/json'].schema).toBeTruthy();
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '409']));
    expect(JSON.stringify(post.responses['401'])).toContain('bad_signature');
    expect(JSON.stringify(post.responses['409'])).toContain('sameBody');
  });
});

describe('monthly figures per district', () => {
  it('gives p50/p90 minutes to reach and to on-the-way per route and category (percentile_cont), in the jurisdiction, and as CSV', async () => {
    k.at('2026-12-02T04:30:00.000Z');
    dcpo = await k.as('dcpo.amravati');
    const r = await dcpo.get('/api/v1/helpline/figures/monthly?from=2026-12&to=2026-12&districtCode=468');
    expect(r.statusCode, r.body).toBe(200);
    const rows = r.json().rows as { dim: string; key: string; calls: number; p50Minutes: number | null; p90Minutes: number | null }[];
    const all = rows.find((x) => x.dim === 'all')!;
    expect(all).toMatchObject({ month: '2026-12', districtCode: 468 });
    expect(all.p90Minutes!).toBeGreaterThanOrEqual(all.p50Minutes!);
    // The call 112 handed over and the unit reached at the station: 10 minutes to on the way, 35 to reach.
    expect(rows.find((x) => x.dim === 'route' && x.key === 'railway_desk')).toMatchObject({
      reached: 1,
      p50Minutes: 35,
      p90Minutes: 35,
      p50MinutesToOnTheWay: 10,
    });
    expect(rows.some((x) => x.dim === 'category' && x.key === 'rescue')).toBe(true);
    expect(rows.filter((x) => x.dim === 'category').reduce((n, x) => n + x.calls, 0)).toBeGreaterThanOrEqual(all.calls);
    const akola = await k.as('dcpo.akola');
    const there = (await akola.get('/api/v1/helpline/figures/monthly?from=2026-12&to=2026-12')).json().rows as { districtCode: number }[];
    expect(there.filter((x) => x.districtCode !== 467)).toEqual([]);
    expect((await dcpo.get('/api/v1/helpline/figures/monthly?from=2026-12&to=2026-11')).statusCode).toBe(400);
    const csv = await dcpo.get('/api/v1/helpline/figures/monthly/export?from=2026-12&to=2026-12');
    expect(csv.body.split('\r\n')[0]).toBe(
      'month,district_code,by,key,calls,reached,reached_within_target,p50_minutes_to_reach,p90_minutes_to_reach,p50_minutes_to_on_the_way,p90_minutes_to_on_the_way',
    );
    expect(csv.body).toContain('2026-12,468,route,railway_desk,');
  });
});
