import { describe, expect, it } from 'vitest';
import { dueEntriesFor } from './due-months';

describe("the grant ledger's due month", () => {
  const p = (id: string, kind: string, startedOn: string, endedOn: string | null = null) => ({ id, kind, startedOn, endedOn });
  it('makes one entry per placement running in the month with a grant, and none for one already recorded', () => {
    const placements = [
      p('running', 'foster', '2026-03-10'),
      p('began-mid-month', 'sponsorship', '2026-12-20'),
      p('ended-in-month', 'aftercare', '2025-01-01', '2026-12-02'),
      p('ended-before', 'foster', '2025-01-01', '2026-11-30'),
      p('later', 'foster', '2027-01-01'),
      p('no-grant', 'kinship', '2026-01-01'),
      p('recorded', 'foster', '2026-01-01'),
    ];
    const out = dueEntriesFor(placements, '2026-12', new Set(['recorded']));
    expect(out.map((e) => e.placementId)).toEqual(['running', 'began-mid-month', 'ended-in-month']);
    expect(out[0]).toMatchObject({ month: '2026-12', amount: 4000, rateVersion: 'mission-vatsalya-2022@2022-04-01' });
    // Idempotent: with these recorded, nothing more.
    expect(dueEntriesFor(placements, '2026-12', new Set(['recorded', ...out.map((e) => e.placementId)]))).toEqual([]);
  });
});

describe('back-filled months', () => {
  it('prices each missed month at the rate in force in that month, and skips months before any rate or kinds without a grant', async () => {
    const { backfillEntries } = await import('./due-months');
    const { setGrantRates, grantRates } = await import('./grants');
    const base = grantRates();
    setGrantRates({ ...base, rates: [...base.rates, { kind: 'foster', from: '2026-11-01', monthly: 4500 }] });
    try {
      const out = backfillEntries([
        { placementId: 'p', kind: 'foster', month: '2026-10' },
        { placementId: 'p', kind: 'foster', month: '2026-11' },
        { placementId: 'p', kind: 'foster', month: '2021-01' },
        { placementId: 'k', kind: 'kinship', month: '2026-10' },
      ]);
      expect(out.map((e) => [e.month, e.amount])).toEqual([
        ['2026-10', 4000],
        ['2026-11', 4500],
      ]);
    } finally {
      setGrantRates(null);
    }
  });
});
