import type { CallCategory, Route, Urgency } from './vocabulary';
import { ROUTES } from './vocabulary';

/**
 * Triage of a 1098 call: pure, no I/O. The rules are data (../triage.data.ts, per state and
 * versioned, validated at load): each rule names categories and urgencies it applies to, the
 * route it sends the call on and the minutes within which the child must be reached. A call
 * with several categories takes, of the rules that match any of them, the tightest target, and
 * the route of the rule ranked first in ROUTE_PRECEDENCE (the police before the district unit:
 * a child in danger is not made to wait for a softer route).
 */
export interface TriageRule {
  id: string;
  categories: readonly CallCategory[];
  urgencies: readonly Urgency[];
  route: Route;
  /** Minutes from the call to the child being reached; null: no field response (advice). */
  targetMinutes: number | null;
  /** Girl child only (e.g. 181 for a girl at risk with her mother). */
  girlOnly?: boolean;
  /** Only a call at a railway station (the call's `atStation` flag): the railway child help desk. */
  stationOnly?: boolean;
}

export interface TriageTable {
  state: number;
  version: string;
  effectiveFrom: string;
  source: string;
  rules: readonly TriageRule[];
  /** When no rule matches. */
  fallback: { route: Route; targetMinutes: number | null };
  /** Minutes before a target that the queue warns (the call turns amber). */
  warnBeforeMinutes: number;
}

export interface TriageInput {
  categories: readonly CallCategory[];
  urgency: Urgency;
  anyGirl?: boolean;
  /** The child is at (or was found at) a railway station. */
  atStation?: boolean;
}

export interface TriageDecision {
  route: Route;
  targetMinutes: number | null;
  /** Every route any matching rule named (e.g. police and 181 both alerted), in precedence order. */
  alsoNotify: Route[];
  ruleIds: string[];
  table: { state: number; version: string; source: string };
}

/** Which route wins when rules disagree: the one that reaches a child in danger soonest. */
export const ROUTE_PRECEDENCE: readonly Route[] = ['police_112', 'railway_desk', 'womens_181', 'district_unit', 'cwc', 'advice_only'];

const rank = (r: Route) => ROUTE_PRECEDENCE.indexOf(r);

export function triage(table: TriageTable, input: TriageInput): TriageDecision {
  const matching = table.rules.filter(
    (r) =>
      r.urgencies.includes(input.urgency) &&
      r.categories.some((c) => input.categories.includes(c)) &&
      (!r.girlOnly || input.anyGirl) &&
      (!r.stationOnly || input.atStation),
  );
  const meta = { state: table.state, version: table.version, source: table.source };
  if (!matching.length) return { ...table.fallback, alsoNotify: [], ruleIds: [], table: meta };
  const routes = [...new Set(matching.map((r) => r.route))].sort((a, b) => rank(a) - rank(b));
  const targets = matching.map((r) => r.targetMinutes).filter((m): m is number => m != null);
  return {
    route: routes[0],
    targetMinutes: targets.length ? Math.min(...targets) : null,
    alsoNotify: routes.slice(1),
    ruleIds: matching.map((r) => r.id),
    table: meta,
  };
}

export const isRoute = (s: string): s is Route => (ROUTES as readonly string[]).includes(s);
