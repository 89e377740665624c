import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from '../cases/cases.testkit';
import { setEscortOrderPolicy } from '../access/escort-order';

/**
 * Issue #18: the escort order after a finalised transfer (JJ Act 2015 s.95(2); JJ Model Rules
 * 2016 R.81(3)). The sending district's Committee, which usually arranges the escort and no
 * longer sees the case once the receiving district accepted it, may give the order too; the
 * escort policy (src/access/escort-order.ts) says which side may, per state.
 */
let t: TestApp;
let k: Kit;
let cwAmravati: Client;
let cwcAmravati: Client;
let dcpoAkola: Client;
const escort = { type: 'escort_ordered', orderedOn: '2026-12-01', purpose: 'transfer', escortBy: 'sjpu', toDistrictCode: 467 };

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '10:00'));
  [cwAmravati, cwcAmravati, dcpoAkola] = await Promise.all([k.as('caseworker.amravati'), k.as('cwc.amravati'), k.as('dcpo.akola')]);
});
afterAll(() => t.close());
afterEach(() => setEscortOrderPolicy(null));

/** A case opened in Amravati, transferred to Akola and accepted there: the escort order is owed. */
async function transferred(skip: number) {
  const c = (await cwAmravati.post('/api/v1/cases', intakeBody(await k.childIn('Wadali', skip)))).json() as { id: string };
  const act = (cl: Client, body: Record<string, unknown>) => cl.post(`/api/v1/cases/${c.id}/actions`, body);
  expect(
    (await act(cwAmravati, { type: 'transfer_requested', toDistrictCode: 467, reason: 'family moved back to Akola' })).statusCode,
  ).toBe(201);
  const accepted = await act(dcpoAkola, { type: 'transfer_accepted' });
  expect(accepted.statusCode, accepted.body).toBe(201);
  expect(accepted.json().state.due.map((d: { kind: string }) => d.kind)).toContain('escort_order');
  return c.id;
}
const escortDue = async (id: string) =>
  (await dcpoAkola.get(`/api/v1/cases/${id}`)).json().state.due.some((d: { kind: string }) => d.kind === 'escort_order');

describe('s.95(2): the escort order from the sending district', () => {
  it("by default the sending district's Committee gives it, without seeing the case again; the clock stops", async () => {
    const id = await transferred(2);
    expect((await cwcAmravati.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    const res = await cwcAmravati.post(`/api/v1/cases/${id}/actions`, escort);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ view: 'none', id });
    expect(await escortDue(id)).toBe(false);
    // Given once: the sender cannot record another transfer escort (none is owed), and still sees nothing.
    expect((await cwcAmravati.post(`/api/v1/cases/${id}/actions`, escort)).statusCode).toBe(404);
  });

  it('a caseworker of the sending district may not (the order is the Committee’s)', async () => {
    const id = await transferred(3);
    expect((await cwAmravati.post(`/api/v1/cases/${id}/actions`, escort)).statusCode).toBe(403);
    expect(await escortDue(id)).toBe(true);
  });

  it('a state that keeps it with the receiving district: the sender is refused and sees nothing', async () => {
    const id = await transferred(4);
    setEscortOrderPolicy({
      default: ['sending', 'receiving'],
      states: { '27': { sides: ['receiving'], decidedBy: 'WCD Maharashtra (test)' } },
      citation: 'JJ Act 2015 s.95(2)',
    });
    // Not told more than that: a case it no longer sees is not found.
    expect((await cwcAmravati.post(`/api/v1/cases/${id}/actions`, escort)).statusCode).toBe(404);
    expect(await escortDue(id)).toBe(true);
  });

  it('a state that keeps it with the sending district: the receiving district is refused with the reason', async () => {
    const id = await transferred(5);
    setEscortOrderPolicy({
      default: ['sending', 'receiving'],
      states: { '27': { sides: ['sending'], decidedBy: 'WCD Maharashtra (test)' } },
      citation: 'JJ Act 2015 s.95(2)',
    });
    const res = await dcpoAkola.post(`/api/v1/cases/${id}/actions`, escort);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'escort_side_forbidden',
      issues: [{ field: 'purpose', message: expect.stringContaining('sending') }],
    });
    expect((await cwcAmravati.post(`/api/v1/cases/${id}/actions`, escort)).statusCode).toBe(201);
  });
});
