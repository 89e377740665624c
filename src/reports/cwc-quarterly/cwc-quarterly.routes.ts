import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context';
import { requireActor } from '../../http/auth-hook';
import { file } from '../../http/response';
import { cwcQuarterlyCsv, cwcQuarterlyPdf, cwcQuarterlyQuery, cwcQuarterlyReport } from './cwc-quarterly';

export function cwcQuarterlyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/reports/cwc-quarterly',
    {
      schema: {
        tags: ['reports'],
        summary:
          "A Child Welfare Committee's quarterly pendency report to the District Magistrate (JJ Act 2015 s.36(4)), from the case records (PDF or CSV; en/hi/mr)",
        querystring: cwcQuarterlyQuery,
        ...file('application/pdf', 'text/csv'),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const report = await cwcQuarterlyReport(ctx, requireActor(req), q.district, q.quarter);
      const name = `cwc-quarterly-${q.district}-${q.quarter}-${q.lang}`;
      const [body, type, ext] =
        q.format === 'csv'
          ? [cwcQuarterlyCsv(report, q.lang), 'text/csv; charset=utf-8', 'csv']
          : [await cwcQuarterlyPdf(report, q.lang), 'application/pdf', 'pdf'];
      return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}.${ext}"`).send(body);
    },
  );
}
