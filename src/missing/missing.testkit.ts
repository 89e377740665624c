import type { TestApp } from '../../tests/support/app';

/** Shared bodies and helpers for the missing-children API tests. */
export const AMRAVATI = 468;
export const AKOLA = 467;
export const NAGPUR = 484;

import { solveChallenge } from './domain/pow';

// The public forms' proof of work: a few zero bits keep the tests fast (the server reads the
// difficulty per challenge; a test of the limits sets its own).
process.env.MISSING_PUBLIC_POW_BITS ??= '4';

let ipSeq = 10;
/**
 * A fresh client address per call unless given: the public routes are limited per address. The
 * address is the connection's own (inject's remoteAddress), not a client-claimed header.
 */
export const nextIp = () => `198.51.${100 + Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;

/** A challenge from the server, solved: the headers a public post carries. */
export async function powHeaders(t: TestApp, ip: string): Promise<Record<string, string>> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/challenges', remoteAddress: ip });
  if (res.statusCode !== 201) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const { challenge, difficulty } = res.json();
  const solved = await solveChallenge(challenge, difficulty);
  return { 'x-pow-challenge': challenge, 'x-pow-nonce': solved!.nonce };
}

export async function publicPost(t: TestApp, url: string, body: unknown, ip = nextIp(), headers: Record<string, string> = {}) {
  const pow = await powHeaders(t, ip);
  return t.app.inject({ method: 'POST', url, payload: body as object, remoteAddress: ip, headers: { ...pow, ...headers } });
}

export const publicReport = (over: Record<string, unknown> = {}) => ({
  name: 'Sanika Pramod Wankhade',
  sex: 'female',
  ageYears: 9,
  fatherName: 'Pramod Wankhade',
  motherName: 'Sunita Wankhade',
  districtCode: AMRAVATI,
  place: 'Badnera',
  lastSeenOn: '2025-10-02',
  lastSeenPlace: 'Amravati bus stand',
  language: 'Marathi',
  marks: 'mole on left cheek',
  clothing: 'green frock',
  reporterName: 'Sunita Wankhade',
  reporterRelation: 'mother',
  reporterPhone: '+91 98220 12345',
  ...over,
});

export const publicSighting = (over: Record<string, unknown> = {}) => ({
  sex: 'male',
  ageYears: 7,
  districtCode: AKOLA,
  foundOn: '2025-10-06',
  foundPlace: 'Akola bus stand',
  description: 'boy alone, crying',
  reporterName: 'Ramesh Patil',
  reporterPhone: '9822011111',
  ...over,
});

/** The same child as publicReport, found in Akola and written in Devanagari. */
export const foundChild = (over: Record<string, unknown> = {}) => ({
  name: 'सानिका वानखडे',
  sex: 'female',
  ageYears: 10,
  fatherName: 'प्रमोद',
  districtCode: AKOLA,
  foundOn: '2025-10-05',
  foundPlace: 'Akola railway station',
  language: 'Marathi',
  marks: 'mole on cheek',
  source: 'railway_police',
  currentCare: 'cci',
  currentPlace: 'Government Children Home, Akola',
  ...over,
});

export const missingReport = (over: Record<string, unknown> = {}) => ({
  name: 'Tejas Vilas Gawande',
  sex: 'male',
  ageYears: 11,
  fatherName: 'Vilas Gawande',
  motherName: 'Rekha Gawande',
  districtCode: AMRAVATI,
  place: 'Daryapur',
  lastSeenOn: '2025-09-01',
  lastSeenPlace: 'Daryapur market',
  language: 'Marathi',
  source: 'police',
  policeStation: 'Daryapur',
  reporterName: 'Vilas Gawande',
  reporterRelation: 'father',
  reporterPhone: '9822000000',
  ...over,
});

export async function countRows(t: TestApp, table: 'missing_record' | 'missing_match' | 'missing_restoration'): Promise<number> {
  const [r] = await t.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(r.n);
}
