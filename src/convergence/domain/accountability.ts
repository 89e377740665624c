/**
 * Department accountability, month by month, for the DCWPC and the Mission Vatsalya
 * monthly review (the seed recommends reporting convergence there).
 *
 * Definitions (each month M, with snapshot S = the last day of M, or `asOf` for the month
 * in progress):
 * - assigned:   items whose meeting (assignedOn) falls in M.
 * - doneOnTime: items whose completion in force at S is dated in M and on or before the due
 *               date (the due date is inclusive). A completion reopened before S does not count.
 * - doneLate:   the same, completed after the due date.
 * - overdue:    items not done at S whose due date is before S (a snapshot, not a flow: an
 *               item overdue for three months is counted in each of them). So the columns
 *               don't add up: overdue includes items assigned before M, counted apart as
 *               overdueEarlier (issue #17 saw "4 assigned, 1 on time + 2 late + 3 overdue").
 * - avgDaysLate: mean lateness over the late completions in M (days from due date to
 *               completion) AND the items overdue at S (days from due date to S). Counting
 *               still-open items is deliberate: an average over completions alone would
 *               reward leaving late work undone.
 * - avgDaysLateCompleted: the same mean over late completions only, for comparison.
 * - onTimeRate: on-time completions over everything that was due: completions in M plus the
 *               items overdue at S (issue #17 saw "100% on time" beside an overdue item: a rate
 *               over completions alone rewards leaving late work undone, as avgDaysLate says).
 * - attendance: held meetings in M of groups where the department had a seat.
 */
import { actionState, type ActionItem } from './actions';
import { daysBetween, minDate, monthEnd, monthOf, monthRange, monthStart } from './dates';
import { departmentPresence, type ConvergenceGroup, type Meeting } from './group';
import { DEPARTMENT_KINDS, type DepartmentKind, type IsoDate, type IsoMonth } from './types';

export interface AccountabilityInputs {
  actions: ActionItem[];
  groups: ConvergenceGroup[];
  meetings: Meeting[];
  fromMonth: IsoMonth;
  toMonth: IsoMonth;
  /** Today: months after it are left out and the current month is measured up to it. */
  asOf: IsoDate;
  /** Departments to report even with no activity (defaults to every department with a seat or an action). */
  departments?: DepartmentKind[];
}

export interface DepartmentMonth {
  month: IsoMonth;
  department: DepartmentKind;
  snapshot: IsoDate;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** Of `overdue`, the items assigned before M (the rest were assigned in M). */
  overdueEarlier: number;
  /** Of `overdue`, the items assigned before the period's first month (for the period summary). */
  overdueBeforePeriod: number;
  avgDaysLate: number | null;
  avgDaysLateCompleted: number | null;
  /** Sum of days late over this month's late completions (for pooling across months). */
  lateDaysCompleted: number;
  /** Sum of days past due over the items overdue at the snapshot. */
  overdueDays: number;
  /** Share of completions on time; null with no completions. */
  onTimeRate: number | null;
  meetingsExpected: number;
  meetingsAttended: number;
  attendanceRate: number | null;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);
const deptOrder = (d: DepartmentKind) => DEPARTMENT_KINDS.indexOf(d);

export function accountabilityByMonth(inputs: AccountabilityInputs): DepartmentMonth[] {
  const lastMonth = monthOf(inputs.asOf) < inputs.toMonth ? monthOf(inputs.asOf) : inputs.toMonth;
  const months = monthRange(inputs.fromMonth, lastMonth);
  const departments = new Set<DepartmentKind>(inputs.departments ?? []);
  if (!inputs.departments) {
    for (const g of inputs.groups) for (const m of g.members) departments.add(m.department);
    for (const a of inputs.actions) departments.add(a.department);
  }
  const groups = new Map(inputs.groups.map((g) => [g.id, g]));
  const periodStart = monthStart(inputs.fromMonth);
  const rows: DepartmentMonth[] = [];
  for (const month of months) {
    const start = monthStart(month);
    const snapshot = minDate(monthEnd(month), inputs.asOf);
    const presence = inputs.meetings
      .filter((m) => m.status === 'held' && m.date >= start && m.date <= snapshot && groups.has(m.groupId))
      .flatMap((m) => departmentPresence(groups.get(m.groupId)!, m));
    for (const department of [...departments].sort((a, b) => deptOrder(a) - deptOrder(b))) {
      const mine = inputs.actions.filter((a) => a.department === department);
      let doneOnTime = 0;
      let doneLate = 0;
      let lateDaysCompleted = 0;
      let overdue = 0;
      let overdueEarlier = 0;
      let overdueBeforePeriod = 0;
      let overdueDays = 0;
      for (const a of mine) {
        if (a.assignedOn > snapshot) continue;
        const state = actionState(a, snapshot);
        if (state.status === 'done') {
          if (state.doneOn! >= start) {
            const late = daysBetween(a.dueDate, state.doneOn!);
            if (late > 0) {
              doneLate += 1;
              lateDaysCompleted += late;
            } else doneOnTime += 1;
          }
        } else if (a.dueDate < snapshot) {
          overdue += 1;
          if (a.assignedOn < start) overdueEarlier += 1;
          if (a.assignedOn < periodStart) overdueBeforePeriod += 1;
          overdueDays += daysBetween(a.dueDate, snapshot);
        }
      }
      const seats = presence.filter((p) => p.department === department);
      const attended = seats.filter((p) => p.present).length;
      rows.push({
        month,
        department,
        snapshot,
        assigned: mine.filter((a) => monthOf(a.assignedOn) === month && a.assignedOn <= snapshot).length,
        doneOnTime,
        doneLate,
        overdue,
        overdueEarlier,
        overdueBeforePeriod,
        avgDaysLate: round1(ratio(lateDaysCompleted + overdueDays, doneLate + overdue)),
        avgDaysLateCompleted: round1(ratio(lateDaysCompleted, doneLate)),
        lateDaysCompleted,
        overdueDays,
        onTimeRate: ratio(doneOnTime, doneOnTime + doneLate + overdue),
        meetingsExpected: seats.length,
        meetingsAttended: attended,
        attendanceRate: ratio(attended, seats.length),
      });
    }
  }
  return rows;
}

export interface DepartmentPeriodSummary {
  department: DepartmentKind;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  /** Overdue at the last snapshot of the period. */
  overdueAtEnd: number;
  /** Of `overdueAtEnd`, the items assigned before the period (not among `assigned`). */
  overdueAtEndEarlier: number;
  /** Pooled: late completions in the period plus items overdue at the end. */
  avgDaysLate: number | null;
  onTimeRate: number | null;
  attendanceRate: number | null;
}

/** One line per department over the whole period (totals, not sums of snapshots). */
export function summariseAccountability(rows: DepartmentMonth[]): DepartmentPeriodSummary[] {
  const byDept = new Map<DepartmentKind, DepartmentMonth[]>();
  for (const r of rows) byDept.set(r.department, [...(byDept.get(r.department) ?? []), r]);
  return [...byDept.entries()]
    .sort(([a], [b]) => deptOrder(a) - deptOrder(b))
    .map(([department, rs]) => {
      const sum = (f: (r: DepartmentMonth) => number) => rs.reduce((s, r) => s + f(r), 0);
      const last = rs.reduce((a, b) => (b.month > a.month ? b : a));
      const onTime = sum((r) => r.doneOnTime);
      const late = sum((r) => r.doneLate);
      return {
        department,
        assigned: sum((r) => r.assigned),
        doneOnTime: onTime,
        doneLate: late,
        overdueAtEnd: last.overdue,
        overdueAtEndEarlier: last.overdueBeforePeriod,
        avgDaysLate: round1(ratio(sum((r) => r.lateDaysCompleted) + last.overdueDays, late + last.overdue)),
        onTimeRate: ratio(onTime, onTime + late + last.overdue),
        attendanceRate: ratio(
          sum((r) => r.meetingsAttended),
          sum((r) => r.meetingsExpected),
        ),
      };
    });
}

export type TrendMetric = 'assigned' | 'doneOnTime' | 'doneLate' | 'overdue' | 'avgDaysLate' | 'onTimeRate' | 'attendanceRate';

export interface TrendSeries {
  metric: TrendMetric;
  months: IsoMonth[];
  series: { department: DepartmentKind; values: (number | null)[] }[];
}

/** One series per department over the months, aligned (null where there is no value). */
export function accountabilityTrend(rows: DepartmentMonth[], metric: TrendMetric): TrendSeries {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const departments = [...new Set(rows.map((r) => r.department))].sort((a, b) => deptOrder(a) - deptOrder(b));
  const at = new Map(rows.map((r) => [`${r.month}|${r.department}`, r]));
  return {
    metric,
    months,
    series: departments.map((department) => ({
      department,
      values: months.map((m) => at.get(`${m}|${department}`)?.[metric] ?? null),
    })),
  };
}

/** The same series as chart rows: [{ month: '2025-01', DWCD: 0.8, HEALTH: 0.5 }, …]. */
export function trendChartData(trend: TrendSeries): Array<{ month: IsoMonth } & Partial<Record<DepartmentKind, number | null>>> {
  return trend.months.map((month, i) => ({
    month,
    ...Object.fromEntries(trend.series.map((s) => [s.department, s.values[i]])),
  }));
}
