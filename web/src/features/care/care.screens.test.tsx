// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { describedText, field, ME, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { PaymentForm } from './PaymentForm';
import { HomeStudyForm } from './CarerForms';
import { MovementDecisionForm, RaiseMovementForm } from './MovementsPage';
import { AftercarePlanForm } from './AftercarePage';
import { GatekeepingForm } from './GatekeepingPage';
import { AdmitForm } from './AdmitPage';
import ReintegrationPage from './ReintegrationPage';
import { HANDOFF_STATUSES, HandoffForm, HandoffStatusForm, HandoffTable } from './AdoptionPage';
import { HANDOFF_STATUSES as SERVER_HANDOFF_STATUSES } from '../../../../src/care/family.model';
import { FollowUpForm, nextStages, OpenPathwayForm, PathwayStepForm } from './PathwayForms';
import { MODULES, navFor } from '../../app/modules';
import { SponsorshipRenewalsSection } from './SponsorshipRenewals';
import { SPONSORSHIP_END_REASONS } from './api';
import { SPONSORSHIP_END_REASONS as SERVER_END_REASONS } from '../../../../src/care/sponsorship/sponsorship.model';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import type { AdoptionHandoff, FosterCarer, MovementRequest, Pathway, Payment, Stay } from './api';

/**
 * The family-based care forms (issue #14): each server reason lands under the field it names, a
 * withheld payment needs its reason before anything is sent, and a decision on a stale version
 * (409) is said plainly. The network is a stub that records what was sent.
 */
type Sent = { url: string; method: string; body: unknown };
function answer(status: number, body: unknown) {
  const sent: Sent[] = [];
  globalThis.fetch = vi.fn(async (url: string, init?: RequestInit) => {
    sent.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return sent;
}
const submit = (name: string) => fireEvent.submit(screen.getByRole('form', { name }));
afterEach(cleanup);

const PAYMENT: Payment = {
  id: 'p1',
  placementId: 'pl1',
  childId: '11111111-2222-4333-8444-555555555555',
  kind: 'sponsorship',
  month: '2026-11',
  amount: 4000,
  status: 'due',
  paidOn: null,
  reason: null,
  districtCode: 468,
  version: 3,
};

describe('the grant ledger: marking a month', () => {
  it('asks for the reason of a withheld payment under its field, then sends it with the version', async () => {
    const { container } = await renderWithApp(<PaymentForm payment={PAYMENT} />);
    const sent = answer(200, { ...PAYMENT, status: 'withheld', reason: 'no school attendance', version: 4 });
    fireEvent.change(field(container, 'status'), { target: { value: 'withheld' } });
    submit('Mark paid or withheld');
    await waitFor(() => expect(describedText(field(container, 'reason'))).toContain('Say why the payment is withheld'));
    expect(sent).toEqual([]);
    fireEvent.change(field(container, 'reason'), { target: { value: ' no school attendance ' } });
    submit('Mark paid or withheld');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/payments/p1',
      method: 'PATCH',
      body: { status: 'withheld', reason: 'no school attendance', version: 3 },
    });
  });

  it("puts the server's reason on the paid-on date", async () => {
    const { container } = await renderWithApp(<PaymentForm payment={PAYMENT} />);
    answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'paidOn', message: "must be on or after the month's first day (2026-11-01)" }],
    });
    submit('Mark paid or withheld');
    await waitFor(() => expect(describedText(field(container, 'paidOn'))).toContain('2026-11-01'));
  });
});

const CARER: FosterCarer = {
  id: 'c1',
  kind: 'foster',
  name: 'Wankhade family',
  address: null,
  districtCode: 468,
  appliedOn: '2026-10-01',
  status: 'applied',
  homeStudy: null,
  decision: null,
  approvedOn: null,
  version: 1,
};

describe('foster carers: the home study (Form 30)', () => {
  it('shows each refused field under that field, in Hindi too', async () => {
    const { container } = await renderWithApp(<HomeStudyForm carer={CARER} />, 'hi');
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [
        { field: 'on', message: 'must be on or after the application (2026-10-01)' },
        { field: 'by', message: 'is required' },
      ],
    });
    submit('गृह अध्ययन रिपोर्ट (प्रपत्र 30)');
    await waitFor(() => expect(describedText(field(container, 'on'))).toContain('2026-10-01'));
    expect(describedText(field(container, 'by'))).not.toBe('');
    expect(describedText(field(container, 'summary'))).toBe('');
    expect(sent[0]).toMatchObject({
      url: '/api/v1/care/foster-carers/c1/home-study',
      method: 'POST',
      body: { version: 1, recommendation: 'recommended' },
    });
  });
});

const REQUEST: MovementRequest = {
  id: 'r1',
  stayId: 's1',
  childId: '11111111-2222-4333-8444-555555555555',
  institutionId: 'i1',
  kind: 'leave',
  requestedOn: '2026-11-28',
  wantedFrom: '2026-12-05',
  reason: 'Diwali with the grandmother',
  status: 'open',
  decidedOn: null,
  decisionNote: null,
  version: 1,
};

describe('movement requests', () => {
  it('says plainly when another member decided the request first (409 on a stale version)', async () => {
    await renderWithApp(<MovementDecisionForm request={REQUEST} />);
    const sent = answer(409, {
      code: 'version_conflict',
      message: 'The request was decided by someone else',
      current: { ...REQUEST, status: 'refused', version: 2 },
    });
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'refused' } });
    submit('Decide');
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed or decided this record meanwhile/);
    expect(sent[0]).toMatchObject({ url: '/api/v1/care/movement-requests/r1/decision', body: { decision: 'refused', version: 1 } });
  });

  it('sends the move with a granted leave, and puts its refused date under the field', async () => {
    const { container } = await renderWithApp(<MovementDecisionForm request={REQUEST} />);
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'move.until', message: 'must be on or after the start of the leave' }],
    });
    fireEvent.change(field(container, 'on'), { target: { value: '2026-12-01' } });
    fireEvent.change(field(container, 'moveOn'), { target: { value: '2026-12-02' } });
    fireEvent.change(field(container, 'with'), { target: { value: ' grandmother ' } });
    submit('Decide');
    await waitFor(() => expect(describedText(field(container, 'until'))).toContain('start of the leave'));
    expect(sent[0].body).toEqual({
      decision: 'granted',
      on: '2026-12-01',
      note: null,
      move: { type: 'leave', on: '2026-12-02', until: '2026-12-05', with: 'grandmother' },
      version: 1,
    });
  });

  it("sends the institution's request for the chosen child, and puts a refused date under its field", async () => {
    const stays = [
      {
        id: 's1',
        childId: REQUEST.childId,
        childName: 'A.',
        institutionId: 'i1',
        orderBy: 'cwc',
        orderType: 'cci_placement',
        admittedOn: '2026-01-01',
        status: 'in_care',
      },
    ] as Stay[];
    const { container } = await renderWithApp(<RaiseMovementForm stays={stays} />, 'mr');
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'wantedFrom', message: 'cannot be in the past' }],
    });
    fireEvent.change(field(container, 'kind'), { target: { value: 'medical' } });
    fireEvent.change(field(container, 'reason'), { target: { value: 'eye check-up' } });
    submit('हालचालीची विनंती करा');
    await waitFor(() => expect(describedText(field(container, 'wantedFrom'))).not.toBe(''));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/stays/s1/requests',
      method: 'POST',
      body: { kind: 'medical', wantedFrom: null, reason: 'eye check-up' },
    });
  });
});

describe('admission (s.37) picks its gatekeeping assessment', () => {
  it('lists the unused assessments, narrows them by the search, and fills the child and case from the one picked', async () => {
    const g = (id: string, childId: string, childName: string) => ({
      id,
      childId,
      childName,
      caseId: `${childId.slice(0, 8)}-0000-4000-8000-000000000000`,
      districtCode: 468,
      assessedOn: '2026-11-20',
      decision: 'institution',
      reason: 'no family found',
      diverted: false,
      used: false,
    });
    const list = [
      g('aaaaaaaa-1111-4111-8111-111111111111', 'cccccccc-1111-4111-8111-111111111111', 'Ravi'),
      g('bbbbbbbb-1111-4111-8111-111111111111', 'dddddddd-1111-4111-8111-111111111111', 'Sunita'),
    ];
    const { container } = await renderWithApp(<AdmitForm search={{}} assessments={list} />);
    const sent = answer(200, { items: [] });
    expect(screen.getAllByRole('option', { name: /· 2026-11-20 ·/ })).toHaveLength(2);
    fireEvent.change(field(container, 'gatekeepingSearch'), { target: { value: 'suni' } });
    expect(screen.queryByRole('option', { name: /Ravi/ })).toBeNull();
    fireEvent.change(field(container, 'gatekeepingId'), { target: { value: list[1].id } });
    expect((field(container, 'childId') as HTMLInputElement).value).toBe(list[1].childId);
    expect((field(container, 'caseId') as HTMLInputElement).value).toBe(list[1].caseId);
    submit('Admit a child');
    await waitFor(() => expect(sent.some((x) => x.method === 'POST')).toBe(true));
    expect(sent.find((x) => x.method === 'POST')!.body).toMatchObject({ gatekeepingId: list[1].id, childId: list[1].childId });
  });
});

describe('admission: the case when the assessment names none', () => {
  it("offers the child's open cases to pick from, asked with the child's id, and sends the one picked", async () => {
    const childId = 'cccccccc-1111-4111-8111-111111111111';
    const cases = [
      { id: 'eeeeeeee-1111-4111-8111-111111111111', number: 17, status: 'cwc_order', reportedOn: '2026-10-02' },
      { id: 'ffffffff-1111-4111-8111-111111111111', number: 21, status: 'open', reportedOn: '2026-11-05' },
    ];
    const gk = { id: 'aaaaaaaa-1111-4111-8111-111111111111', childId, childName: 'Ravi', caseId: null, districtCode: 468 };
    const assessment = {
      ...gk,
      assessedOn: '2026-11-20',
      decision: 'institution',
      reason: 'no family found',
      diverted: false,
      used: false,
    };
    const { container } = await renderWithApp(<AdmitForm search={{}} assessments={[assessment] as never} />);
    const sent: Sent[] = [];
    globalThis.fetch = vi.fn(async (url: string, init?: RequestInit) => {
      sent.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const body = String(url).startsWith('/api/v1/cases') ? { items: cases, total: 2, page: 1, pageSize: 50 } : { items: [] };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    // Typed in, the case is a text field until the child is known.
    expect(field(container, 'caseId').tagName).toBe('INPUT');
    fireEvent.change(field(container, 'gatekeepingId'), { target: { value: gk.id } });
    await waitFor(() => expect(field(container, 'caseId').tagName).toBe('SELECT'));
    const asked = sent.find((x) => x.url.startsWith('/api/v1/cases'))!.url;
    expect(asked).toContain(`childId=${childId}`);
    expect(asked).toContain('status=open');
    expect(screen.getByRole('option', { name: '#21 · 2026-11-05' })).toBeTruthy();
    fireEvent.change(field(container, 'caseId'), { target: { value: cases[1].id } });
    submit('Admit a child');
    await waitFor(() => expect(sent.some((x) => x.method === 'POST')).toBe(true));
    expect(sent.find((x) => x.method === 'POST')!.body).toMatchObject({ childId, caseId: cases[1].id, gatekeepingId: gk.id });
  });
});

describe('aftercare (s.46)', () => {
  it('names each child flagged for aftercare with age and institution, and puts a need the server refused under that need', async () => {
    const stays = [
      {
        id: 's1',
        childId: 'aaaaaaaa-2222-4333-8444-555555555555',
        childName: 'R.',
        childAge: 17,
        institutionName: 'Amravati home',
        aftercareDue: true,
      },
    ] as Stay[];
    const { container } = await renderWithApp(<AftercarePlanForm eligible={stays} />);
    expect(screen.getByRole('option', { name: /R\. \(17 yrs\) · Amravati home/ })).toBeTruthy();
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'invalid',
      issues: [{ field: 'needs.housing', message: 'is too long (500 characters at most)' }],
    });
    fireEvent.change(field(container, 'orderRef'), { target: { value: 'CWC/AMR/AC/7' } });
    submit('Make an aftercare plan');
    await waitFor(() => expect(describedText(field(container, 'housing'))).toContain('500'));
    expect(sent[0]).toMatchObject({
      url: '/api/v1/care/aftercare',
      body: { childId: stays[0].childId, orderRef: 'CWC/AMR/AC/7', needs: { housing: null } },
    });
  });
});

describe('gatekeeping (s.3(xii))', () => {
  it("weighs all four family-based options and shows the rule's refusals under the option and the decision", async () => {
    const { container } = await renderWithApp(<GatekeepingForm />);
    const sent = answer(400, {
      code: 'gatekeeping_incomplete',
      message: 'incomplete',
      issues: [
        { field: 'options.1.reason', message: 'is required' },
        { field: 'decision', message: 'must be an option the assessment found suitable' },
      ],
    });
    fireEvent.click(field(container, 'options.3.suitable'));
    fireEvent.change(field(container, 'decision'), { target: { value: 'kinship' } });
    submit('Record a gatekeeping assessment');
    await waitFor(() => expect(describedText(field(container, 'decision'))).toContain('found suitable'));
    expect(describedText(field(container, 'options.1.reason'))).not.toBe('');
    expect(describedText(field(container, 'options.0.reason'))).toBe('');
    const body = sent[0].body as { options: { option: string; suitable: boolean }[]; decision: string };
    expect(body.options.map((o) => `${o.option}:${o.suitable}`)).toEqual([
      'own_family:false',
      'kinship:false',
      'foster_care:false',
      'sponsorship:true',
    ]);
    expect(body.decision).toBe('kinship');
  });
});

describe("an NGO's caseworkers (a Center for Excellence) and reintegration", () => {
  it('reach the reintegration pathways from their menu, and not the district’s admission or movement screens', () => {
    const paths = navFor(MODULES, ROLE_PERMISSIONS.ngo_caseworker).map((n) => n.to);
    expect(paths).toContain('/care/reintegration');
    expect(paths).not.toContain('/care/gatekeeping');
    expect(paths).not.toContain('/care/movements');
    // An institution's own staff do not get the NGO's case management.
    expect(navFor(MODULES, ROLE_PERMISSIONS.cci_staff).map((n) => n.to)).not.toContain('/care/reintegration');
  });

  it('see the pathways the server gives them, with the stage and the follow-up due', async () => {
    const pathways = [
      {
        id: 'p1',
        childId: 'eeeeeeee-2222-4333-8444-555555555555',
        childName: 'K.',
        stage: 'restored',
        stageOn: '2026-07-01',
        restoredOn: '2026-07-01',
        followUps: [{ id: 'f1', dueOn: '2026-08-01', visitedOn: null, risk: null, overdue: true }],
      },
    ];
    // The page asks on mount: the answer is pinned before the harness installs its no-network fetch.
    const stub = vi.fn(async () => new Response(JSON.stringify({ items: pathways }), { headers: { 'content-type': 'application/json' } }));
    Object.defineProperty(globalThis, 'fetch', { configurable: true, get: () => stub, set: () => undefined });
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <ReintegrationPage /> }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    await renderWithApp(<RouterProvider router={router} />);
    const table = await screen.findByRole('table', { name: 'Reintegration pathways' });
    expect(table.textContent).toContain('K.');
    expect(String((stub.mock.calls[0] as unknown[])[0])).toMatch(/\/api\/v1\/care\/reintegration/);
    Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: stub });
  });
});

describe('the adoption hand-offs and the file for CARINGS', () => {
  const HANDOFF: AdoptionHandoff = {
    id: 'h1',
    childId: 'eeeeeeee-2222-4333-8444-555555555555',
    saaId: 'saa1',
    caringsRef: null,
    declaredFreeOn: '2026-09-01',
    handedOverOn: '2026-09-10',
    status: 'handed_over',
    version: 1,
  };
  it('offers the hand-off as a CSV and an Excel file to a role that reads the child’s full record', async () => {
    await renderWithApp(<HandoffTable handoffs={[HANDOFF]} />);
    const table = screen.getByRole('table', { name: 'Hand-offs for adoption' });
    expect(screen.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe('/api/v1/care/adoption-handoffs/h1/carings?format=csv');
    expect(screen.getByRole('link', { name: 'Excel' }).getAttribute('href')).toBe('/api/v1/care/adoption-handoffs/h1/carings?format=xlsx');
    expect(table.textContent).toContain('2026-09-10');
  });

  it('says the links in Hindi and Marathi too', async () => {
    await renderWithApp(<HandoffTable handoffs={[HANDOFF]} />, 'hi');
    expect(screen.getByRole('link', { name: 'एक्सेल' })).toBeTruthy();
    cleanup();
    await renderWithApp(<HandoffTable handoffs={[HANDOFF]} />, 'mr');
    expect(screen.getByRole('columnheader', { name: 'CARINGS साठी फाइल' })).toBeTruthy();
  });
});

describe('reintegration: the next step and the follow-up visits', () => {
  const PATHWAY: Pathway = {
    id: 'p1',
    childId: 'eeeeeeee-2222-4333-8444-555555555555',
    childName: 'K.',
    stage: 'family_preparation',
    stageOn: '2026-07-01',
    restoredOn: null,
    followUps: [],
    version: 4,
  };

  it('offers only the moves the server allows: the next stage, and re-entry once restored', () => {
    expect(nextStages('identified')).toEqual(['family_assessment']);
    expect(nextStages('restored')).toEqual(['follow_up', 're_entered']);
    expect(nextStages('follow_up')).toEqual(['closed', 're_entered']);
    expect(nextStages('closed')).toEqual([]);
    expect(nextStages('re_entered')).toEqual([]);
  });

  it('sends the restoration order with the step and the version, and says a stale version plainly', async () => {
    const { container } = await renderWithApp(<PathwayStepForm pathway={PATHWAY} />);
    expect(field(container, 'stage').value).toBe('restoration_ordered');
    fireEvent.change(field(container, 'on'), { target: { value: '2026-08-01' } });
    fireEvent.change(field(container, 'orderRef'), { target: { value: ' CWC/44/2026 ' } });
    const sent = answer(409, {
      code: 'version_conflict',
      message: 'The pathway was changed by someone else',
      current: { ...PATHWAY, version: 5 },
    });
    submit('Record the next step');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/reintegration/p1/steps',
      method: 'POST',
      body: { stage: 'restoration_ordered', on: '2026-08-01', note: null, orderRef: 'CWC/44/2026', version: 4 },
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed or decided this record meanwhile/);
  });

  it('puts the server’s reason under the field it names', async () => {
    const { container } = await renderWithApp(<PathwayStepForm pathway={{ ...PATHWAY, stage: 'identified' }} />);
    expect(container.querySelector('[name="orderRef"]')).toBeNull();
    const sent = answer(400, {
      code: 'validation_failed',
      message: 'Invalid',
      issues: [{ field: 'body.on', message: 'cannot be in the future' }],
    });
    submit('Record the next step');
    await waitFor(() => expect(describedText(field(container, 'on'))).toMatch(/cannot be in the future/i));
    expect((sent[0].body as { stage: string }).stage).toBe('family_assessment');
  });

  it('records the first visit not yet made, asking for the findings before anything is sent', async () => {
    const restored: Pathway = {
      ...PATHWAY,
      stage: 'follow_up',
      restoredOn: '2026-07-01',
      followUps: [
        { id: 'f0', dueOn: '2026-08-01', visitedOn: '2026-08-01', risk: 'low', overdue: false },
        { id: 'f1', dueOn: '2026-10-01', visitedOn: null, risk: null, overdue: false },
      ],
    };
    const { container } = await renderWithApp(<FollowUpForm pathway={restored} />, 'hi');
    const sent = answer(200, restored);
    fireEvent.change(field(container, 'visitedOn'), { target: { value: '2026-10-02' } });
    submit('अनुवर्ती दौरा दर्ज करें');
    await waitFor(() => expect(describedText(field(container, 'findings'))).toContain('बताएँ कि दौरे में क्या पाया गया'));
    expect(sent).toEqual([]);
    fireEvent.change(field(container, 'findings'), { target: { value: ' attending school ' } });
    fireEvent.change(field(container, 'risk'), { target: { value: 'medium' } });
    submit('अनुवर्ती दौरा दर्ज करें');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/follow-ups/f1',
      method: 'POST',
      body: { visitedOn: '2026-10-02', findings: 'attending school', risk: 'medium' },
    });
  });
});

/** A network stub answering by address: the first matching prefix's answer; everything sent is kept. */
function route(answers: [RegExp, number, unknown][]) {
  const sent: Sent[] = [];
  const stub = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    sent.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const hit = answers.find(([re]) => re.test(`${method} ${url}`));
    const [, status, body] = hit ?? [null, 200, { items: [] }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  // Pinned: the harness installs its no-network fetch when it renders, and the form asks on mount.
  Object.defineProperty(globalThis, 'fetch', { configurable: true, get: () => stub, set: () => undefined });
  return sent;
}
const unpin = () => Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: globalThis.fetch });
afterEach(unpin);
const CHILD = { id: 'cccccccc-2222-4333-8444-555555555555', name: 'Kavya Demo', sex: 'female', age: 3 };
const CASE = { id: 'dddddddd-2222-4333-8444-555555555555', number: 12, status: 'open', reportedOn: '2026-09-01' };
const SAA = { id: 'aaaaaaaa-2222-4333-8444-555555555555', name: 'Shishu Adhar SAA, Amravati', type: 'saa' };
const CCI = { id: 'bbbbbbbb-2222-4333-8444-555555555555', name: 'Boys home', type: 'childrens_home' };

describe('recording an adoption hand-off and moving its status', () => {
  it('knows the statuses the server knows', () => {
    expect([...HANDOFF_STATUSES]).toEqual([...SERVER_HANDOFF_STATUSES]);
  });

  it('asks for the child and the agency before sending, offers only SAAs and the children declared free, then sends the picked ids', async () => {
    const FREE = {
      childId: CHILD.id,
      name: CHILD.name,
      sex: 'female',
      dob: null,
      caseId: CASE.id,
      caseNumber: 12,
      declaredFreeOn: '2026-10-28',
      orderRef: 'CWC/AMR/LFA/1',
    };
    const sent = route([
      [/GET .*\/care\/institutions/, 200, { items: [SAA, CCI] }],
      [/GET .*\/care\/legally-free-children/, 200, { items: [FREE] }],
      [
        /POST .*\/care\/adoption-handoffs/,
        400,
        {
          code: 'not_legally_free',
          message: 'not free',
          issues: [{ field: 'caseId', message: 'no declaration of legal freedom on the case' }],
        },
      ],
    ]);
    const { container } = await renderWithApp(<HandoffForm />);
    submit('Record a hand-off for adoption');
    await waitFor(() => expect(describedText(field(container, 'childId'))).toContain('Choose the child'));
    expect(describedText(field(container, 'saaId'))).toContain('Choose the agency');
    expect(sent.filter((x) => x.method === 'POST')).toEqual([]);
    await waitFor(() => expect(container.querySelector(`option[value="${SAA.id}"]`)).toBeTruthy());
    expect(container.querySelector(`option[value="${CCI.id}"]`)).toBeNull();
    await waitFor(() => expect(screen.getByRole('option', { name: /Kavya Demo · #12 · declared free on 2026-10-28/ })).toBeTruthy());
    fireEvent.change(field(container, 'childId'), { target: { value: CASE.id } });
    fireEvent.change(field(container, 'saaId'), { target: { value: SAA.id } });
    fireEvent.change(field(container, 'handedOverOn'), { target: { value: '2026-11-25' } });
    submit('Record a hand-off for adoption');
    await waitFor(() => expect(describedText(field(container, 'childId'))).toContain('no declaration of legal freedom'));
    expect(sent.filter((x) => x.method === 'POST')).toEqual([
      {
        url: '/api/v1/care/adoption-handoffs',
        method: 'POST',
        body: { childId: CHILD.id, caseId: CASE.id, saaId: SAA.id, handedOverOn: '2026-11-25', caringsRef: null },
      },
    ]);
  });

  it('sends the new status with the version and says a stale version plainly', async () => {
    const handoff: AdoptionHandoff = {
      id: 'h1',
      childId: CHILD.id,
      saaId: SAA.id,
      caringsRef: 'CAR/1',
      declaredFreeOn: '2026-09-01',
      handedOverOn: '2026-09-10',
      status: 'handed_over',
      statusOn: '2026-09-10',
      version: 2,
    };
    const { container } = await renderWithApp(<HandoffStatusForm handoff={handoff} />);
    expect([...container.querySelectorAll('select[name="status"] option')].map((o) => o.getAttribute('value'))).toEqual([
      'referred',
      'adopted',
      'returned',
    ]);
    fireEvent.change(field(container, 'status'), { target: { value: 'adopted' } });
    fireEvent.change(field(container, 'on'), { target: { value: '2026-11-30' } });
    const sent = answer(409, {
      code: 'version_conflict',
      message: 'The hand-off was updated by someone else',
      current: { ...handoff, version: 3 },
    });
    submit('Change the status');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/adoption-handoffs/h1',
      method: 'PATCH',
      body: { status: 'adopted', on: '2026-11-30', caringsRef: 'CAR/1', version: 2 },
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed or decided this record meanwhile/);
  });

  it('is offered in Hindi and Marathi', async () => {
    await renderWithApp(<HandoffForm />, 'hi');
    expect(screen.getByRole('form', { name: 'दत्तक ग्रहण हेतु सौंपना दर्ज करें' })).toBeTruthy();
    cleanup();
    await renderWithApp(<HandoffForm />, 'mr');
    expect(screen.getByRole('form', { name: 'दत्तक ग्रहणासाठी सोपवणे नोंदवा' })).toBeTruthy();
  });
});

describe('opening a reintegration pathway', () => {
  it('finds the child by name and opens the pathway; a child with one open is refused under the child', async () => {
    const sent = route([
      [/GET .*\/children\?/, 200, { items: [CHILD] }],
      [
        /POST .*\/care\/reintegration/,
        409,
        {
          code: 'pathway_exists',
          message: 'The child already has an open reintegration pathway',
          issues: [{ field: 'childId', message: 'has an open pathway' }],
        },
      ],
    ]);
    const { container } = await renderWithApp(<OpenPathwayForm />);
    submit('Open a pathway');
    await waitFor(() => expect(describedText(field(container, 'childId'))).toContain('Choose the child'));
    fireEvent.change(field(container, 'childSearch'), { target: { value: 'Ka' } });
    await waitFor(() => expect(container.querySelector(`option[value="${CHILD.id}"]`)).toBeTruthy());
    fireEvent.change(field(container, 'childId'), { target: { value: CHILD.id } });
    expect(field(container, 'kind').value).toBe('parents');
    fireEvent.change(field(container, 'kind'), { target: { value: 'kinship' } });
    fireEvent.change(field(container, 'on'), { target: { value: '2026-11-30' } });
    fireEvent.change(field(container, 'note'), { target: { value: ' referred by the CCI ' } });
    submit('Open a pathway');
    await waitFor(() => expect(describedText(field(container, 'childId'))).toContain('has an open pathway'));
    expect(sent.filter((x) => x.method === 'POST')).toEqual([
      {
        url: '/api/v1/care/reintegration',
        method: 'POST',
        body: { childId: CHILD.id, kind: 'kinship', on: '2026-11-30', note: 'referred by the CCI' },
      },
    ]);
    cleanup();
    await renderWithApp(<OpenPathwayForm />, 'mr');
    expect(screen.getByRole('form', { name: 'मार्ग उघडा' })).toBeTruthy();
  });
});

/** A DCPU officer (care.write): the renewal steps and the NGO change show only to such a role. */
const DCPU: typeof ME = { ...ME, role: 'dcpu_officer', permissions: [...ME.permissions, 'care.read', 'care.write'] };

/** The section links each child to its record: it renders inside a router. */
const inRouter = (ui: React.ReactElement) => (
  <RouterProvider
    router={createRouter({ routeTree: createRootRoute({ component: () => ui }), history: createMemoryHistory({ initialEntries: ['/'] }) })}
  />
);

describe('sponsorships due for renewal', () => {
  const sponsorship = (id: string, childId: string, validUntil: string, version: number) => ({
    id,
    childId,
    status: 'sanctioned',
    orderRef: `F36/${id}`,
    validUntil,
    endedOn: null,
    endReason: null,
    version,
  });
  const DUE = {
    rules: { version: 'mv-2022', dueWithinDays: 30, periodMonths: 12, basis: 'Mission Vatsalya 2022, 4.1', verification: 'x' },
    withinDays: 30,
    items: [
      {
        sponsorship: sponsorship('s1', '11111111-aaaa-4333-8444-555555555555', '2026-12-20', 4),
        state: 'due',
        daysLeft: 14,
        paymentsDue: 0,
        alert: false,
        openReassessment: {
          id: 'r1',
          sponsorshipId: 's1',
          previousValidUntil: '2026-12-20',
          reassessedOn: '2026-12-01',
          reassessment: { on: '2026-12-01', by: 'DCPU social worker', recommendation: 'renew', summary: 'in school' },
          status: 'reassessed',
          meetingOn: null,
          validUntil: null,
          reasons: null,
          ref: null,
        },
      },
      {
        sponsorship: sponsorship('s2', '22222222-bbbb-4333-8444-555555555555', '2026-11-15', 7),
        state: 'lapsed',
        daysLeft: -21,
        paymentsDue: 2,
        alert: true,
        openReassessment: null,
      },
    ],
  };

  it('knows the end reasons the server knows', () => {
    expect([...SPONSORSHIP_END_REASONS]).toEqual([...SERVER_END_REASONS]);
  });

  it('lists the alerts first with the period end, and a renewal sends the new end with the version', async () => {
    const sent = route([
      [/GET \/api\/v1\/care\/sponsorships-due/, 200, DUE],
      [/POST \/api\/v1\/care\/sponsorships\/s1\/renewal-decision/, 200, {}],
    ]);
    const { container } = await renderWithApp(inRouter(<SponsorshipRenewalsSection />), 'en', DCPU);
    const table = await screen.findByRole('table', { name: 'Sponsorships due for renewal' });
    const rows = [...table.querySelectorAll<HTMLElement>('tbody tr')];
    expect(rows.map((r) => r.textContent?.slice(0, 8))).toEqual(['22222222', '11111111']);
    expect(rows[0].textContent).toContain('2026-11-15');
    expect(rows[0].textContent).toContain('Months unpaid: settle first');
    expect(rows[1].textContent).toContain('2026-12-20');
    expect(rows[1].textContent).toContain('Re-assessed on 2026-12-01: Renew');
    // The lapsed one has no re-assessment yet: the DCPU's re-assessment is offered, not the decision.
    expect(rows[0].textContent).toContain('Re-assess');
    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Renewal decision' }));
    submit("The committee's renewal decision");
    await waitFor(() => expect(describedText(field(container, 'validUntil'))).toContain('Give the day the renewed period ends'));
    expect(sent.filter((x) => x.method === 'POST')).toEqual([]);
    fireEvent.change(field(container, 'meetingOn'), { target: { value: '2026-12-05' } });
    fireEvent.change(field(container, 'validUntil'), { target: { value: '2027-12-20' } });
    fireEvent.change(field(container, 'reasons'), { target: { value: ' still needs support ' } });
    submit("The committee's renewal decision");
    await waitFor(() => expect(sent.filter((x) => x.method === 'POST')).toHaveLength(1));
    expect(sent.find((x) => x.method === 'POST')).toEqual({
      url: '/api/v1/care/sponsorships/s1/renewal-decision',
      method: 'POST',
      body: {
        meetingOn: '2026-12-05',
        decision: 'renewed',
        validUntil: '2027-12-20',
        reasons: 'still needs support',
        ref: null,
        version: 4,
      },
    });
  });

  it('shows no actions to a role without care.write, and the section in Marathi', async () => {
    route([[/GET \/api\/v1\/care\/sponsorships-due/, 200, DUE]]);
    await renderWithApp(inRouter(<SponsorshipRenewalsSection />), 'mr', { ...ME, permissions: [...ME.permissions, 'care.read'] });
    const table = await screen.findByRole('table', { name: 'नूतनीकरणासाठी देय प्रायोजकत्व' });
    // Only the history (to read) on each row: no step to take.
    expect(
      within(table)
        .queryAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['इतिहास', 'इतिहास']);
  });

  it('ends a sponsorship with a reason and the version; a stale version is said plainly', async () => {
    const sent = route([
      [/GET \/api\/v1\/care\/sponsorships-due/, 200, DUE],
      [/POST \/api\/v1\/care\/sponsorships\/s2\/end/, 409, { code: 'stale_version', message: 'changed meanwhile', issues: [] }],
    ]);
    const { container } = await renderWithApp(inRouter(<SponsorshipRenewalsSection />), 'en', DCPU);
    const table = await screen.findByRole('table', { name: 'Sponsorships due for renewal' });
    fireEvent.click(within(table.querySelector<HTMLElement>('tbody tr')!).getByRole('button', { name: 'End the sponsorship' }));
    fireEvent.change(field(container, 'endedOn'), { target: { value: '2026-11-15' } });
    fireEvent.change(field(container, 'reason'), { target: { value: 'turned_18' } });
    submit('End the sponsorship');
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    expect(sent.find((x) => x.method === 'POST')).toEqual({
      url: '/api/v1/care/sponsorships/s2/end',
      method: 'POST',
      body: { endedOn: '2026-11-15', reason: 'turned_18', notes: null, version: 7 },
    });
  });
  it('says what an ending did to the ledger: months withheld and months paid after the end', async () => {
    route([
      [/GET \/api\/v1\/care\/sponsorships-due/, 200, DUE],
      [/POST \/api\/v1\/care\/sponsorships\/s2\/end/, 200, { sponsorship: {}, withheldMonths: ['2026-12'], paidAfterEnd: ['2026-11'] }],
    ]);
    const { container } = await renderWithApp(inRouter(<SponsorshipRenewalsSection />), 'en', DCPU);
    const table = await screen.findByRole('table', { name: 'Sponsorships due for renewal' });
    fireEvent.click(within(table.querySelector<HTMLElement>('tbody tr')!).getByRole('button', { name: 'End the sponsorship' }));
    fireEvent.change(field(container, 'endedOn'), { target: { value: '2026-10-31' } });
    submit('End the sponsorship');
    expect((await screen.findByRole('status')).textContent).toBe(
      'Sponsorship ended. Months withheld: 2026-12; paid after the end (to recover): 2026-11.',
    );
  });
});

describe('the DCPU changes the NGO of a pathway', () => {
  const NGO = { id: '99999999-2222-4333-8444-555555555555', name: 'Prerana CFE', kind: 'NGO', districtCode: 468, active: true };
  /** Deactivated by the administrator: offered in neither picker (the server would refuse it). */
  const CLOSED = { ...NGO, id: '99999999-2222-4333-8444-666666666666', name: 'Closed CFE', active: false };
  const PATHWAYS = [
    {
      id: 'p1',
      childId: 'eeeeeeee-2222-4333-8444-555555555555',
      childName: 'K.',
      ngoId: null,
      stage: 'family_prepared',
      stageOn: '2026-10-01',
      restoredOn: null,
      followUps: [],
      version: 5,
    },
    {
      id: 'p2',
      childId: 'ffffffff-2222-4333-8444-555555555555',
      childName: 'M.',
      ngoId: null,
      stage: 'closed',
      stageOn: '2026-10-01',
      restoredOn: '2026-01-01',
      followUps: [],
      version: 2,
    },
  ];
  const page = async (me = DCPU) => {
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <ReintegrationPage /> }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    const out = await renderWithApp(<RouterProvider router={router} />, 'en', me);
    return { ...out, table: await screen.findByRole('table', { name: 'Reintegration pathways' }) };
  };

  it('offers it on an open pathway only, and sends the NGO, the reason and the version', async () => {
    const sent = route([
      [/GET \/api\/v1\/care\/reintegration/, 200, { items: PATHWAYS }],
      [/GET \/api\/v1\/organisations/, 200, { items: [NGO, CLOSED, { ...NGO, id: 'x', name: 'A CCI', kind: 'CCI' }] }],
      [/POST \/api\/v1\/care\/reintegration\/p1\/ngo/, 200, { ...PATHWAYS[0], ngoId: NGO.id, version: 6 }],
    ]);
    const { container, table } = await page();
    expect(within(table).getAllByRole('button', { name: 'Change NGO' })).toHaveLength(1);
    fireEvent.click(within(table).getByRole('button', { name: 'Change NGO' }));
    await waitFor(() => expect(container.querySelector(`option[value="${NGO.id}"]`)).toBeTruthy());
    expect(container.querySelector('option[value="x"]')).toBeNull();
    expect(container.querySelector(`option[value="${CLOSED.id}"]`)).toBeNull();
    submit('Change NGO');
    await waitFor(() => expect(describedText(field(container, 'reason'))).toContain('Say why'));
    fireEvent.change(field(container, 'ngoId'), { target: { value: NGO.id } });
    fireEvent.change(field(container, 'reason'), { target: { value: ' the family moved to Achalpur ' } });
    submit('Change NGO');
    await waitFor(() => expect(sent.filter((x) => x.method === 'POST')).toHaveLength(1));
    expect(sent.find((x) => x.method === 'POST')).toEqual({
      url: '/api/v1/care/reintegration/p1/ngo',
      method: 'POST',
      body: { ngoId: NGO.id, reason: 'the family moved to Achalpur', version: 5 },
    });
  });

  it('the DCPU opening a pathway is offered the active NGOs only', async () => {
    route([[/GET \/api\/v1\/organisations/, 200, { items: [CLOSED, NGO, { ...NGO, id: 'x', name: 'A CCI', kind: 'CCI' }] }]]);
    const { container } = await renderWithApp(<OpenPathwayForm />, 'en', DCPU);
    await waitFor(() => expect(container.querySelector(`option[value="${NGO.id}"]`)).toBeTruthy());
    const offered = [...field(container, 'ngoId').querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(offered).toEqual(['', NGO.id]);
  });

  it('is not offered to an NGO caseworker', async () => {
    route([[/GET \/api\/v1\/care\/reintegration/, 200, { items: PATHWAYS }]]);
    const { table } = await page({
      ...ME,
      role: 'ngo_caseworker' as const,
      permissions: [...ME.permissions, 'care.read', 'care.reintegrate'],
    });
    expect(within(table).queryByRole('button', { name: 'Change NGO' })).toBeNull();
  });
});
