// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describedText, field, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { flatten as flat } from '../../test/translations';
import { FOSTERING_TRANSLATIONS } from './i18n';
import { ReassessmentForm, RenewalDecisionForm } from './RenewalForms';
import { AftercareFromProposalForm } from './AftercareForms';
import RenewalsPage from './RenewalsPage';
import { api } from '../../api/client';
import type { AftercareProposal, ApprovalDue } from './api';

/**
 * Issue #14: the renewal of a foster family's approval (the due list with its alert, the DCPU's
 * re-assessment, the committee's decision with the family's version, a stale one said plainly)
 * and the aftercare plan made from a foster child's proposal (it names the placement it follows).
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
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const renewal = {
  id: 'r1',
  carerId: 'c1',
  previousValidUntil: '2026-12-10',
  reassessedOn: '2026-11-28',
  reassessment: { on: '2026-11-28', by: 'DCPU', recommendation: 'renew' as const, summary: 'fine' },
  status: 'reassessed' as const,
  meetingOn: null,
  validUntil: null,
  reasons: null,
  ref: null,
};
const DUE: ApprovalDue = {
  carer: {
    id: 'c1',
    kind: 'group_foster',
    name: 'Wankhade family',
    villageId: null,
    approvedOn: '2025-12-10',
    reviewDue: '2026-12-10',
    profile: { capacity: 6, prefersSex: 'any', ageMin: null, ageMax: null, languages: [], takesSiblings: true },
    version: 7,
    status: 'approved',
    districtCode: 468,
  },
  state: 'lapsed',
  validUntil: '2026-12-10',
  daysLeft: -5,
  childrenPlaced: 2,
  alert: true,
  openReassessment: null,
  dueItem: {
    key: 'fosterApprovalRenewal',
    dueOn: '2026-12-10',
    overdue: true,
    citation: 'JJ Model Rules 2016 r.23',
    verification: 'unverified',
  },
};

describe('the renewal list', () => {
  it('puts a family with a child placed and a lapsed approval as an alert, and shows group foster care', async () => {
    // The page's query runs on mount: the API client answers (the harness stubs fetch).
    const get = vi.spyOn(api, 'get').mockResolvedValue({
      rules: { version: 'v', dueWithinDays: 60, basis: 'basis', verification: 'unverified' },
      withinDays: 60,
      items: [
        DUE,
        {
          ...DUE,
          carer: { ...DUE.carer, id: 'c2', kind: 'foster', name: 'Deshmukh family' },
          state: 'due',
          daysLeft: 12,
          alert: false,
          childrenPlaced: 0,
        },
      ],
    });
    await renderWithApp(<RenewalsPage />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('1 family has a child placed'));
    expect(get.mock.calls[0][0]).toBe('/care/foster-approvals-due');
    const table = screen.getByRole('table', { name: 'Renewal of foster families’ approval' });
    expect(table.textContent).toContain('ended 5 days ago');
    expect(table.textContent).toContain('ends in 12 days');
    expect(table.textContent).toContain('group foster care');
    expect(table.textContent).toContain('child placed: act now');
  });
});

describe('the re-assessment and the decision', () => {
  it("sends the re-assessment with the family's version", async () => {
    const { container } = await renderWithApp(<ReassessmentForm due={DUE} />);
    const sent = answer(200, { carer: DUE.carer, renewal });
    fireEvent.change(field(container, 'on'), { target: { value: '2026-11-28' } });
    fireEvent.change(field(container, 'by'), { target: { value: ' DCPU social worker ' } });
    fireEvent.change(field(container, 'summary'), { target: { value: 'still suitable' } });
    submit('Re-assess the family');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/care/foster-carers/c1/reassessment',
      method: 'POST',
      body: { on: '2026-11-28', by: 'DCPU social worker', recommendation: 'renew', summary: 'still suitable', version: 7 },
    });
  });

  it('asks for the new end before sending a renewal, then sends it; a refusal sends none', async () => {
    const due = { ...DUE, openReassessment: renewal };
    const { container } = await renderWithApp(<RenewalDecisionForm due={due} />);
    const sent = answer(200, { carer: DUE.carer, renewal });
    fireEvent.change(field(container, 'reasons'), { target: { value: 'recommended' } });
    submit('Committee’s decision');
    await waitFor(() => expect(describedText(field(container, 'validUntil'))).toContain('Say until when'));
    expect(sent).toEqual([]);
    fireEvent.change(field(container, 'meetingOn'), { target: { value: '2026-12-01' } });
    fireEvent.change(field(container, 'validUntil'), { target: { value: '2027-12-10' } });
    submit('Committee’s decision');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).toEqual({
      meetingOn: '2026-12-01',
      decision: 'renewed',
      validUntil: '2027-12-10',
      reasons: 'recommended',
      ref: null,
      version: 7,
    });
  });

  it('says plainly that someone changed the family meanwhile (409)', async () => {
    await renderWithApp(<RenewalDecisionForm due={{ ...DUE, openReassessment: renewal }} />);
    answer(409, { code: 'version_conflict', message: 'changed', current: { version: 8 } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Decision' }), { target: { value: 'refused' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Reasons' }), { target: { value: 'unsuitable' } });
    submit('Committee’s decision');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Someone changed this record meanwhile'));
  });
});

describe('an aftercare plan from a proposal', () => {
  it('names the foster placement it follows', async () => {
    const proposal: AftercareProposal = {
      childId: '11111111-2222-4333-8444-555555555555',
      placementId: 'pl9',
      carer: 'Wankhade family',
      source: 'left_at_18',
      turns18On: '2026-11-20',
      planFrom: '2026-05-20',
      endsOn: '2029-11-20',
      placementEndedOn: '2026-11-20',
    };
    const { container } = await renderWithApp(<AftercareFromProposalForm proposal={proposal} />);
    const sent = answer(201, { id: 'a1' });
    fireEvent.change(field(container, 'orderRef'), { target: { value: 'CWC/F37/1' } });
    fireEvent.change(field(container, 'planOn'), { target: { value: '2026-11-25' } });
    fireEvent.change(field(container, 'housing'), { target: { value: 'with the family' } });
    submit('Aftercare plan on the CWC’s order (Form 37)');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      url: '/api/v1/care/aftercare',
      method: 'POST',
      body: {
        childId: proposal.childId,
        orderRef: 'CWC/F37/1',
        planOn: '2026-11-25',
        needs: { housing: 'with the family', education: null },
        followsPlacementId: 'pl9',
      },
    });
  });
});

describe('words', () => {
  it('has every renewal word in the three languages', () => {
    const en = [...flat(FOSTERING_TRANSLATIONS.en).keys()].filter(
      (k) => k.includes('renewal') || k.includes('aftercare') || k.includes('kind'),
    );
    for (const l of [flat(FOSTERING_TRANSLATIONS.hi), flat(FOSTERING_TRANSLATIONS.mr)]) for (const k of en) expect(l.has(k), k).toBe(true);
  });
});
