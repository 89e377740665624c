import { describe, expect, it } from 'vitest';
import { computeOutcomes, monthEnd, monthsBetween, type StepFact } from './outcomes';

const step = (id: string, over: Partial<StepFact>, status: StepFact['status'], on: string): StepFact => ({
  id,
  familyId: 'f1',
  childId: 'c1',
  subject: 'child',
  schemeId: 'bsy',
  key: 'v1',
  status,
  on,
  ...over,
});

describe('outcome figures from steps', () => {
  it('lists months and their last days', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthEnd('2024-02', '2030-01-01')).toBe('2024-02-29');
    expect(monthEnd('2026-11', '2026-11-20')).toBe('2026-11-20');
  });

  it('a family is linked from its first sanction; a child receives from the receiving step until stopped', () => {
    const steps: StepFact[] = [
      step('a', {}, 'identified', '2025-08-01'),
      step('a', {}, 'applied', '2025-09-10'),
      step('a', {}, 'sanctioned', '2025-10-20'),
      step('a', {}, 'receiving', '2025-11-05'),
      step('a', {}, 'stopped', '2026-01-15'),
      step('b', { familyId: 'f2', childId: null, subject: 'family', schemeId: 'nfbs', key: 'v2' }, 'identified', '2025-08-01'),
      step('b', { familyId: 'f2', childId: null, subject: 'family', schemeId: 'nfbs', key: 'v2' }, 'applied', '2025-08-20'),
      // applied but never sanctioned in the period: not linked
      step('c', { familyId: 'f3', childId: 'c3', key: 'v2' }, 'identified', '2025-08-01'),
    ];
    const out = computeOutcomes({
      from: '2025-08-01',
      to: '2026-02-28',
      families: [
        { key: 'v1', n: 3 },
        { key: 'v2', n: 4 },
      ],
      steps,
      secured: [
        { key: 'v1', month: '2025-09', docType: 'caste_certificate', n: 2 },
        { key: 'v2', month: '2025-10', docType: 'parent_death_certificate', n: 1 },
      ],
    });
    const byMonth = Object.fromEntries(out.all.months.map((m) => [m.month, m]));
    expect(byMonth['2025-09'].familiesLinked).toBe(0);
    expect(byMonth['2025-10']).toMatchObject({ familiesLinked: 1, newlyLinked: 1, childrenReceivingAny: 0 });
    expect(byMonth['2025-11'].childrenReceiving).toEqual({ bsy: 1 });
    expect(byMonth['2026-01'].childrenReceiving).toEqual({ bsy: 0 });
    expect(byMonth['2026-01'].familiesLinked).toBe(1); // a link once made stays made
    expect(out.all).toMatchObject({
      families: 7,
      familiesLinked: 1,
      documentsSecured: 3,
      certificatesSecured: 3,
      documentsSecuredByType: { caste_certificate: 2, parent_death_certificate: 1 },
    });
    expect(out.all.applicationsByStatus).toEqual({ stopped: 1, applied: 1, identified: 1 });
    expect(out.areas.map((a) => [a.key, a.families, a.familiesLinked, a.documentsSecured])).toEqual([
      ['v1', 3, 1, 2],
      ['v2', 4, 0, 1],
    ]);
  });
});
