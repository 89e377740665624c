// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderWithApp } from '../../test/harness';
import '../../app/modules';
import { api } from '../../api/client';
import type { RulesOut } from '../../../../src/law/law.model';
import RulesPage from './RulesPage';

/**
 * The rules-and-sources page (issue #18): each timeline shows its citation, how far it was
 * checked and, for a state's override, whose decision it is; forms that are not orders say so;
 * a scheme version shows its source.
 */
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const RULES: RulesOut = {
  asOf: '2026-12-01',
  stateCode: '27',
  timelines: [
    {
      key: 'escortOrder',
      within: '15 days',
      statutory: true,
      fixed: false,
      trackedOnCases: true,
      trackedBy: 'cases',
      appliesTo: 'from the transfer’s acceptance until the escort order',
      basis: 'JJ Act 2015 s.95(2)',
      source: {
        citation: 'JJ Act 2015 s.95(2); JJ Model Rules 2016 R.81',
        instrument: 'act',
        appliesFrom: '2016-01-15',
        appliesUntil: null,
        verification: 'secondary_source',
      },
      setBy: 'default',
      decidedBy: null,
      inForce: true,
    },
    {
      key: 'caseReview',
      within: '30 days',
      statutory: false,
      fixed: false,
      trackedOnCases: true,
      trackedBy: 'cases',
      appliesTo: 'each open case',
      basis: 'local policy',
      source: {
        citation: 'Samanvay default',
        instrument: 'policy',
        appliesFrom: '2024-01-01',
        appliesUntil: null,
        verification: 'unverified',
      },
      setBy: 'state',
      decidedBy: 'SCPS Maharashtra circular 12/2026',
      inForce: true,
    },
  ],
  orderForms: [{ form: 'form35', title: 'Monthly inspection of foster families', citation: 'R.23(18)', orderTypes: [], isOrder: false }],
  schemes: [],
};

describe('rules and sources page', () => {
  it("shows each timeline's citation and check, and a state's override with whose decision it is", async () => {
    // The page's query runs on mount: the API client answers with the rules (the harness stubs fetch).
    vi.spyOn(api, 'get').mockResolvedValue(RULES);
    await renderWithApp(<RulesPage />);
    const timelines = await screen.findByTestId('rules-timelines');
    expect(within(timelines).getByText('JJ Act 2015 s.95(2); JJ Model Rules 2016 R.81')).toBeTruthy();
    expect(within(timelines).getByText('secondary source only')).toBeTruthy();
    expect(within(timelines).getByText('State override')).toBeTruthy();
    expect(within(timelines).getByText('SCPS Maharashtra circular 12/2026')).toBeTruthy();
    expect(within(screen.getByTestId('rules-order-forms')).getByText('not an order')).toBeTruthy();
  });
});
