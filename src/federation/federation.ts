import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { ensureReferenceData } from '../demo/reference';
import { clusterSupport, makeClusterRoot, removeClusterRoot, startCluster, type Cluster } from './clusters';
import { adminStatement, joinState, setupNation, setupState } from './setup';

/**
 * The federation by logical replication (issue #19, docs/SCALE.md §4), on clusters of its own:
 * one PostgreSQL per state (the project's migrations, the state's LGD units) publishing its open
 * missing/found records' compared columns and its dashboards' counts per district, and a national
 * PostgreSQL subscribing to every state, matching there (national-matching.ts), reading the national
 * dashboard (national-dashboard.ts) and publishing each state the proposals naming one of its records.
 */
export const DATABASE = 'samanvay';

export interface Node {
  cluster: Cluster;
  database: Database;
}

export interface Federation {
  states: Map<number, Node>;
  nation: Node;
  teardown(): Promise<void>;
}

/**
 * Starts and wires the clusters. Whatever was started is stopped and removed again if a later
 * step fails; otherwise `teardown()` does it (idempotent).
 */
export async function startFederation(opts: { states: number[]; log?: (line: string) => void }): Promise<Federation> {
  const log = opts.log ?? (() => undefined);
  const support = clusterSupport();
  if (!support.ok) throw new Error(support.reason);
  const root = makeClusterRoot();
  const clusters: Cluster[] = [];
  const databases: Database[] = [];
  let torn = false;
  const teardown = async () => {
    if (torn) return;
    torn = true;
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await Promise.allSettled(databases.map((d) => d.close()));
    await Promise.allSettled(clusters.map((c) => c.stop()));
    removeClusterRoot(root);
  };
  const onSignal = () => void teardown().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const names = [...opts.states.map((s) => `state-${s}`), 'nation'];
    // allSettled: a cluster still starting when another failed must be known to teardown().
    const starting = await Promise.allSettled(
      names.map(async (n) => {
        const c = await startCluster(root, n, support.bin);
        clusters.push(c);
        log(`cluster ${n}: PostgreSQL ${support.version} on 127.0.0.1:${c.port}`);
        await adminStatement(c.url(), `CREATE DATABASE ${DATABASE}`);
        return c;
      }),
    );
    const failed = starting.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const started = starting.map((r) => (r as PromiseFulfilledResult<Cluster>).value);
    const states = new Map<number, Node>();
    const migrated = await Promise.allSettled(
      opts.states.map(async (code, i) => {
        const database = await openDatabase(started[i].url(DATABASE));
        databases.push(database);
        const applied = await migrate(database);
        await ensureReferenceData(database, undefined, [code]);
        await setupState(database, code);
        states.set(code, { cluster: started[i], database });
        log(`state ${code}: ${applied.length} migrations, LGD units, publications missing_national, dashboard_national`);
      }),
    );
    const notMigrated = migrated.find((r) => r.status === 'rejected');
    if (notMigrated) throw (notMigrated as PromiseRejectedResult).reason;
    const nationCluster = started[started.length - 1];
    const nation = await openDatabase(nationCluster.url(DATABASE));
    databases.push(nation);
    await setupNation(nation);
    log('nation: national schema');
    // The same steps as `samanvay federation join` on real servers (setup.ts).
    const endpoint = (cluster: Cluster, database: Database) => ({
      database,
      url: cluster.url(DATABASE),
      conninfo: cluster.conninfo(DATABASE),
    });
    for (const code of opts.states) {
      const s = states.get(code)!;
      await joinState(code, endpoint(s.cluster, s.database), endpoint(nationCluster, nation));
      log(
        `subscriptions: nation ← state ${code} (missing_national, national_decisions; dashboard_national), state ${code} ← nation (national_match_${code})`,
      );
    }
    return { states, nation: { cluster: nationCluster, database: nation }, teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}

/** Polls `probe` until it returns true (every 50 ms), or fails after `timeoutMs` naming `what`. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
