import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { caseKit, intakeBody, ist, type Kit } from '../cases/cases.testkit';
import { startCaseJobs, type CaseJobs } from '../cases/cases.jobs';
import { villageId } from '../demo/seed';
import { DASHBOARD_REFRESH_QUEUE, registerDashboardJobs } from './dashboards.jobs';

/** The 5-minute refresh job: the kept counts follow a new case without anyone opening a dashboard. */
let t: TestApp;
let k: Kit;
let jobs: CaseJobs;

beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  jobs = await startCaseJobs(t.ctx, { cron: null, pollingIntervalSeconds: 0.5, supervise: false });
  await registerDashboardJobs(jobs.boss, t.ctx, { cron: null });
});
afterAll(async () => {
  await jobs?.stop();
  await t.close();
});

const openCaseCount = async () =>
  Number(
    (
      await t.ctx.database.query<{ n: string }>("SELECT COALESCE(sum(n), 0) AS n FROM dash_child_count WHERE fact = '' AND flags & 2 = 2")
    )[0].n,
  );
const refreshedAt = async () =>
  new Date(
    (await t.ctx.database.query<{ at: string }>("SELECT refreshed_at AS at FROM dash_refresh WHERE name = 'child'"))[0].at,
  ).getTime();

async function runJob() {
  const id = await jobs.boss.send(DASHBOARD_REFRESH_QUEUE, {});
  expect(id).toBeTruthy();
  for (let i = 0; i < 300; i++) {
    const job = await jobs.boss.getJobById(DASHBOARD_REFRESH_QUEUE, id!);
    if (job?.state === 'completed') return;
    if (job?.state === 'failed') throw new Error('refresh job failed');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('refresh job did not finish');
}

describe('dashboards refresh job', () => {
  it('applies a new open case to the kept counts, which stay as they were until it runs', async () => {
    await runJob();
    const before = await openCaseCount();
    const [child] = await t.ctx.database.query<{ id: string }>(
      `SELECT c.id FROM child c WHERE c.village_id = $1 AND NOT EXISTS (SELECT 1 FROM case_record r WHERE r.child_id = c.id)
        ORDER BY c.id LIMIT 1`,
      [villageId('Kurha')],
    );
    k.at(ist('2026-12-01', '10:00'));
    const res = await (await k.as('caseworker.amravati')).post('/api/v1/cases', intakeBody(child.id));
    expect(res.statusCode).toBe(201);
    expect(await openCaseCount()).toBe(before);
    const at = await refreshedAt();
    await runJob();
    expect(await openCaseCount()).toBe(before + 1);
    expect(await refreshedAt()).toBeGreaterThan(at);
  });
});
