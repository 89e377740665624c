/**
 * One worker of the bench server under node:cluster (BENCH_RATIO_WORKERS > 1): the app on the
 * scratch database the primary seeded (bench/load/server.ts), on the port they share. It answers
 * the primary's messages as server.ts answers the bench's, for the primary to add up.
 */
import { openDatabase } from '../../src/db/client';
import { auditSwitch, drain, serveApp, setRequestLogs, takeCounts } from './server-app';

const database = await openDatabase(process.env.BENCH_LOAD_DB);
const { app } = await serveApp(database, Number(process.env.BENCH_LOAD_PORT));
const send = (m: unknown) => process.send!(m);

process.on('message', async (m: { type: string; on?: boolean }) => {
  try {
    if (m.type === 'audit') auditSwitch?.setAuditDisabledForBench(!m.on);
    else if (m.type === 'logs') setRequestLogs(!!m.on);
    else if (m.type === 'drain') await drain();
    else if (m.type === 'queries') return send({ type: 'queries', ...takeCounts() });
    else if (m.type === 'memory') return send({ type: 'memory', ...process.memoryUsage() });
    else if (m.type === 'stop') {
      await app.close();
      await database.close();
      send({ type: 'ok' });
      return process.exit(0);
    }
    send({ type: 'ok' });
  } catch (err) {
    send({ type: 'error', message: (err as Error).message });
  }
});
send({ type: 'ready' });
