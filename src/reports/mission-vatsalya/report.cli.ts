import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../../db/client';
import type { Actor } from '../../access/policy';
import type { AppContext } from '../../http/context';
import { HttpError } from '../../http/errors';
import { listLocations } from '../../locations/locations.repository';
import { progressLine } from '../../cli/progress';
import { monthlyReport, quarterlyReport } from './report';
import { renderReport } from './render';

/** The command line reads the whole country, as the operator who runs the server does. */
const OPERATOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: '(cli)',
  displayName: 'command line',
  role: 'admin',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'national' },
};

/** A place given as an LGD code or a name ("Amravati", "amravati"). */
async function placeCode(d: Database, level: 'district' | 'state', given: string): Promise<number> {
  if (/^\d+$/.test(given)) return Number(given);
  const rows = await listLocations(d.db, { level });
  const hit = rows.filter((r) => r.name.toLowerCase() === given.trim().toLowerCase());
  if (hit.length !== 1)
    throw new HttpError(
      400,
      'validation_failed',
      `--${level}: ${hit.length ? 'ambiguous' : 'no'} ${level} named "${given}" (give its LGD code)`,
    );
  return level === 'district' ? hit[0].districtCode! : hit[0].stateCode;
}

function contextOf(d: Database): AppContext {
  return { database: d, db: d.db, now: () => new Date(), config: { filesDir: '', webDir: null, secureCookies: false } };
}

/** `samanvay report monthly|quarterly`: the Mission Vatsalya reports from the command line, progress on stderr. */
export function registerReportCommands(
  program: Command,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  prepare: (d: Database) => Promise<void>,
) {
  const report = program.command('report').description('Mission Vatsalya monthly (district) and quarterly (state) reports');
  const common = (c: Command) =>
    c
      .option('--format <format>', 'pdf, xlsx or csv', 'pdf')
      .option('--lang <lang>', 'en, hi or mr', 'en')
      .option('--out <file>', 'where to write it (default: the report’s own file name in the current folder)');
  const write = async (file: Awaited<ReturnType<typeof renderReport>>, out: string | undefined) => {
    const path = out ?? file.filename;
    writeFileSync(path, file.body);
    process.stderr.write(`wrote ${path} (${file.body.length} bytes)\n`);
    process.stdout.write(`${path}\n`);
  };
  const check = (o: { format: string; lang: string }) => {
    if (!['pdf', 'xlsx', 'csv'].includes(o.format)) throw new HttpError(400, 'validation_failed', '--format: pdf, xlsx or csv');
    if (!['en', 'hi', 'mr'].includes(o.lang)) throw new HttpError(400, 'validation_failed', '--lang: en, hi or mr');
    return o as { format: 'pdf' | 'xlsx' | 'csv'; lang: 'en' | 'hi' | 'mr' };
  };
  common(
    report
      .command('monthly')
      .description('the monthly progress report of a district')
      .requiredOption('--district <district>', 'LGD code or name, e.g. 468 or Amravati')
      .requiredOption('--month <YYYY-MM>', 'e.g. 2026-11'),
  ).action((o) =>
    withDatabase(async (d) => {
      const { format, lang } = check(o);
      await prepare(d);
      const district = await placeCode(d, 'district', o.district);
      const r = await monthlyReport(contextOf(d), OPERATOR, district, o.month, progressLine('indicators'));
      process.stderr.write(`rendering ${format} (${lang})\n`);
      await write(await renderReport(r, format, lang), o.out);
    }),
  );
  common(
    report
      .command('quarterly')
      .description('the quarterly report of a state (financial-year quarters: Q1 = April–June)')
      .requiredOption('--state <state>', 'LGD code or name, e.g. 27 or Maharashtra')
      .requiredOption('--quarter <YYYY-Qn>', 'e.g. 2026-Q3'),
  ).action((o) =>
    withDatabase(async (d) => {
      const { format, lang } = check(o);
      await prepare(d);
      const state = await placeCode(d, 'state', o.state);
      const r = await quarterlyReport(contextOf(d), OPERATOR, state, o.quarter, progressLine('indicators'));
      process.stderr.write(`rendering ${format} (${lang})\n`);
      await write(await renderReport(r, format, lang), o.out);
    }),
  );
}
