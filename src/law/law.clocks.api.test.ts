import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from '../cases/cases.testkit';
import { dispatchPending } from '../events/dispatcher';
import { EVENT_HANDLERS } from '../events/handlers';
import { upToTwoYearsOn } from '../cases/domain';

// Issue #18 through the API: the journey time moves the 24-hour clock (s.31(1)); the s.38 clock
// takes the child's age from the registry instead of asking; the age the CWC determines (s.94)
// is written to the child's record with its basis; the CWC's quarterly report (s.36(4)) counts
// the quarter's records by stage, as PDF and CSV, only for the reader's own district.

let t: TestApp;
let k: Kit;
let caseId: string;
let childId: string;
const district = 468; // Amravati
const quarter = '2026-Q3'; // October–December 2026

const csvCounts = async () => {
  const res = await (await k.as('dcpo.amravati')).get(`/api/v1/reports/cwc-quarterly?district=${district}&quarter=${quarter}&format=csv`);
  expect(res.statusCode).toBe(200);
  const rows = res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  return new Map(rows.map((r) => [r.split(',')[2], Number(r.split(',').at(-1))]));
};
let before: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  k.at(ist('2026-12-01', '09:00'));
  before = await csvCounts();
}, 120_000);
afterAll(async () => t?.close());

const act = async (user: Parameters<Kit['as']>[0], body: Record<string, unknown>) => {
  const res = await (await k.as(user)).post(`/api/v1/cases/${caseId}/actions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('statutory clocks on a case', () => {
  it('a two-hour journey makes the production due 26 hours after intake (s.31(1))', async () => {
    k.at(ist('2026-12-01', '10:00'));
    childId = await k.childIn('Rajura', 2);
    const res = await (await k.as('aww.rajura')).post('/api/v1/cases', intakeBody(childId));
    expect(res.statusCode).toBe(201);
    caseId = res.json().id;
    k.at(ist('2026-12-01', '10:30'));
    const c = await act('aww.rajura', { type: 'journey_recorded', minutes: 120, from: 'Rajura' });
    expect(c.state.due.find((d: { kind: string }) => d.kind === 'cwc_production').dueAt).toBe(
      new Date(ist('2026-12-02', '12:00')).toISOString(),
    );
  });

  it("takes 'up to two years' for the s.38 clock from the registry's date of birth", async () => {
    k.at(ist('2026-12-02', '11:00'));
    const c = await act('dcpo.amravati', { type: 'produced_before_cwc', adoptionInquiry: { category: 'abandoned' } });
    const [{ dob }] = await t.ctx.database.query<{ dob: string }>('SELECT dob::text AS dob FROM child WHERE id = $1', [childId]);
    expect(c.state.cwc.adoptionInquiry.upToTwoYears).toBe(upToTwoYearsOn(dob, '2026-12-02'));
    expect(c.state.due.map((d: { kind: string }) => d.kind)).toContain('lfa_declaration');
  });

  it('the medical age test is due 15 days after the order; the determined age goes to the child record with its basis (s.94)', async () => {
    k.at(ist('2026-12-03', '11:00'));
    const ordered = await act('cwc.amravati', { type: 'age_test_ordered', orderedOn: '2026-12-03', test: 'ossification' });
    const due = ordered.state.due.find((d: { kind: string }) => d.kind === 'age_determination');
    expect(due).toMatchObject({
      citation: 'JJ Act 2015 s.94(2)',
      dueAt: new Date(ist('2026-12-18', '23:59')).toISOString().replace('00.000Z', '59.999Z'),
    });
    k.at(ist('2026-12-10', '11:00'));
    const done = await act('cwc.amravati', {
      type: 'age_determined',
      determinedOn: '2026-12-10',
      dateOfBirth: '2012-07-01',
      basis: 'medical_test',
    });
    expect(done.state.due.map((d: { kind: string }) => d.kind)).not.toContain('age_determination');
    await dispatchPending(t.ctx.db, EVENT_HANDLERS, t.ctx.now);
    const child = (await (await k.as('dcpo.amravati')).get(`/api/v1/children/${childId}`)).json();
    expect(child).toMatchObject({ dob: '2012-07-01', dobEstimated: true, ageBasis: 'medical_test', ageDeterminedOn: '2026-12-10' });
  });

  it('only the Committee determines the age', async () => {
    const res = await (
      await k.as('caseworker.amravati')
    ).post(`/api/v1/cases/${caseId}/actions`, {
      type: 'age_determined',
      determinedOn: '2026-12-10',
      dateOfBirth: '2012-07-01',
      basis: 'birth_certificate',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("the CWC's quarterly report to the District Magistrate (s.36(4))", () => {
  it('counts the quarter from the records by stage, as CSV', async () => {
    const after = await csvCounts();
    const diff = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(diff('brought')).toBe(1);
    expect(diff('pendingAtEnd')).toBe(1);
    expect(diff('stage.adoptionInquiry')).toBe(1);
    expect(diff('age.upTo4Months')).toBe(1);
    expect(diff('ageDeterminations')).toBe(1);
    expect(after.get('pendingAtEnd')).toBe(
      ['stage.sirAwaited', 'stage.finalOrderAwaited', 'stage.adoptionInquiry'].reduce((n, s) => n + (after.get(s) ?? 0), 0),
    );
  });

  it('is a PDF in Marathi, and refused for another district', async () => {
    const pdf = await (await k.as('dcpo.amravati')).get(`/api/v1/reports/cwc-quarterly?district=${district}&quarter=${quarter}&lang=mr`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await (await k.as('dcpo.akola')).get(`/api/v1/reports/cwc-quarterly?district=${district}&quarter=${quarter}&format=csv`);
    expect(other.statusCode).toBe(403);
  });
});
