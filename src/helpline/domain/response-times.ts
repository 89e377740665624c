/**
 * Response times of submitted calls, pure: the minutes from the call (received) to the child
 * reached, against the call's target. A call with a target counts as "due" once its time is up
 * (reached, or the target has passed unreached); the within-target share is over due calls,
 * so a call still inside its window neither helps nor hurts.
 */
export interface TimedCall {
  receivedAt: Date;
  reachedAt: Date | null;
  targetMinutes: number | null;
  categories: readonly string[];
  route: string | null;
  /** The responder's steps (migrations/0740), when recorded. */
  dispatchedAt?: Date | null;
  onTheWayAt?: Date | null;
}

export const minutesBetween = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 60_000));

/** Nearest-rank percentile of sorted numbers (p in (0, 100]); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median (mean of the two middle values for an even count); null for none. */
export function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export function isOverdue(c: Pick<TimedCall, 'receivedAt' | 'reachedAt' | 'targetMinutes'>, now: Date): boolean {
  return c.targetMinutes != null && !c.reachedAt && now.getTime() > c.receivedAt.getTime() + c.targetMinutes * 60_000;
}

/** Not yet overdue, but the target is at most `warnMinutes` away and the child not reached. */
export function isDueSoon(c: Pick<TimedCall, 'receivedAt' | 'reachedAt' | 'targetMinutes'>, now: Date, warnMinutes: number): boolean {
  if (c.targetMinutes == null || c.reachedAt || isOverdue(c, now)) return false;
  return c.receivedAt.getTime() + (c.targetMinutes - warnMinutes) * 60_000 <= now.getTime();
}

export interface Figures {
  calls: number;
  withTarget: number;
  reached: number;
  reachedWithinTarget: number;
  withinTargetPercent: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Minutes from the call to a responder assigned, and to the responder on the way (the steps recorded). */
  medianMinutesToDispatch: number | null;
  medianMinutesToOnTheWay: number | null;
  p90MinutesToOnTheWay: number | null;
}

export function figures(calls: readonly TimedCall[], now: Date): Figures {
  const withTarget = calls.filter((c) => c.targetMinutes != null);
  const reached = calls.filter((c) => c.reachedAt);
  const minutes = reached.map((c) => minutesBetween(c.receivedAt, c.reachedAt!)).sort((a, b) => a - b);
  const within = withTarget.filter((c) => c.reachedAt && minutesBetween(c.receivedAt, c.reachedAt) <= c.targetMinutes!);
  const due = withTarget.filter((c) => c.reachedAt || isOverdue(c, now));
  const stepMinutes = (pick: (c: TimedCall) => Date | null | undefined) =>
    calls
      .filter((c) => pick(c))
      .map((c) => minutesBetween(c.receivedAt, pick(c)!))
      .sort((a, b) => a - b);
  const toDispatch = stepMinutes((c) => c.dispatchedAt);
  const toOnTheWay = stepMinutes((c) => c.onTheWayAt);
  return {
    calls: calls.length,
    withTarget: withTarget.length,
    reached: reached.length,
    reachedWithinTarget: within.length,
    withinTargetPercent: due.length ? Math.round((1000 * within.length) / due.length) / 10 : null,
    medianMinutes: median(minutes),
    p90Minutes: percentile(minutes, 90),
    medianMinutesToDispatch: median(toDispatch),
    medianMinutesToOnTheWay: median(toOnTheWay),
    p90MinutesToOnTheWay: percentile(toOnTheWay, 90),
  };
}

/** Figures per key (a call with several categories counts under each). */
export function figuresBy(calls: readonly TimedCall[], keys: (c: TimedCall) => readonly string[], now: Date) {
  const groups = new Map<string, TimedCall[]>();
  for (const c of calls) for (const k of keys(c)) groups.set(k, [...(groups.get(k) ?? []), c]);
  return [...groups.entries()]
    .map(([key, cs]) => {
      const f = figures(cs, now);
      return { key, calls: f.calls, reached: f.reached, withinTarget: f.reachedWithinTarget, medianMinutes: f.medianMinutes };
    })
    .sort((a, b) => b.calls - a.calls || a.key.localeCompare(b.key));
}
