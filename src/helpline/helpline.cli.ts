import type { Command } from 'commander';
import { PARTNERS, type Partner } from './partner.contract';
import { startPartnerSimulator } from './partner-simulator';

/**
 * `samanvay helpline-simulate`: plays 112 or 181 against a running Samanvay (the handover
 * contract, docs/HELPLINE-CONTRACT.md). Start the server with HELPLINE_112_SECRET (the same
 * secret as here) and HELPLINE_112_URL set to the URL this prints; then every call routed to 112
 * is handed over, acknowledged and played back (on the way, reached, closed), and with
 * `--hand-over` the simulator hands a call to 1098 in the district given.
 */
export function registerHelplineCommands(program: Command) {
  program
    .command('helpline-simulate')
    .description('simulate 112 (ERSS) or 181 against a running server: receive 1098 handovers, answer with statuses, hand a call over')
    .option('--partner <partner>', '112 or 181', '112')
    .option('--server <url>', "Samanvay's base URL", 'http://127.0.0.1:3000')
    .option('--port <port>', 'port the simulator listens on', '4112')
    .option('--secret <secret>', 'shared secret (default: HELPLINE_<partner>_SECRET)')
    .option('--state <code>', 'LGD state code of a call handed over', '27')
    .option('--district <code>', 'LGD district code of a call handed over', '468')
    .option('--hand-over', 'hand one call to 1098 on start')
    .option('--play-back-ms <ms>', 'delay between the statuses played back', '2000')
    .action(async (o) => {
      const partner = o.partner as Partner;
      if (!(PARTNERS as readonly string[]).includes(partner)) throw new Error('--partner must be 112 or 181');
      const secret = o.secret ?? process.env[`HELPLINE_${partner}_SECRET`];
      if (!secret || secret.length < 32) throw new Error(`give --secret or HELPLINE_${partner}_SECRET (at least 32 characters)`);
      const sim = await startPartnerSimulator({
        partner,
        secret,
        serverUrl: o.server,
        port: Number(o.port),
        playBackMs: Number(o.playBackMs),
        log: (l) => process.stderr.write(l + '\n'),
      });
      process.stdout.write(`${partner} simulator listening: set HELPLINE_${partner}_URL=${sim.url} on the server\n`);
      if (o.handOver) {
        const r = await sim.handOver({
          stateCode: Number(o.state),
          districtCode: Number(o.district),
          children: [{ sex: 'female', ageYears: 12 }],
        });
        process.stdout.write(`handed a call to 1098: HTTP ${r.status} ${JSON.stringify(r.body)}\n`);
      }
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await sim.close();
    });
}
