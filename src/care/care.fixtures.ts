import { expect } from 'vitest';
import type { Client } from '../../tests/support/app';

/**
 * The care API tests' one approved foster family (tests only): application by a caseworker, the
 * home study (Form 30, r.23(9)) and the SFCAC's approval (r.23) on fixed days in September 2026,
 * then the profile (places, preferences, the approval's end) by whoever the test names.
 */
export interface FamilyClients {
  /** Applies and records the home study (a caseworker). */
  cw: Client;
  /** Decides as the committee (a CWC member). */
  cwc: Client;
  /** Writes the profile (the DCPU or the caseworker). */
  profiler: Client;
}
export interface FamilyOptions {
  name: string;
  kind?: 'foster' | 'group_foster' | 'kinship';
  locationId?: string;
  /** The profile as the home study found it (capacity, prefersSex, languages, takesSiblings, validUntil…). */
  profile: Record<string, unknown>;
}
export type ApprovedFamily = { id: string; version: number; reviewDue?: string | null; status?: string };

export async function approvedFamily(c: FamilyClients, o: FamilyOptions): Promise<ApprovedFamily> {
  const applied = await c.cw.post('/api/v1/care/foster-carers', {
    kind: o.kind ?? 'foster',
    name: o.name,
    locationId: o.locationId ?? 'di:468',
    appliedOn: '2026-09-01',
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const studied = await c.cw.post(`/api/v1/care/foster-carers/${applied.json().id}/home-study`, {
    on: '2026-09-05',
    by: 'DCPU social worker',
    recommendation: 'recommended',
    summary: 'suitable',
    version: 1,
  });
  expect(studied.statusCode, studied.body).toBe(200);
  const approved = await c.cwc.post(`/api/v1/care/foster-carers/${applied.json().id}/decision`, {
    meetingOn: '2026-09-10',
    decision: 'approved',
    reasons: 'recommended',
    version: studied.json().version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const res = await c.profiler.patch(`/api/v1/care/foster-carers/${applied.json().id}/profile`, {
    ...o.profile,
    version: approved.json().version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The profile most tests give: any sex, no languages, siblings taken. */
export const plainProfile = (capacity: number, validUntil: string | null = null) => ({
  capacity,
  prefersSex: 'any',
  languages: [],
  takesSiblings: true,
  validUntil,
});
