// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderWithApp } from '../../test/harness';
import { MODULES, navFor } from '../../app/modules';
import { ROLE_PERMISSIONS } from '../../../../src/access/roles';
import { CONVERGENCE_TRANSLATIONS } from './i18n';
import { AccountabilityView } from './AccountabilityPage';
import type { Accountability } from './types';
import { flatten as flat } from '../../test/translations';

describe('convergence screens: translations', () => {
  const langs = { en: flat(CONVERGENCE_TRANSLATIONS.en), hi: flat(CONVERGENCE_TRANSLATIONS.hi), mr: flat(CONVERGENCE_TRANSLATIONS.mr) };
  it('Hindi and Marathi have every English string, with the same placeholders, in Devanagari', () => {
    const keys = [...langs.en.keys()].sort();
    for (const lang of ['hi', 'mr'] as const) {
      expect([...langs[lang].keys()].sort()).toEqual(keys);
      for (const [k, v] of langs.en) {
        const holes = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join();
        expect(holes(langs[lang].get(k)!), `${lang} ${k}`).toBe(holes(v));
        expect(/[\u0900-\u097F]/.test(langs[lang].get(k)!), `${lang} ${k}`).toBe(true);
      }
    }
  });

  it('offers the convergence screens by permission: a nodal officer gets actions, not coverage; a village worker the Bal Panchayat page', () => {
    const paths = (role: keyof typeof ROLE_PERMISSIONS) => navFor(MODULES, ROLE_PERMISSIONS[role]).map((n) => n.to);
    expect(paths('nodal_officer')).toEqual(expect.arrayContaining(['/convergence', '/convergence/actions', '/convergence/accountability']));
    expect(paths('nodal_officer')).not.toContain('/convergence/coverage');
    expect(paths('frontline_worker')).toContain('/convergence/bal-panchayat');
    expect(paths('frontline_worker')).not.toContain('/convergence');
    expect(paths('dcpu_officer')).toEqual(expect.arrayContaining(['/convergence/coverage', '/convergence/matrix']));
  });
});

const SAMPLE: Accountability = {
  asOf: '2026-11-23',
  from: '2026-10',
  to: '2026-11',
  groups: [{ id: 'g', name: 'Amravati District Convergence Group', level: 'district' }],
  rows: [],
  summary: [
    {
      department: 'LABOUR',
      assigned: 3,
      doneOnTime: 0,
      doneLate: 1,
      overdueAtEnd: 2,
      overdueAtEndEarlier: 1,
      avgDaysLate: 58.5,
      onTimeRate: 0,
      attendanceRate: 0.33,
    },
    {
      department: 'DWCD',
      assigned: 3,
      doneOnTime: 3,
      doneLate: 0,
      overdueAtEnd: 0,
      overdueAtEndEarlier: 0,
      avgDaysLate: null,
      onTimeRate: 1,
      attendanceRate: 1,
    },
  ],
  trend: {
    metric: 'overdue',
    months: ['2026-10', '2026-11'],
    series: [
      { department: 'LABOUR', values: [2, 2] },
      { department: 'DWCD', values: [0, 0] },
    ],
  },
  chart: [
    { month: '2026-10', LABOUR: 2, DWCD: 0 },
    { month: '2026-11', LABOUR: 2, DWCD: 0 },
  ],
  attendance: [
    {
      groupId: 'g',
      group: 'Amravati District Convergence Group',
      departments: [
        {
          department: 'LABOUR',
          expected: 6,
          attended: 2,
          rate: 0.33,
          consecutiveAbsences: 4,
          longestAbsenceRun: 4,
          lastAttended: '2026-07-06',
          absentOn: [],
          irregular: true,
        },
      ],
    },
  ],
};

describe('accountability view', () => {
  afterEach(cleanup);
  it('shows the summary with department names and figures in Marathi', async () => {
    await renderWithApp(<AccountabilityView a={SAMPLE} metric="overdue" />, 'mr');
    expect(screen.getAllByText('कामगार विभाग').length).toBeGreaterThan(0);
    expect(screen.getByText('महिला व बाल विकास विभाग')).toBeTruthy();
    expect(screen.getByText('वेळेत पूर्ण')).toBeTruthy();
    expect(screen.getByText(/^(58\.5|५८\.५)$/)).toBeTruthy();
    expect(screen.getByText('कामगार विभाग: 2/6')).toBeTruthy();
    expect(screen.getByTestId('accountability-chart')).toBeTruthy();
  });

  it('splits overdue into assigned in the period and earlier, and says why the columns need not add up', async () => {
    await renderWithApp(<AccountabilityView a={SAMPLE} metric="overdue" />, 'en');
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Overdue: assigned in the period', 'Overdue: assigned earlier']));
    const labour = screen.getAllByRole('row').find((r) => r.textContent?.startsWith('Labour'))!;
    const cells = [...labour.querySelectorAll('td')].map((c) => c.textContent);
    // 3 assigned = 0 on time + 1 late + 1 overdue of the period (+ 1 overdue from earlier).
    expect(cells.slice(1, 6)).toEqual(['3', '0', '1', '1', '1']);
    expect(screen.getByText(/including actions assigned before the period/)).toBeTruthy();
  });
});
