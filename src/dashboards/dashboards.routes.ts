import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { requireActor } from '../http/auth-hook';
import { created, file, ok } from '../http/response';
import { INDICATORS } from './indicators.data';
import { indicatorBreakdown, indicatorValuesFor, stateComparison } from './indicators.service';
import { cwcPendency, districtHome, myDay } from './home.service';
import { exportIndicatorRecords, indicatorRecords } from './lists.service';
import { requireDashboard } from './area';
import { monthlyReport, quarterlyReport } from '../reports/mission-vatsalya/report';
import { renderReport } from '../reports/mission-vatsalya/render';
import { listSnapshots, readSnapshot, snapshotFile, submitMonthly } from '../reports/mission-vatsalya/snapshots.service';
import { addRecipient, listRecipients, removeRecipient } from '../reports/mission-vatsalya/schedule';
import {
  breakdownOut,
  breakdownQuery,
  comparisonOut,
  comparisonQuery,
  districtHomeOut,
  districtQuery,
  indicatorDefsOut,
  indicatorValuesOut,
  monthlyReportQuery,
  myDayOut,
  pendencyOut,
  recipientIn,
  recipientListOut,
  recipientOutSchema,
  recipientQuery,
  snapshotDetailOut,
  snapshotFileQuery,
  snapshotListOut,
  snapshotListQuery,
  snapshotOut,
  submitMonthlyIn,
  recordsExportQuery,
  recordsOut,
  recordsQuery,
  pendencyQuery,
  quarterlyReportQuery,
} from './dashboards.model';

const tags = ['dashboards'];
const FILES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'] as const;

/** Dashboards (counts within the caller's jurisdiction) and the Mission Vatsalya reports. */
export function dashboardsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/dashboards/indicators',
    { schema: { tags, summary: 'The indicator definitions (versioned data, with their basis)', response: ok(indicatorDefsOut) } },
    async (req) => {
      requireDashboard(requireActor(req));
      return INDICATORS;
    },
  );
  r.get(
    '/dashboards/indicators/values',
    {
      schema: {
        tags,
        summary: 'Every indicator for the caller’s area (or one district of it), with its 12-month trend',
        querystring: districtQuery,
        response: ok(indicatorValuesOut),
      },
    },
    async (req) => indicatorValuesFor(ctx, requireActor(req), req.query.district),
  );
  r.get(
    '/dashboards/indicators/:id/breakdown',
    {
      schema: {
        tags,
        summary: 'One indicator disaggregated (sex, age band, social category, disability, block, village, department, district)',
        params: z.strictObject({ id: z.string().max(60) }),
        querystring: breakdownQuery,
        response: ok(breakdownOut),
      },
    },
    async (req) => indicatorBreakdown(ctx, requireActor(req), req.params.id, req.query),
  );
  r.get(
    '/dashboards/indicators/:id/records',
    {
      schema: {
        tags,
        summary: 'The children or cases a figure counts, as the reader may see them (permitted fields, jurisdiction, s.74 initials), paged',
        params: z.strictObject({ id: z.string().max(60) }),
        querystring: recordsQuery,
        response: ok(recordsOut),
      },
    },
    async (req) => indicatorRecords(ctx, requireActor(req), req.params.id, req.query),
  );
  r.get(
    '/dashboards/indicators/:id/records/export',
    {
      schema: {
        tags,
        summary: 'The records a figure counts as CSV (the same fields and rows as the list)',
        params: z.strictObject({ id: z.string().max(60) }),
        querystring: recordsExportQuery,
        ...file('text/csv'),
      },
    },
    async (req, reply) => {
      const out = await exportIndicatorRecords(ctx, requireActor(req), req.params.id, req.query);
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.body);
    },
  );
  r.get(
    '/dashboards/district',
    {
      schema: {
        tags,
        summary: 'The district home: indicators with trends, what needs a decision today, departments behind on actions',
        querystring: districtQuery,
        response: ok(districtHomeOut),
      },
    },
    async (req) => districtHome(ctx, requireActor(req), req.query.district),
  );
  r.get(
    '/dashboards/my-day',
    { schema: { tags, summary: 'My tasks due and overdue, my children’s next visits', response: ok(myDayOut) } },
    async (req) => myDay(ctx, requireActor(req)),
  );
  r.get(
    '/dashboards/cwc-pendency',
    {
      schema: {
        tags,
        summary: 'Children awaiting production, SIR or final order, days pending against the statutory limit (JJ Act 2015 ss.31, 36)',
        querystring: pendencyQuery,
        response: ok(pendencyOut),
      },
    },
    async (req) => cwcPendency(ctx, requireActor(req), req.query),
  );
  r.get(
    '/dashboards/state-comparison',
    {
      schema: {
        tags,
        summary: 'The districts of a state side by side with the state total, worst first',
        querystring: comparisonQuery,
        response: ok(comparisonOut),
      },
    },
    async (req) => stateComparison(ctx, requireActor(req), req.query),
  );
  r.get(
    '/reports/mission-vatsalya/monthly',
    {
      schema: {
        tags,
        summary: 'Mission Vatsalya monthly progress report of a district (PDF, Excel or CSV; en/hi/mr)',
        querystring: monthlyReportQuery,
        ...file(...FILES),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const out = await renderReport(await monthlyReport(ctx, requireActor(req), q.district, q.month), q.format, q.lang);
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.body);
    },
  );
  r.get(
    '/reports/mission-vatsalya/quarterly',
    {
      schema: {
        tags,
        summary: 'Mission Vatsalya quarterly report of a state (PDF, Excel or CSV; en/hi/mr)',
        querystring: quarterlyReportQuery,
        ...file(...FILES),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const out = await renderReport(await quarterlyReport(ctx, requireActor(req), q.state, q.quarter), q.format, q.lang);
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.body);
    },
  );
  const snapshotId = z.strictObject({ id: z.uuid('must be a report id (UUID)') });
  r.post(
    '/reports/mission-vatsalya/monthly/snapshots',
    {
      schema: {
        tags,
        summary: 'Submit a finished month’s report of a district: its figures are frozen (stored with a sha256, who, when)',
        body: submitMonthlyIn,
        response: created(snapshotOut),
      },
    },
    async (req, reply) => reply.code(201).send(await submitMonthly(ctx, requireActor(req), req.body.district, req.body.month)),
  );
  r.get(
    '/reports/mission-vatsalya/snapshots',
    {
      schema: {
        tags,
        summary: 'Frozen monthly reports of the caller’s jurisdiction, newest month first',
        querystring: snapshotListQuery,
        response: ok(snapshotListOut),
      },
    },
    async (req) => listSnapshots(ctx, requireActor(req), req.query),
  );
  r.get(
    '/reports/mission-vatsalya/snapshots/:id',
    {
      schema: {
        tags,
        summary: 'A frozen report, whether it is intact, and what a re-run on today’s records gives differently',
        params: snapshotId,
        response: ok(snapshotDetailOut),
      },
    },
    async (req) => readSnapshot(ctx, requireActor(req), req.params.id),
  );
  r.get(
    '/reports/mission-vatsalya/snapshots/:id/file',
    {
      schema: {
        tags,
        summary: 'A frozen report as PDF, Excel or CSV (from the stored figures)',
        params: snapshotId,
        querystring: snapshotFileQuery,
        ...file(...FILES),
      },
    },
    async (req, reply) => {
      const out = await snapshotFile(ctx, requireActor(req), req.params.id, req.query.format, req.query.lang);
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.body);
    },
  );
  r.get(
    '/reports/mission-vatsalya/recipients',
    {
      schema: {
        tags,
        summary: 'Who receives the district’s monthly report on the 5th (?district=) or the state’s quarterly report (?state=)',
        querystring: recipientQuery,
        response: ok(recipientListOut),
      },
    },
    async (req) => listRecipients(ctx, requireActor(req), req.query),
  );
  r.post(
    '/reports/mission-vatsalya/recipients',
    {
      schema: {
        tags,
        summary: 'Add a recipient of the district’s monthly report or of the state’s quarterly report',
        body: recipientIn,
        response: created(recipientOutSchema),
      },
    },
    async (req, reply) => reply.code(201).send(await addRecipient(ctx, requireActor(req), req.body)),
  );
  r.delete(
    '/reports/mission-vatsalya/recipients/:id',
    {
      schema: {
        tags,
        summary: 'Remove a recipient of the district’s monthly report or of the state’s quarterly report',
        params: snapshotId,
        querystring: recipientQuery,
        response: ok(z.object({ ok: z.literal(true) })),
      },
    },
    async (req) => removeRecipient(ctx, requireActor(req), req.query, req.params.id),
  );
}
