import type { Command } from 'commander';
import type { Database } from '../db/client';
import { HttpError } from '../http/errors';
import { createDueEntries } from './ledger-due.service';
import { sweepFosterLapses } from './foster-lapse.service';
import { applySponsorshipPauses } from './sponsorship/sponsorship.service';

/**
 * `samanvay care-sweep`: runs the care module's daily sweeps now, as the 06:00/06:15 jobs do
 * (care.jobs.ts, sponsorship.jobs.ts): the ledger's 'due' months (back-filling months missed),
 * the school-absence pause of sponsorships, and the foster approval lapse alerts (each raised
 * once per family and lapse, so running it again raises nothing twice). Progress on stderr, the
 * summary on stdout; bad input is said plainly and exits 2. Ids and counts only: no names.
 */
export const CARE_SWEEPS = ['ledger', 'sponsorship-pauses', 'foster-lapses'] as const;
type Sweep = (typeof CARE_SWEEPS)[number];

/** The sweeps named by `--only` (comma-separated), in their daily order; every one without it. */
export function parseSweeps(only: string | undefined): Sweep[] {
  if (only === undefined) return [...CARE_SWEEPS];
  const names = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(CARE_SWEEPS as readonly string[]).includes(n));
  if (!names.length || bad.length)
    throw new HttpError(
      400,
      'validation_failed',
      `only: ${bad.length ? `unknown sweep "${bad.join('", "')}"` : 'name at least one sweep'}; must be one or more of ${CARE_SWEEPS.join(', ')}`,
    );
  return CARE_SWEEPS.filter((s) => names.includes(s));
}

export async function runCareSweeps(database: Database, sweeps: Sweep[], now: Date, log: (line: string) => void) {
  const out: Record<string, unknown> = {};
  for (const [i, s] of sweeps.entries()) {
    log(`care-sweep: ${i + 1}/${sweeps.length} ${s}…`);
    if (s === 'ledger') out.ledger = await createDueEntries(database.db, now);
    if (s === 'sponsorship-pauses') out.sponsorshipPauses = await applySponsorshipPauses(database.db, now);
    if (s === 'foster-lapses') out.fosterLapses = await sweepFosterLapses(database.db, now);
  }
  log(`care-sweep: done`);
  return out;
}

export function registerCareCommands(
  program: Command,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  prepare: (d: Database) => Promise<unknown>,
) {
  program
    .command('care-sweep')
    .description(
      `run the care module's daily sweeps now: ${CARE_SWEEPS.join(', ')} (the ledger's due months, sponsorship pauses, foster approval lapse alerts; idempotent)`,
    )
    .option('--only <sweeps>', `comma-separated: ${CARE_SWEEPS.join(', ')}`)
    .action(async (o: { only?: string }) => {
      // Checked before the database is opened: bad input writes nothing.
      const sweeps = parseSweeps(o.only);
      await withDatabase(async (d) => {
        await prepare(d);
        const r = await runCareSweeps(d, sweeps, new Date(), (l) => process.stderr.write(`${l}\n`));
        const lines: string[] = [];
        const ledger = r.ledger as { created: number; month: string; backfilled: number } | undefined;
        if (ledger)
          lines.push(`ledger: ${ledger.created} due entries made up to ${ledger.month} (${ledger.backfilled} for earlier months)`);
        const pauses = r.sponsorshipPauses as { withheld: number } | undefined;
        if (pauses) lines.push(`sponsorship pauses: ${pauses.withheld} month(s) withheld`);
        const lapses = r.fosterLapses as { raised: number; notified: number; actions: number; actionProblems: number } | undefined;
        if (lapses)
          lines.push(
            `foster lapses: ${lapses.raised} alert(s) raised, ${lapses.notified} user(s) notified, ${lapses.actions} action item(s) opened, ${lapses.actionProblems} waiting for a group or seat`,
          );
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
