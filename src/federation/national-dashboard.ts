import type { Database } from '../db/client';
import { ensureFresh } from '../dashboards/summary.repository';
import { dashboardSubscription } from './setup';

/**
 * The national dashboard (issue #19): each state's and district's figures read at the nation from
 * the counts every state publishes (federation.sql.ts DASHBOARD_TABLES, publication
 * dashboard_national) and, for missing and found children, from the open records the nation holds
 * for matching (missing_national). Nothing about a single child is read here: the nation has no
 * such row. Each state says when its figures were computed and when they arrived, and whether its
 * subscription is receiving, so a state that stopped publishing shows as stale, not as zeros.
 */
export const FIGURES = [
  'children_identified',
  'children_assessed',
  'children_open_case',
  'children_scheme_linked',
  'children_in_institutional_care',
  'children_in_family_based_care',
  'missing_open',
  'found_open',
  'helpline_calls',
  'helpline_reached_in_target',
  'helpline_reached_late',
  'helpline_not_reached',
] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number>;

export interface DistrictFigures {
  districtCode: number;
  name: string;
  figures: Figures;
}

export interface StateFigures {
  stateCode: number;
  name: string;
  /** When the state computed its children's figures (the state's refresh, its clock). */
  figuresAt: string | null;
  /** When they arrived at the nation (the nation's clock). */
  receivedAt: string | null;
  /** The nation's subscription to the state's figures: null when there is none. */
  subscription: { name: string; enabled: boolean; receiving: boolean; lastMessageAt: string | null } | null;
  stale: boolean;
  /** Why the state's figures are not current: none when fresh. */
  staleReasons: string[];
  figures: Figures;
  districts: DistrictFigures[];
}

export interface NationalDashboard {
  asOf: string;
  maxAgeMinutes: number;
  states: StateFigures[];
  total: Figures;
}

/**
 * A state's figures refreshed now: the dashboards' own refresh (changes since the last one), whose
 * commit moves national_figures_at with the counts; logical replication carries both to the nation.
 * The state's app refreshes on every dashboard read older than DASHBOARD_MAX_AGE_SECONDS as well.
 */
export const publishStateFigures = (state: Database): Promise<Date> => ensureFresh(state.db, 0);

const zero = (): Figures => Object.fromEntries(FIGURES.map((f) => [f, 0])) as Figures;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** Per state and district, the figures of each source (rows with zero counts left as zero). */
async function districtRows(nation: Database): Promise<Map<string, Partial<Figures>>[]> {
  type Row = Record<string, number | string | null>;
  const sources: string[] = [
    // The children's totals: one row per district and combination of facts (flags bits, migration 0840).
    `SELECT state_code, district_code, sum(n)::int AS children_identified,
            COALESCE(sum(n) FILTER (WHERE flags & 1 = 1), 0)::int AS children_assessed,
            COALESCE(sum(n) FILTER (WHERE flags & 2 = 2), 0)::int AS children_open_case,
            COALESCE(sum(n) FILTER (WHERE flags & 16 = 16), 0)::int AS children_scheme_linked
       FROM dash_child_count WHERE fact = '' GROUP BY 1, 2`,
    `SELECT state_code, district_code,
            COALESCE(sum(n) FILTER (WHERE kind = 'institution'), 0)::int AS children_in_institutional_care,
            COALESCE(sum(n) FILTER (WHERE kind = 'family'), 0)::int AS children_in_family_based_care
       FROM dash_care_now_count GROUP BY 1, 2`,
    // Open records only reach the nation (the publication's row filter): open is what it holds.
    `SELECT state_code, district_code,
            count(*) FILTER (WHERE kind = 'missing')::int AS missing_open,
            count(*) FILTER (WHERE kind = 'found')::int AS found_open
       FROM missing_record WHERE status = 'open' GROUP BY 1, 2`,
    `SELECT state_code, district_code, sum(n)::int AS helpline_calls,
            COALESCE(sum(n) FILTER (WHERE outcome = 'in_target'), 0)::int AS helpline_reached_in_target,
            COALESCE(sum(n) FILTER (WHERE outcome = 'late'), 0)::int AS helpline_reached_late,
            COALESCE(sum(n) FILTER (WHERE outcome = 'open'), 0)::int AS helpline_not_reached
       FROM dash_helpline_count GROUP BY 1, 2`,
  ];
  const results = await Promise.all(sources.map((s) => nation.query<Row>(s)));
  return results.map((rows) => {
    const m = new Map<string, Partial<Figures>>();
    for (const r of rows) {
      const f: Partial<Figures> = {};
      for (const k of FIGURES) if (k in r) f[k] = Number(r[k]);
      m.set(`${r.state_code}:${r.district_code}`, f);
    }
    return m;
  });
}

function add(into: Figures, f: Partial<Figures>): void {
  for (const k of FIGURES) into[k] += f[k] ?? 0;
}

/**
 * The national dashboard as the nation's database holds it now. `now` is the caller's clock (the
 * staleness is judged against it); a state is stale when it has published nothing, when its
 * figures were computed more than `maxAgeMinutes` before `now`, or when the nation's subscription
 * to it is disabled or not receiving.
 */
export async function nationalDashboard(nation: Database, opts: { now: Date; maxAgeMinutes?: number }): Promise<NationalDashboard> {
  const maxAgeMinutes = opts.maxAgeMinutes ?? 30;
  const [perSource, times, subs, places] = await Promise.all([
    districtRows(nation),
    nation.query<{ state_code: number; figures_at: Date | string; received_at: Date | string }>(
      'SELECT state_code, figures_at, received_at FROM national_figures_at',
    ),
    // pg_stat_subscription has a row per subscription, its pid null while no worker runs.
    nation.query<{ subname: string; subenabled: boolean; pid: number | null; last_msg_receipt_time: Date | string | null }>(
      `SELECT s.subname, s.subenabled, w.pid, w.last_msg_receipt_time
         FROM pg_subscription s
         LEFT JOIN pg_stat_subscription w ON w.subid = s.oid AND w.relid IS NULL
        WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.subname LIKE 'dashboard\\_from\\_%'`,
    ),
    nation.query<{ id: string; name: string }>("SELECT id, name FROM location WHERE level IN ('state', 'district')"),
  ]);
  const name = new Map(places.map((p) => [p.id, p.name]));
  const codes = new Set<number>();
  const subOf = new Map<number, (typeof subs)[number]>();
  for (const s of subs) {
    const code = Number(s.subname.slice('dashboard_from_'.length));
    if (Number.isInteger(code) && dashboardSubscription(code) === s.subname) {
      subOf.set(code, s);
      codes.add(code);
    }
  }
  const timeOf = new Map(times.map((t) => [Number(t.state_code), t]));
  for (const c of timeOf.keys()) codes.add(c);
  const districtsOf = new Map<number, Map<number, Figures>>();
  for (const m of perSource)
    for (const [key, f] of m) {
      const [s, d] = key.split(':').map(Number);
      codes.add(s);
      const ds = districtsOf.get(s) ?? new Map<number, Figures>();
      const figures = ds.get(d) ?? zero();
      add(figures, f);
      ds.set(d, figures);
      districtsOf.set(s, ds);
    }
  const total = zero();
  const states: StateFigures[] = [...codes]
    .sort((a, b) => a - b)
    .map((code) => {
      const t = timeOf.get(code);
      const sub = subOf.get(code);
      const figuresAt = iso(t?.figures_at);
      const staleReasons: string[] = [];
      if (!t) staleReasons.push('no figures received from this state');
      else if (opts.now.getTime() - new Date(figuresAt!).getTime() > maxAgeMinutes * 60_000)
        staleReasons.push(`figures computed more than ${maxAgeMinutes} minutes ago`);
      if (!sub) staleReasons.push('no subscription to this state');
      else if (!sub.subenabled) staleReasons.push('subscription disabled');
      else if (sub.pid == null) staleReasons.push('subscription not receiving (no connection to the state)');
      const districts = [...(districtsOf.get(code) ?? new Map<number, Figures>())]
        .map(([districtCode, figures]) => ({ districtCode, name: name.get(`di:${districtCode}`) ?? String(districtCode), figures }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const figures = zero();
      for (const d of districts) add(figures, d.figures);
      add(total, figures);
      return {
        stateCode: code,
        name: name.get(`st:${code}`) ?? String(code),
        figuresAt,
        receivedAt: iso(t?.received_at),
        subscription: sub
          ? { name: sub.subname, enabled: sub.subenabled, receiving: sub.pid != null, lastMessageAt: iso(sub.last_msg_receipt_time) }
          : null,
        stale: staleReasons.length > 0,
        staleReasons,
        figures,
        districts,
      };
    });
  return { asOf: opts.now.toISOString(), maxAgeMinutes, states, total };
}
