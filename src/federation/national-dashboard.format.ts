import { FIGURES, type Figures, type NationalDashboard } from './national-dashboard';

/** `samanvay national-dashboard --format`: a table to read, JSON as returned, CSV one row per district and state. */
export type DashboardFormat = 'table' | 'json' | 'csv';
export const DASHBOARD_FORMATS: readonly DashboardFormat[] = ['table', 'json', 'csv'];

/** Short column heads for the table (the CSV and JSON keep the figures' names). */
const HEADS: Record<(typeof FIGURES)[number], string> = {
  children_identified: 'children',
  children_assessed: 'assessed',
  children_open_case: 'open case',
  children_scheme_linked: 'scheme',
  children_in_institutional_care: 'in CCI',
  children_in_family_based_care: 'in family care',
  missing_open: 'missing',
  found_open: 'found',
  helpline_calls: '1098 calls',
  helpline_reached_in_target: 'in target',
  helpline_reached_late: 'late',
  helpline_not_reached: 'not reached',
};

/** The lines for stderr: each stale state and why, so a stale state is never read as a quiet one. */
export function staleWarnings(d: NationalDashboard): string[] {
  return d.states
    .filter((s) => s.stale)
    .map(
      (s) =>
        `warning: ${s.name} (${s.stateCode}) is stale: ${s.staleReasons.join('; ')}` +
        (s.figuresAt ? ` (figures of ${s.figuresAt}, received ${s.receivedAt})` : ''),
    );
}

const csvCell = (v: string | number | boolean | null) => {
  const s = v == null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csv(d: NationalDashboard): string {
  const head = ['state_code', 'state', 'district_code', 'district', ...FIGURES, 'figures_at', 'received_at', 'stale'];
  const line = (cells: (string | number | boolean | null)[]) => cells.map(csvCell).join(',');
  const out = [line(head)];
  for (const s of d.states) {
    const tail = [s.figuresAt, s.receivedAt, s.stale];
    for (const x of s.districts)
      out.push(line([s.stateCode, s.name, x.districtCode, x.name, ...FIGURES.map((f) => x.figures[f]), ...tail]));
    out.push(line([s.stateCode, s.name, null, '(state)', ...FIGURES.map((f) => s.figures[f]), ...tail]));
  }
  out.push(line([null, '(India)', null, null, ...FIGURES.map((f) => d.total[f]), null, null, d.states.some((s) => s.stale)]));
  return `${out.join('\n')}\n`;
}

function table(d: NationalDashboard): string {
  const rows: string[][] = [['', ...FIGURES.map((f) => HEADS[f])]];
  const figs = (f: Figures) => FIGURES.map((k) => String(f[k]));
  const notes: string[] = [];
  for (const s of d.states) {
    rows.push([`${s.name} (${s.stateCode})${s.stale ? ' STALE' : ''}`, ...figs(s.figures)]);
    for (const x of s.districts) rows.push([`  ${x.name}`, ...figs(x.figures)]);
    notes.push(
      `${s.name}: figures of ${s.figuresAt ?? '—'}, received ${s.receivedAt ?? '—'}${s.stale ? ` — STALE: ${s.staleReasons.join('; ')}` : ''}`,
    );
  }
  rows.push(['India', ...figs(d.total)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const text = rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
  return [`National dashboard as of ${d.asOf} (stale after ${d.maxAgeMinutes} min)`, ...text, '', ...notes, ''].join('\n');
}

export function formatDashboard(d: NationalDashboard, format: DashboardFormat): string {
  if (format === 'json') return `${JSON.stringify(d, null, 2)}\n`;
  return format === 'csv' ? csv(d) : table(d);
}
