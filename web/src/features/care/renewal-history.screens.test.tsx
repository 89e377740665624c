// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { ME, renderWithApp } from '../../test/harness';
import '../../app/modules';
import { api } from '../../api/client';
import { SponsorshipRenewalsSection } from './SponsorshipRenewals';
import RenewalsPage from '../fostercare/RenewalsPage';
import type { RenewalEntry } from './api';

/**
 * Issue #14: the renewal history of a foster family's approval and of a sponsorship, from their
 * `GET …/renewals`, shown under the row on the renewal screens when asked ("History"), latest first,
 * in English, Hindi and Marathi.
 */
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
const DCPU: typeof ME = { ...ME, role: 'dcpu_officer', permissions: [...ME.permissions, 'care.read', 'care.write'] };
const inRouter = (ui: React.ReactElement) => (
  <RouterProvider
    router={createRouter({ routeTree: createRootRoute({ component: () => ui }), history: createMemoryHistory({ initialEntries: ['/'] }) })}
  />
);

const HISTORY: RenewalEntry[] = [
  {
    id: 'r2',
    previousValidUntil: '2026-12-10',
    reassessedOn: '2026-11-28',
    reassessment: { on: '2026-11-28', by: 'DCPU social worker', recommendation: 'do_not_renew', summary: 'the carers have moved' },
    status: 'refused',
    meetingOn: '2026-12-02',
    validUntil: null,
    reasons: 'no longer able to care',
    ref: 'SFCAC/AMR/7',
  },
  {
    id: 'r1',
    previousValidUntil: '2025-12-10',
    reassessedOn: '2025-11-20',
    reassessment: { on: '2025-11-20', by: 'DCPU protection officer', recommendation: 'renew', summary: 'child settled' },
    status: 'renewed',
    meetingOn: '2025-11-30',
    validUntil: '2026-12-10',
    reasons: 'all well',
    ref: null,
  },
];

/** The API stub: the list for the screen, the history for the record, and what was asked. */
function stub(list: unknown, historyPath: string) {
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === historyPath) return { items: HISTORY } as never;
    if (path.endsWith('/renewals')) return { items: [] } as never;
    return list as never;
  });
}

const carer = (id: string, name: string) => ({
  carer: {
    id,
    kind: 'foster',
    name,
    villageId: null,
    approvedOn: '2024-12-10',
    reviewDue: '2026-12-10',
    profile: { capacity: 2, prefersSex: 'any', ageMin: null, ageMax: null, languages: [], takesSiblings: true },
    version: 3,
    status: 'approved',
    districtCode: 468,
  },
  state: 'due',
  validUntil: '2026-12-10',
  daysLeft: 4,
  childrenPlaced: 1,
  alert: false,
  openReassessment: null,
  dueItem: { key: 'fosterApprovalRenewal', dueOn: '2026-12-10', overdue: false, citation: 'r.23', verification: 'unverified' },
});
const FOSTER_DUE = {
  rules: { version: 'v', dueWithinDays: 60, basis: 'basis', verification: 'unverified' },
  withinDays: 60,
  items: [carer('c1', 'Wankhade family'), carer('c2', 'Deshmukh family')],
};

describe("a foster family's renewal history", () => {
  it('shows the family’s re-assessments and decisions, latest first, under its row only when asked', async () => {
    const get = stub(FOSTER_DUE, '/care/foster-carers/c1/renewals');
    await renderWithApp(<RenewalsPage />, 'en', DCPU);
    const row = await screen.findByTestId('approval-c1');
    expect(screen.queryByRole('table', { name: 'Renewal history' })).toBeNull();
    const button = within(row).getByRole('button', { name: 'History' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const history = await screen.findByRole('table', { name: 'Renewal history' });
    expect(get.mock.calls.map((c) => c[0])).toContain('/care/foster-carers/c1/renewals');
    expect(get.mock.calls.map((c) => c[0])).not.toContain('/care/foster-carers/c2/renewals');
    const rows = [...history.querySelectorAll(':scope > tbody > tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('2026-11-28');
    expect(rows[0]).toContain('by DCPU social worker');
    expect(rows[0]).toContain('Do not renew');
    expect(rows[0]).toContain('Refused');
    expect(rows[0]).toContain('committee meeting on 2026-12-02');
    expect(rows[0]).toContain('SFCAC/AMR/7');
    expect(rows[1]).toContain('Renewed');
    expect(rows[1]).toContain('new period ends on 2026-12-10');
    expect(screen.getByTestId('approval-history-c1')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Renewal history' })).toBeNull());
  });

  it.each([
    ['hi', 'इतिहास', 'नवीनीकरण का इतिहास', 'नवीनीकृत'],
    ['mr', 'इतिहास', 'नूतनीकरणाचा इतिहास', 'नूतनीकरण झाले'],
  ] as const)('in %s', async (lang, show, title, renewed) => {
    stub(FOSTER_DUE, '/care/foster-carers/c1/renewals');
    await renderWithApp(<RenewalsPage />, lang, DCPU);
    fireEvent.click(within(await screen.findByTestId('approval-c1')).getByRole('button', { name: show }));
    expect((await screen.findByRole('table', { name: title })).textContent).toContain(renewed);
  });
});

describe("a sponsorship's renewal history", () => {
  const DUE = {
    rules: { version: 'mv-2022', dueWithinDays: 60, periodMonths: 12, basis: 'b', verification: 'x' },
    withinDays: 60,
    items: [
      {
        sponsorship: {
          id: 's1',
          childId: '11111111-aaaa-4333-8444-555555555555',
          status: 'sanctioned',
          orderRef: 'F36/s1',
          validUntil: '2026-12-20',
          endedOn: null,
          endReason: null,
          version: 4,
        },
        state: 'due',
        daysLeft: 14,
        paymentsDue: 0,
        alert: false,
        openReassessment: null,
      },
    ],
  };

  it('shows it under the sponsorship, also to a role that only reads', async () => {
    const get = stub(DUE, '/care/sponsorships/s1/renewals');
    const reader: typeof ME = { ...ME, permissions: [...ME.permissions, 'care.read'] };
    await renderWithApp(inRouter(<SponsorshipRenewalsSection />), 'en', reader);
    const row = await screen.findByTestId('renewal-s1');
    fireEvent.click(within(row).getByRole('button', { name: 'History' }));
    const history = await screen.findByRole('table', { name: 'Renewal history' });
    expect(get.mock.calls.map((c) => c[0])).toContain('/care/sponsorships/s1/renewals');
    expect(history.textContent).toContain('Refused');
    expect(history.textContent).toContain('new period ends on 2026-12-10');
    expect(within(screen.getByTestId('renewal-history-s1')).getByRole('table')).toBe(history);
  });

  it('says so when none is recorded (mr)', async () => {
    stub(DUE, '/care/sponsorships/none/renewals');
    await renderWithApp(inRouter(<SponsorshipRenewalsSection />), 'mr', DCPU);
    fireEvent.click(within(await screen.findByTestId('renewal-s1')).getByRole('button', { name: 'इतिहास' }));
    await screen.findByText('अजून कोणतेही पुनर्मूल्यांकन नोंदलेले नाही.');
  });
});

describe("the lapse alert's action item that could not be opened", () => {
  it.each([
    ['en', 'The action item for the DCPU could not be opened (the district has no convergence group)'],
    ['hi', 'ज़िले में कोई अभिसरण समूह नहीं है'],
    ['mr', 'जिल्ह्यात अभिसरण गट नाही'],
  ] as const)('is said on the alert row only (%s)', async (lang, words) => {
    const lapsed = { ...carer('c1', 'Wankhade family'), state: 'lapsed', daysLeft: -3, alert: true, actionProblem: 'no_district_group' };
    stub({ ...FOSTER_DUE, items: [lapsed, { ...carer('c2', 'Deshmukh family'), actionProblem: null }] }, 'none');
    await renderWithApp(<RenewalsPage />, lang, DCPU);
    const row = await screen.findByTestId('approval-c1');
    expect(within(row).getByTestId('action-problem').textContent).toContain(words);
    expect(within(screen.getByTestId('approval-c2')).queryByTestId('action-problem')).toBeNull();
  });
});
