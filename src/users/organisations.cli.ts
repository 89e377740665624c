import type { Command } from 'commander';
import type { Database } from '../db/client';
import type { Actor } from '../access/policy';
import { can } from '../access/policy';
import { HttpError } from '../http/errors';
import { findUserByUsername, toActor } from './users.repository';
import { ORGANISATION_KINDS } from './organisation-kinds';
import { createOrganisation, listOrganisations } from './organisations.service';

/** The operator at the command line: the whole country, like the first administrator it makes. */
const OPERATOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: '(cli)',
  displayName: 'command line',
  role: 'admin',
  organisationId: null,
  organisationKind: null,
  scope: { level: 'national' },
};

async function actorFor(database: Database, username: string | undefined): Promise<Actor | null> {
  if (!username) return null;
  const found = await findUserByUsername(database.db, username);
  if (!found) throw new HttpError(400, 'validation_failed', `--as: no user "${username}"`);
  const actor = toActor(found.user, found.orgKind, 'cli');
  if (!can(actor, 'users.manage')) throw new HttpError(403, 'forbidden', `--as: role ${actor.role} may not manage organisations`);
  return actor;
}

/** `samanvay org create|list`: the hierarchy's organisations from the command line. */
export function registerOrganisationCommands(
  program: Command,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  prepare: (d: Database) => Promise<void>,
) {
  const org = program
    .command('org')
    .description('organisations of the child protection hierarchy (SCPS, DCPU, CWC, TCPC/BCPC, VCPC, CCI, SAA, NGO, departments)');
  org
    .command('create')
    .description('create an organisation at an LGD place (its kind must fit the level: a VCPC at a village, a DCPU at a district)')
    .requiredOption('--kind <kind>', ORGANISATION_KINDS.join(', '))
    .requiredOption('--name <name>')
    .requiredOption('--place <placeId>', 'st:27, di:468, sd:4005, bl:4303 or vi:…')
    .option('--name-local <name>', 'the name in Marathi, Hindi or another script')
    .option('--registration <number>', 'registration (CCI, JJ Act 2015 s.41) or recognition (SAA, s.65)')
    .option('--as <username>', "an administrator whose jurisdiction applies (default: the operator's, unrestricted)")
    .action((o) =>
      withDatabase(async (d) => {
        await prepare(d);
        const row = await createOrganisation(d.db, await actorFor(d, o.as), {
          kind: o.kind,
          name: o.name,
          nameLocal: o.nameLocal,
          placeId: o.place,
          registration: o.registration,
        });
        process.stdout.write(`created ${row.kind} ${row.id} at ${row.placeId}\n`);
      }),
    );
  org
    .command('list')
    .description('list organisations, from the state down (tab-separated: id, kind, level, place, name, active)')
    .option('--level <level>', 'state, district, subdistrict, block or village')
    .option('--kind <kind>')
    .option('--district <code>', 'LGD district code')
    .option('--as <username>', 'list only what this administrator administers')
    .action((o) =>
      withDatabase(async (d) => {
        await prepare(d);
        const actor = (await actorFor(d, o.as)) ?? OPERATOR;
        for (let page = 1; ; page++) {
          const res = await listOrganisations(d.db, actor, {
            level: o.level,
            kind: o.kind,
            districtCode: o.district ? Number(o.district) : undefined,
            page,
            pageSize: 500,
          });
          for (const r of res.items)
            process.stdout.write([r.id, r.kind, r.level, r.placeId ?? '', r.name, r.active ? 'active' : 'inactive'].join('\t') + '\n');
          if (page * 500 >= res.total) break;
        }
      }),
    );
}
