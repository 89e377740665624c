// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import type { ProposalListOut } from '../../../../src/federation/proposals/proposals.model';
import { navFor } from '../../app/module-api';
import { ME, renderWithApp } from '../../test/harness';
import { addTranslations } from '../../i18n';
import { MISSING_TRANSLATIONS } from './i18n';
import missingModule from './module';
import NationalProposalsPage from './NationalProposalsPage';

/** Issue #19: the DCPU's national proposals screen, from what the server gives it. */
afterEach(cleanup);
addTranslations(MISSING_TRANSLATIONS);

const DCPO = { ...ME, username: 'dcpo.amravati', role: 'dcpu_officer' as const, permissions: [...ROLE_PERMISSIONS.dcpu_officer] };

async function show(list: ProposalListOut) {
  // The page asks on mount: the answer is pinned before the harness installs its no-network fetch.
  const stub = vi.fn(async () => new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } }));
  Object.defineProperty(globalThis, 'fetch', { configurable: true, get: () => stub, set: () => undefined });
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <NationalProposalsPage /> }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  await renderWithApp(<RouterProvider router={router} />, 'en', DCPO);
  return stub;
}

const side = (over: Record<string, unknown>) => ({
  recordId: 'aaaaaaaa-1111-4222-8333-444444444444',
  stateCode: 27,
  stateName: 'Maharashtra',
  districtCode: 468,
  name: 'Sanika Wankhade',
  nameLocal: null,
  sex: 'female',
  ageYears: 9,
  eventDate: '2026-02-01',
  ...over,
});

describe('national proposals screen', () => {
  it("is in the menu of the DCPU and the state's SCPS officer only", () => {
    const paths = (role: keyof typeof ROLE_PERMISSIONS) => navFor([missingModule], ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(paths('dcpu_officer')).toContain('/missing/national');
    expect(paths('scps_officer')).toContain('/missing/national');
    for (const role of ['caseworker', 'cwc_member', 'helpline_operator'] as const) expect(paths(role)).not.toContain('/missing/national');
  });

  it('says national matching is not set up when the state database has no federation', async () => {
    await show({ federation: false, items: [], total: 0, page: 1, pageSize: 100 });
    expect((await screen.findByTestId('national-not-set-up')).textContent).toMatch(/not set up/);
  });

  it("shows the other state's record as the proposal carries it, and asks how a match was checked before confirming", async () => {
    const stub = await show({
      federation: true,
      total: 1,
      page: 1,
      pageSize: 100,
      items: [
        {
          id: 'bbbbbbbb-1111-4222-8333-444444444444',
          status: 'proposed',
          ownSide: 'missing',
          missing: side({}),
          found: side({
            recordId: 'cccccccc-1111-4222-8333-444444444444',
            stateCode: 23,
            stateName: 'Madhya Pradesh',
            districtCode: 396,
            name: 'Sanika',
            ageYears: 10,
            eventDate: '2026-02-09',
          }),
          probability: 0.93,
          explanation: 'name and age agree',
          modelVersion: 'test',
          proposedAt: '2026-03-01T05:00:00.000Z',
          decision: null,
        },
      ],
    });
    const other = await screen.findByTestId('other-side');
    expect(other.textContent).toContain('Madhya Pradesh');
    expect(other.textContent).toContain('Sanika');
    // The other state's record is not a link: this state cannot open it.
    expect(other.querySelector('a')).toBeNull();
    expect(screen.getByTestId('own-side').querySelector('a')?.getAttribute('href')).toBe(
      '/missing/records/aaaaaaaa-1111-4222-8333-444444444444',
    );
    fireEvent.click(screen.getByTestId('national-confirm'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/how the match was checked/);
    expect(stub).toHaveBeenCalledTimes(1); // nothing sent
  });
});
