import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, organisation } from '../users/users.schema';
import { activeOfKindAt } from '../users/organisations.repository';
import { getLocation, placementOf } from '../locations/locations.repository';
import { helplineCall, helplineCallStep, helplinePartnerMessage } from '../helpline/helpline.schema';
import { triage } from '../helpline/domain/triage';
import type { CallCategory, Urgency } from '../helpline/domain/vocabulary';
import { triageTableFor } from '../helpline/triage.data';
import { istToday } from '../kernel/clock';
import type { PartnerStatus } from '../helpline/partner.contract';
import { villageId } from './seed';

/**
 * Demo 1098 calls (issue #13) over the month before the seed runs, so the queue and the figures
 * show something: most in Amravati (taken by helpline.amravati), a few in Akola (its DCPU runs
 * the unit). Triaged by the same rules as live calls. One emergency is still unreached past its
 * target (the overdue sweep alerts on it), one is open inside its window, one reached late, the
 * rest reached in time or closed with advice. Names are the demo's invented ones.
 */
interface DemoCall {
  village: string;
  daysAgo: number;
  hour: number;
  categories: CallCategory[];
  urgency: Urgency;
  child: { name?: string; nameLocal?: string; sex: 'female' | 'male' | 'unknown'; ageYears?: number; description?: string };
  /** Minutes from the call to the child reached (null: not yet). */
  reachedAfter: number | null;
  anonymous?: boolean;
  place: string;
  /** At a railway station: the railway child help desk (triage data). */
  atStation?: boolean;
}

const CALLS: DemoCall[] = [
  {
    village: 'Rajura',
    daysAgo: 27,
    hour: 9,
    categories: ['child_labour'],
    urgency: 'non_emergency',
    child: { name: 'Ganesh', sex: 'male', ageYears: 12 },
    reachedAfter: 300,
    place: 'brick kiln on the Chandur road',
  },
  {
    village: 'Wadali',
    daysAgo: 24,
    hour: 21,
    categories: ['rescue', 'abuse'],
    urgency: 'emergency',
    child: { name: 'Komal', sex: 'female', ageYears: 11 },
    reachedAfter: 42,
    place: 'house near the temple',
  },
  {
    village: 'Dhamak',
    daysAgo: 20,
    hour: 14,
    categories: ['child_marriage'],
    urgency: 'non_emergency',
    child: { name: 'Priyanka', nameLocal: 'प्रियंका', sex: 'female', ageYears: 15 },
    reachedAfter: 95,
    place: 'wedding hall, main road',
  },
  {
    village: 'Kurha',
    daysAgo: 17,
    hour: 11,
    categories: ['information'],
    urgency: 'information',
    child: { sex: 'unknown' },
    reachedAfter: null,
    anonymous: true,
    place: 'caller at home',
  },
  {
    village: 'Jalka',
    daysAgo: 14,
    hour: 18,
    categories: ['found_sighting'],
    urgency: 'emergency',
    child: { sex: 'male', ageYears: 8, description: 'alone at Badnera station, blue shirt' },
    reachedAfter: 38,
    place: 'Badnera railway station, platform 2',
    atStation: true,
  },
  {
    village: 'Rajura',
    daysAgo: 10,
    hour: 23,
    categories: ['rescue'],
    urgency: 'emergency',
    child: { name: 'Sagar', sex: 'male', ageYears: 10 },
    reachedAfter: 85,
    place: 'field behind the school',
  },
  {
    village: 'Wadali',
    daysAgo: 6,
    hour: 10,
    categories: ['begging'],
    urgency: 'non_emergency',
    child: { sex: 'female', ageYears: 9, description: 'begging at the bus stand' },
    reachedAfter: 400,
    place: 'bus stand',
  },
  {
    village: 'Dhamak',
    daysAgo: 3,
    hour: 16,
    categories: ['medical'],
    urgency: 'emergency',
    child: { name: 'Arjun', sex: 'male', ageYears: 6 },
    reachedAfter: 25,
    place: 'primary health centre road',
  },
  {
    village: 'Kurha',
    daysAgo: 0,
    hour: -3,
    categories: ['abuse'],
    urgency: 'emergency',
    child: { name: 'Sneha', sex: 'female', ageYears: 13 },
    reachedAfter: null,
    anonymous: true,
    place: 'near the water tank',
  },
  {
    village: 'Rajura',
    daysAgo: 0,
    hour: -0.5,
    categories: ['shelter'],
    urgency: 'non_emergency',
    child: { name: 'Rohit', sex: 'male', ageYears: 14 },
    reachedAfter: null,
    place: 'Rajura gram panchayat office',
  },
  {
    village: 'Umri',
    daysAgo: 12,
    hour: 13,
    categories: ['child_labour'],
    urgency: 'non_emergency',
    child: { name: 'Vishal', sex: 'male', ageYears: 13 },
    reachedAfter: 600,
    place: 'dhaba on the highway',
  },
  {
    village: 'Hiwarkhed',
    daysAgo: 5,
    hour: 20,
    categories: ['rescue'],
    urgency: 'emergency',
    child: { name: 'Pallavi', sex: 'female', ageYears: 12 },
    reachedAfter: 55,
    place: 'Hiwarkhed bus stop',
  },
];

export async function seedHelpline(db: Db, now = new Date()): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(helplineCall);
  if (Number(n) > 0) return 0;
  const users = await db
    .select({ id: appUser.id, username: appUser.username, organisationId: appUser.organisationId })
    .from(appUser)
    .where(inArray(appUser.username, ['helpline.amravati', 'dcpo.akola']));
  const operator = (u: string) => users.find((x) => x.username === u);
  const [police] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.kind, 'POLICE'));
  const base = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  let i = 0;
  for (const c of CALLS) {
    const loc = await getLocation(db, villageId(c.village));
    const place = loc && placementOf(loc);
    if (!place) continue;
    const op = operator(place.districtCode === 468 ? 'helpline.amravati' : 'dcpo.akola');
    if (!op) continue;
    const receivedAt =
      c.daysAgo === 0
        ? new Date(base.getTime() + c.hour * 3_600_000)
        : new Date(base.getTime() - c.daysAgo * 86_400_000 + (c.hour - base.getUTCHours()) * 3_600_000);
    const decision = triage(triageTableFor(place.stateCode, istToday(receivedAt)), {
      categories: c.categories,
      urgency: c.urgency,
      anyGirl: c.child.sex === 'female',
      atStation: !!c.atStation,
    });
    const at = (min: number) => new Date(receivedAt.getTime() + min * 60_000);
    const advice = decision.route === 'advice_only';
    const reachedAt = c.reachedAfter != null ? at(c.reachedAfter) : null;
    const status = advice || (reachedAt && c.daysAgo > 0) ? 'closed' : reachedAt ? 'reached' : i % 2 ? 'dispatched' : 'open';
    await db.insert(helplineCall).values({
      status,
      channel: '1098',
      ...place,
      operatorUserId: op.id,
      operatorUnitId: op.organisationId,
      callerAnonymous: !!c.anonymous,
      callerPhone: c.anonymous ? null : `98${String(22000000 + i * 7919).padStart(8, '0')}`,
      callerName: c.anonymous ? null : 'Demo caller',
      callerRelation: c.anonymous ? null : 'neighbour',
      children: [{ ...c.child, sex: c.child.sex }],
      childIds: [],
      locationText: c.place,
      atStation: !!c.atStation,
      categories: c.categories,
      urgency: c.urgency,
      language: 'mr',
      notes: null,
      receivedAt,
      submittedAt: at(4),
      route: decision.route,
      targetMinutes: decision.targetMinutes,
      targetAt: decision.targetMinutes != null ? at(decision.targetMinutes) : null,
      triage: decision,
      assignedUnitId: advice ? null : decision.route === 'police_112' && police ? police.id : op.organisationId,
      dispatchedAt: advice || status === 'open' ? null : at(8),
      reachedAt,
      closedAt: status === 'closed' ? (reachedAt ? at(c.reachedAfter! + 60) : at(6)) : null,
      outcome: status === 'closed' ? (advice ? 'advice_given' : 'resolved') : null,
      createdAt: receivedAt,
      updatedAt: reachedAt ?? receivedAt,
    });
    i++;
  }
  return i + (await seedPartnerRoundTrips(db, base, operator('helpline.amravati')?.id ?? null));
}

/**
 * Calls handed to and received from the simulated 112 and 181, as partner.service.ts leaves them
 * after a round trip (docs/HELPLINE-CONTRACT.md): every message acknowledged, each step on the
 * timeline, ids and codes only. Written directly, so the seed needs no running simulator.
 */
interface PartnerDemo {
  village: string;
  daysAgo: number;
  partner: '112' | '181';
  /** `out`: 1098 handed the call to the partner; `in`: the partner handed it to 1098. */
  direction: 'out' | 'in';
  categories: CallCategory[];
  child: DemoCall['child'];
  place: string;
  /** The statuses of the other side's work (sent by the side doing it), with minutes from the call. */
  statuses: [PartnerStatus, number][];
}

const PARTNER_CALLS: PartnerDemo[] = [
  {
    village: 'Rajura',
    daysAgo: 12,
    partner: '112',
    direction: 'out',
    categories: ['rescue', 'abuse'],
    child: { name: 'Rohit', sex: 'male', ageYears: 10 },
    place: 'fight outside the liquor shop, child hurt',
    statuses: [
      ['acknowledged', 6],
      ['on_the_way', 9],
      ['reached', 31],
      ['closed', 95],
    ],
  },
  {
    village: 'Wadali',
    daysAgo: 8,
    partner: '181',
    direction: 'out',
    categories: ['child_marriage'],
    child: { name: 'Sakshi', sex: 'female', ageYears: 15 },
    place: 'wedding arranged for Sunday at the community hall',
    statuses: [
      ['acknowledged', 20],
      ['on_the_way', 50],
      ['reached', 180],
    ],
  },
  {
    village: 'Dhamak',
    daysAgo: 3,
    partner: '112',
    direction: 'in',
    categories: ['found_sighting'],
    child: { sex: 'female', ageYears: 7, description: 'alone at the bus stand, crying, red frock' },
    place: 'state transport bus stand',
    statuses: [
      ['acknowledged', 5],
      ['on_the_way', 7],
      ['reached', 28],
      ['closed', 120],
    ],
  },
  {
    village: 'Rajura',
    daysAgo: 1,
    partner: '181',
    direction: 'in',
    categories: ['abuse', 'shelter'],
    child: { name: 'Pooja', sex: 'female', ageYears: 13 },
    place: 'with her mother at the 181 one-stop centre',
    statuses: [
      ['acknowledged', 10],
      ['on_the_way', 15],
      ['reached', 48],
    ],
  },
];

async function seedPartnerRoundTrips(db: Db, base: Date, operatorId: string | null): Promise<number> {
  let n = 0;
  for (const [k, c] of PARTNER_CALLS.entries()) {
    const loc = await getLocation(db, villageId(c.village));
    const place = loc && placementOf(loc);
    if (!place) continue;
    const [dcpu] = await activeOfKindAt(db, 'DCPU', `di:${place.districtCode}`);
    const receivedAt = new Date(base.getTime() - c.daysAgo * 86_400_000 - (k + 2) * 3_600_000);
    const at = (min: number) => new Date(receivedAt.getTime() + min * 60_000);
    const urgency: Urgency = 'emergency';
    const decision = triage(triageTableFor(place.stateCode, istToday(receivedAt)), {
      categories: c.categories,
      urgency,
      anyGirl: c.child.sex === 'female',
      atStation: false,
    });
    const minute = (s: PartnerStatus) => c.statuses.find(([x]) => x === s)?.[1];
    const [reached, closed, onTheWay, accepted] = (['reached', 'closed', 'on_the_way', 'acknowledged'] as const).map(minute);
    const status = closed != null ? 'closed' : reached != null ? 'reached' : accepted != null ? 'dispatched' : 'open';
    const inbound = c.direction === 'in';
    const [row] = await db
      .insert(helplineCall)
      .values({
        status,
        channel: inbound ? c.partner : '1098',
        ...place,
        operatorUserId: inbound ? null : operatorId,
        operatorUnitId: dcpu?.id ?? null,
        callerAnonymous: inbound,
        callerPhone: inbound ? null : `98${String(23000000 + k * 7919).padStart(8, '0')}`,
        callerName: inbound ? null : 'Demo caller',
        callerRelation: inbound ? null : 'neighbour',
        children: [{ ...c.child }],
        childIds: [],
        locationText: c.place,
        categories: c.categories,
        urgency,
        language: 'mr',
        notes: null,
        receivedAt,
        submittedAt: at(3),
        route: decision.route,
        targetMinutes: decision.targetMinutes,
        targetAt: decision.targetMinutes != null ? at(decision.targetMinutes) : null,
        triage: decision,
        assignedUnitId: inbound ? (dcpu?.id ?? null) : null,
        dispatchedAt: accepted != null ? at(accepted) : null,
        onTheWayAt: onTheWay != null ? at(onTheWay) : null,
        reachedAt: reached != null ? at(reached) : null,
        closedAt: closed != null ? at(closed) : null,
        outcome: closed != null ? (inbound ? 'resolved' : c.partner === '112' ? 'handed_to_police' : 'handed_to_181') : null,
        partner: c.partner,
        // A call the partner handed over carries the partner's reference; one 1098 handed over is referred to by our id.
        partnerRef: inbound ? `${c.partner === '112' ? 'ERSS-MH' : 'WHL-MH'}-DEMO-${1000 + k}` : null,
        createdAt: receivedAt,
        updatedAt: at(closed ?? reached ?? onTheWay ?? accepted ?? 3),
      })
      .returning({ id: helplineCall.id });
    const us = '1098';
    const msg = (direction: 'in' | 'out', kind: 'handover' | 'status', statusValue: PartnerStatus | null, when: Date, seq: number) => ({
      direction,
      partner: c.partner,
      messageId: `${direction === 'out' ? us : c.partner}-demo-${k}-${seq}`,
      kind,
      statusValue,
      callId: row.id,
      stateCode: place.stateCode,
      districtCode: place.districtCode,
      delivery: 'acknowledged' as const,
      attempts: 1,
      acknowledgedAt: new Date(when.getTime() + 2_000),
      createdAt: when,
    });
    const handoverAt = at(inbound ? 2 : 4);
    const messages = [msg(inbound ? 'in' : 'out', 'handover', null, handoverAt, 0)];
    const steps: (typeof helplineCallStep.$inferInsert)[] = inbound
      ? [{ callId: row.id, step: 'received_from_partner', at: handoverAt, byPartner: c.partner, detail: { partner: c.partner } }]
      : [
          { callId: row.id, step: 'submitted', at: at(3), byUserId: operatorId, detail: { route: decision.route } },
          { callId: row.id, step: 'handover_queued', at: handoverAt, detail: { partner: c.partner, messageId: messages[0].messageId } },
          {
            callId: row.id,
            step: 'handover_acknowledged',
            at: messages[0].acknowledgedAt,
            byPartner: c.partner,
            detail: { messageId: messages[0].messageId },
          },
        ];
    for (const [j, [s, m]] of c.statuses.entries()) {
      // The side doing the work reports it: 1098's unit for a call it received, the partner for one it was handed.
      const m2 = msg(inbound ? 'out' : 'in', 'status', s, at(m), j + 1);
      messages.push(m2);
      if (inbound) {
        const own = { acknowledged: 'dispatch', on_the_way: 'on_the_way', reached: 'reached', closed: 'close' }[s];
        steps.push(
          { callId: row.id, step: own, at: at(m), byUserId: null, detail: {} },
          { callId: row.id, step: 'status_queued', at: at(m), detail: { partner: c.partner, messageId: m2.messageId, status: s } },
          { callId: row.id, step: 'status_acknowledged', at: m2.acknowledgedAt, byPartner: c.partner, detail: { messageId: m2.messageId } },
        );
      } else
        steps.push({ callId: row.id, step: `partner_${s}`, at: at(m), byPartner: c.partner, detail: { responder: null, outcome: null } });
    }
    await db.insert(helplinePartnerMessage).values(messages);
    await db.insert(helplineCallStep).values(steps);
    n++;
  }
  return n;
}
