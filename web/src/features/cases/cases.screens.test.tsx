// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { renderWithApp, ME } from '../../test/harness';
import { MODULES, navFor } from '../../app/modules';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { DEFAULT_TIMELINE_CONFIG, deriveCase, type CaseAction } from '../../../../src/cases/domain';
import { make, hoursAfter, T0, UNITS } from '../../../../src/cases/domain/testkit';
import type { Me } from '../../api/types';
import { CASES_TRANSLATIONS } from './i18n';
import { availableActions } from './availability';
import { CaseView } from './CasePage';
import type { CaseFull } from './types';
import { flatten as flat } from '../../test/translations';

describe('case screens: translations and menu', () => {
  const langs = { en: flat(CASES_TRANSLATIONS.en), hi: flat(CASES_TRANSLATIONS.hi), mr: flat(CASES_TRANSLATIONS.mr) };
  it('Hindi and Marathi have every English string, with the same placeholders, in Devanagari', () => {
    const keys = [...langs.en.keys()].sort();
    for (const lang of ['hi', 'mr'] as const) {
      expect([...langs[lang].keys()].sort()).toEqual(keys);
      for (const [k, v] of langs.en) {
        const holes = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join();
        expect(holes(langs[lang].get(k)!), `${lang} ${k}`).toBe(holes(v));
        expect(/[\u0900-\u097F]/.test(langs[lang].get(k)!) || /^[\d\sA-Z(),.]+$/.test(langs[lang].get(k)!), `${lang} ${k}`).toBe(true);
      }
    }
  });

  it('offers case screens by permission: a department sees its referrals and tasks, not the case list', () => {
    const paths = (role: keyof typeof ROLE_PERMISSIONS) => navFor(MODULES, ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(paths('nodal_officer')).toEqual(expect.arrayContaining(['/tasks', '/case-referrals']));
    expect(paths('nodal_officer')).not.toContain('/cases');
    expect(paths('caseworker')).toEqual(expect.arrayContaining(['/cases', '/tasks', '/alerts']));
    expect(paths('caseworker')).not.toContain('/case-referrals');
    expect(paths('auditor')).toContain('/cases');
  });
});

// A case the domain's own builders produce: village intake, escalated to the DCPU.
const actions: CaseAction[] = [
  make('intake', { at: T0, by: 'user:aww', unit: UNITS.vcpc }),
  make('escalation', {
    at: hoursAfter(2),
    by: 'user:aww',
    unit: UNITS.vcpc,
    fromLevel: 'village',
    toLevel: 'district',
    toUnit: UNITS.dcpu,
  }),
];
const state = deriveCase(actions, DEFAULT_TIMELINE_CONFIG, hoursAfter(30));
const CASE: CaseFull = {
  view: 'full',
  id: '00000000-0000-4000-8000-0000000000c1',
  number: 42,
  version: 2,
  child: { id: 'child:1', name: 'Sakshi Ingle', nameLocal: 'साक्षी इंगळे', sex: 'female', age: 9, dob: '2017-03-01' },
  familyId: null,
  place: { stateCode: 27, districtCode: 468, subdistrictCode: null, blockCode: null, villageId: null },
  flags: ['escalated', 'production_owed'],
  state,
  history: actions.map((a, i) => ({ seq: i + 1, type: a.type, at: a.at, recordedAt: a.at, by: a.by, unit: a.unit, action: a as never })),
  attachments: [],
  directory: {
    users: { 'user:aww': 'Mangala Pawar' },
    units: { [UNITS.vcpc]: { name: 'VCPC Ganori', kind: 'VCPC' }, [UNITS.dcpu]: { name: 'DCPU Amravati', kind: 'DCPU' } },
  },
};
const dcpo: Me = {
  ...ME,
  role: 'dcpu_officer',
  permissions: [...ROLE_PERMISSIONS.dcpu_officer],
  organisation: { id: UNITS.dcpu, name: 'DCPU Amravati', kind: 'DCPU' },
};
const cwc: Me = {
  ...ME,
  role: 'cwc_member',
  permissions: [...ROLE_PERMISSIONS.cwc_member],
  organisation: { id: UNITS.cwc, name: 'CWC', kind: 'CWC' },
};

describe('what can be done now (the same domain validation as the server)', () => {
  const at = Date.parse(hoursAfter(30));
  it('offers production before the CWC; refuses an SIR that was never ordered, with the reason', () => {
    const a = Object.fromEntries(availableActions(CASE, dcpo, at).map((x) => [x.type, x]));
    expect(a.produced_before_cwc.ok).toBe(true);
    expect(a.escalation.ok).toBe(true);
    expect(a.sir_submitted).toMatchObject({ ok: false, code: 'SIR_NOT_ORDERED' });
    expect(a.review).toMatchObject({ ok: false, code: 'NO_CARE_PLAN' });
    expect(a.reopening).toMatchObject({ ok: false, code: 'NOT_CLOSED' });
    expect(a.referral_accepted).toMatchObject({ ok: false, code: 'UNKNOWN_REFERRAL' });
    // CWC orders are for the CWC only.
    expect(a.cwc_order).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(Object.fromEntries(availableActions(CASE, cwc, at).map((x) => [x.type, x])).sir_ordered).toMatchObject({
      ok: false,
      code: 'NOT_PRODUCED',
    });
  });

  it('a transfer can be decided only by the receiving unit, and withdrawn only by the requesting side', () => {
    const withTransfer = [
      ...actions,
      make('transfer_requested', { at: hoursAfter(3), by: 'user:dcpo', unit: UNITS.dcpu, toDistrictCode: '467', toUnit: UNITS.dcpuAkola }),
    ];
    const c = {
      ...CASE,
      history: withTransfer.map((x, i) => ({
        seq: i + 1,
        type: x.type,
        at: x.at,
        recordedAt: x.at,
        by: x.by,
        unit: x.unit,
        action: x as never,
      })),
      state: deriveCase(withTransfer, DEFAULT_TIMELINE_CONFIG),
    };
    const akola: Me = { ...dcpo, organisation: { id: UNITS.dcpuAkola, name: 'DCPU Akola', kind: 'DCPU' } };
    expect(availableActions(c, dcpo, at).find((x) => x.type === 'transfer_accepted')).toMatchObject({
      ok: false,
      code: 'NOT_TRANSFER_RECIPIENT',
    });
    expect(availableActions(c, akola, at).find((x) => x.type === 'transfer_accepted')?.ok).toBe(true);
    // Withdrawing it is the requesting side's: the receiving unit rejects instead.
    expect(availableActions(c, dcpo, at).find((x) => x.type === 'transfer_cancelled')?.ok).toBe(true);
    expect(availableActions(c, akola, at).find((x) => x.type === 'transfer_cancelled')).toMatchObject({
      ok: false,
      code: 'NOT_TRANSFER_REQUESTER',
    });
  });
});

describe('case page', () => {
  afterEach(cleanup);
  it('shows the status, the overdue production and the history in Marathi', async () => {
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <CaseView c={CASE} /> }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    await renderWithApp(<RouterProvider router={router} />, 'mr');
    await screen.findByTestId('history');
    expect(screen.getAllByText('वर पाठवले').length).toBeGreaterThan(0); // status and the escalation in the history
    expect(screen.getByText('बाल कल्याण समितीसमोर हजर करणे')).toBeTruthy();
    expect(screen.getByTestId('due-list').textContent).toContain('मुदत उलटली');
    expect(screen.getByTestId('history').textContent).toContain('प्राथमिक नोंद');
    expect(screen.getByTestId('history').textContent).toContain('Mangala Pawar');
  });
});
