import { describe, expect, it } from 'vitest';
import { FIGURES, type Figures, type NationalDashboard } from './national-dashboard';
import { formatDashboard, staleWarnings } from './national-dashboard.format';

const figs = (n: number): Figures => Object.fromEntries(FIGURES.map((f, i) => [f, n + i])) as Figures;

const dashboard: NationalDashboard = {
  asOf: '2026-11-20T06:30:00.000Z',
  maxAgeMinutes: 30,
  total: figs(30),
  states: [
    {
      stateCode: 27,
      name: 'Maharashtra',
      figuresAt: '2026-11-20T06:29:00.000Z',
      receivedAt: '2026-11-20T06:29:01.000Z',
      subscription: { name: 'dashboard_from_27', enabled: true, receiving: true, lastMessageAt: '2026-11-20T06:30:00.000Z' },
      stale: false,
      staleReasons: [],
      figures: figs(10),
      districts: [{ districtCode: 468, name: 'Amravati, "east"', figures: figs(10) }],
    },
    {
      stateCode: 23,
      name: 'Madhya Pradesh',
      figuresAt: null,
      receivedAt: null,
      subscription: null,
      stale: true,
      staleReasons: ['no figures received from this state', 'no subscription to this state'],
      figures: figs(0),
      districts: [],
    },
  ],
};

describe('national dashboard output', () => {
  it('warns of each stale state with its reasons, and of no fresh one', () => {
    expect(staleWarnings(dashboard)).toEqual([
      'warning: Madhya Pradesh (23) is stale: no figures received from this state; no subscription to this state',
    ]);
  });

  it('writes CSV: a row per district, per state and for India, quoted where needed', () => {
    const lines = formatDashboard(dashboard, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe(['state_code', 'state', 'district_code', 'district', ...FIGURES, 'figures_at', 'received_at', 'stale'].join(','));
    expect(lines[1]).toBe(
      `27,Maharashtra,468,"Amravati, ""east""",${FIGURES.map((_, i) => 10 + i).join(',')},2026-11-20T06:29:00.000Z,2026-11-20T06:29:01.000Z,false`,
    );
    expect(lines[2].startsWith('27,Maharashtra,,(state),10,')).toBe(true);
    expect(lines[3]).toBe(`23,Madhya Pradesh,,(state),${FIGURES.map((_, i) => i).join(',')},,,true`);
    expect(lines[4]).toBe(`,(India),,,${FIGURES.map((_, i) => 30 + i).join(',')},,,true`);
  });

  it('marks a stale state in the table and says why; JSON is the dashboard itself', () => {
    const table = formatDashboard(dashboard, 'table');
    expect(table).toMatch(/^Madhya Pradesh \(23\) STALE +0 +1 /m);
    expect(table).toContain('Madhya Pradesh: figures of —, received — — STALE: no figures received from this state');
    expect(table).toMatch(/^India +30 +31 /m);
    expect(JSON.parse(formatDashboard(dashboard, 'json'))).toEqual(dashboard);
  });
});
