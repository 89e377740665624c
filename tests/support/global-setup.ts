import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPostgresTemplate, createScratchDatabase } from '../../src/db/scratch';
import type { Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { ensureReferenceData } from '../../src/demo/reference';
import { seedDemo } from '../../src/demo/seed';
import { TEST_STATES } from './states';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: template database names; PGlite: paths of the dumps. */
    dbTemplates: { plain: string; demo: string; kind: 'postgres' | 'pglite' };
  }
}

/**
 * Migrating and seeding the demo once per run instead of once per test file: each file's
 * database is then a copy (`CREATE DATABASE … TEMPLATE` on PostgreSQL, a loaded dump on
 * PGlite), identical to what the migrations and the seed make, in a fraction of the time.
 */
export default async function setup(project: TestProject) {
  const pgUrl = process.env.TEST_DATABASE_URL || '';
  const build = async (db: Database) => {
    await migrate(db);
    await ensureReferenceData(db, undefined, TEST_STATES);
  };
  if (pgUrl) {
    const tag = `${process.pid}`;
    const plain = `samanvay_tpl_plain_${tag}`;
    const dropPlain = await createPostgresTemplate(pgUrl, plain, (db) => build(db));
    // The demo template is a copy of the migrated one with the demo seeded (as on PGlite below):
    // migrating a second database would cost the run's set-up as much again.
    const dropDemo = await createPostgresTemplate(pgUrl, `samanvay_tpl_demo_${tag}`, (db) => seedDemo(db).then(() => undefined), {
      from: plain,
    });
    project.provide('dbTemplates', { kind: 'postgres', plain, demo: `samanvay_tpl_demo_${tag}` });
    return async () => {
      await dropPlain();
      await dropDemo();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'samanvay-tpl-'));
  const paths = { plain: join(dir, 'plain.tar.gz'), demo: join(dir, 'demo.tar.gz') };
  const db = await createScratchDatabase({ prefix: 'tpl', states: TEST_STATES });
  writeFileSync(paths.plain, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await seedDemo(db);
  writeFileSync(paths.demo, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.drop();
  project.provide('dbTemplates', { kind: 'pglite', ...paths });
  return () => rmSync(dir, { recursive: true, force: true });
}
