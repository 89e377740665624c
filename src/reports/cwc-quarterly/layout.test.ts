import { afterEach, describe, expect, it } from 'vitest';
import { cwcQuarterlyCsv, type CwcQuarterReport } from './cwc-quarterly';
import { CWC_QUARTER_ROWS } from './rows';
import { DEFAULT_LAYOUT, layoutFor, parseLayouts, setCwcQuarterlyLayouts } from './layout';

/**
 * The CWC quarterly report (JJ Act 2015 s.36(4), "in such form as may be prescribed") follows the
 * State's layout as data: its sections, their order and headings; the default elsewhere. A
 * layout naming a figure the report does not compute, or one figure twice, is refused.
 */
afterEach(() => setCwcQuarterlyLayouts(null));

const counts = Object.fromEntries(CWC_QUARTER_ROWS.map((k, i) => [k, i + 1])) as CwcQuarterReport['counts'];
const report = (stateCode: number): CwcQuarterReport => ({
  district: { code: 468, stateCode, name: 'Amravati' },
  quarter: '2026-Q3',
  from: '2026-09-30T18:30:00.000Z',
  to: '2026-12-31T18:30:00.000Z',
  computedAt: '2027-01-02T05:00:00.000Z',
  counts,
  disposedByOrder: { restoration: 2, childrens_home: 1 },
  layout: layoutFor(stateCode),
});
const lines = (buf: Buffer) =>
  buf
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));
const words = (en: string) => ({ en, hi: en, mr: en });
const STATE = {
  stateCode: 27,
  version: 'test-form-1',
  source: { citation: 'a State notification (test)', verification: 'unverified' },
  sections: [
    { id: 'pendency', heading: words('Pendency'), figures: ['pendingAtEnd', 'age.over12Months', 'age.6to12Months'] },
    { id: 'disposal', heading: words('Disposal'), figures: ['disposed', 'disposedByOrder'] },
  ],
};

describe('the CWC quarterly report in the State’s layout', () => {
  it('by default prints every figure, in the default sections, with the final orders by kind', () => {
    const rows = lines(cwcQuarterlyCsv(report(27), 'en'));
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(DEFAULT_LAYOUT.sections.map((s) => s.id)));
    for (const k of CWC_QUARTER_ROWS) expect(rows.find((r) => r[2] === k)?.at(-1), k).toBe(String(counts[k]));
    expect(rows.find((r) => r[2] === 'disposedByOrder.restoration')).toEqual([
      '468',
      '2026-Q3',
      'disposedByOrder.restoration',
      'finalOrders',
      'restoration',
      '2',
    ]);
  });

  it("a State's layout decides the sections, their order and which figures it asks for; other States keep the default", () => {
    setCwcQuarterlyLayouts([STATE]);
    const rows = lines(cwcQuarterlyCsv(report(27), 'en'));
    expect(rows.map((r) => [r[3], r[2]])).toEqual([
      ['pendency', 'pendingAtEnd'],
      ['pendency', 'age.over12Months'],
      ['pendency', 'age.6to12Months'],
      ['disposal', 'disposed'],
      ['disposal', 'disposedByOrder.restoration'],
      ['disposal', 'disposedByOrder.childrens_home'],
    ]);
    expect(report(27).layout).toMatchObject({ version: 'test-form-1', source: { verification: 'unverified' } });
    expect(lines(cwcQuarterlyCsv(report(9), 'en')).length).toBe(CWC_QUARTER_ROWS.length + 2);
  });

  it('refuses a figure the report does not compute, a figure in two sections, and two layouts for one State', () => {
    const bad = (sections: unknown) => () => parseLayouts([{ ...STATE, sections }]);
    expect(bad([{ id: 'x', heading: words('X'), figures: ['childrenRescued'] }])).toThrow();
    expect(
      bad([
        { id: 'a', heading: words('A'), figures: ['disposed'] },
        { id: 'b', heading: words('B'), figures: ['disposed'] },
      ]),
    ).toThrow(/two sections/);
    expect(() => parseLayouts([STATE, STATE])).toThrow(/one layout per state/);
  });
});
