import { z } from 'zod';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { HttpError } from '../http/errors';
import { location } from '../locations/locations.schema';
import { publicDistrictsOut, publicMissingReportInput, publicSightingInput, publicSubmittedOut } from './missing.model';
import { created, ok } from '../http/response';
import { submitPublic } from './missing.service';
import { multipartReport, photoOf } from './multipart-form';

/**
 * The public forms (Khoya-Paaya's role): no account, limited per IP address, validated, held
 * for moderation. The answer is a reference number and nothing else: the public never reads
 * a report, a sighting or a child's details back.
 *
 * The rate limit is registered inside this plugin only, so it applies to these routes alone.
 * MISSING_PUBLIC_RATE_MAX (default 5) submissions per IP per MISSING_PUBLIC_RATE_WINDOW (default 1 hour).
 */
export function publicRateLimit() {
  return {
    max: Number(process.env.MISSING_PUBLIC_RATE_MAX ?? 5),
    timeWindow: process.env.MISSING_PUBLIC_RATE_WINDOW ?? '1 hour',
  };
}

export function publicMissingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.register(async (pub) => {
    const limit = publicRateLimit();
    await pub.register(rateLimit, {
      ...limit,
      keyGenerator: (req) => req.ip,
      errorResponseBuilder: (_req, c) => {
        const minutes = Math.max(1, Math.ceil(c.ttl / 60_000));
        return new HttpError(
          429,
          'rate_limited',
          `Too many submissions from your network (at most ${c.max} in ${c.after}). Try again in ${minutes} minute(s); in an emergency call the child helpline 1098 or 112.`,
          undefined,
          { retryAfterSeconds: Math.ceil(c.ttl / 1000) },
        );
      },
    });
    const r = pub.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    const opts = { bodyLimit: 32 * 1024 };

    // JSON (≤ 32 KB), or multipart/form-data with the form as JSON in "data" and one photo in
    // "photo" (JPEG, PNG or WebP ≤ 5 MB, metadata removed), held with the submission.
    const withPhoto = ' JSON, or multipart/form-data: the form as JSON in field "data" and a photo (JPEG, PNG or WebP ≤ 5 MB) in file "photo".';
    r.post(
      '/public/missing-reports',
      { ...opts, preValidation: multipartReport, schema: { tags, security: [], summary: 'Report a missing child (no account; held for moderation; answers with a reference number only).' + withPhoto, body: publicMissingReportInput, response: created(publicSubmittedOut) } },
      async (req, reply) => reply.status(201).send(await submitPublic(ctx, 'missing', req.body, photoOf(req))),
    );
    r.post(
      '/public/sightings',
      { ...opts, preValidation: multipartReport, schema: { tags, security: [], summary: 'Report a child seen or found (no account; held for moderation; answers with a reference number only).' + withPhoto, body: publicSightingInput, response: created(publicSubmittedOut) } },
      async (req, reply) => reply.status(201).send(await submitPublic(ctx, 'found', req.body, photoOf(req))),
    );
    // LGD states and districts for the public form's place picker: public reference data.
    r.get(
      '/public/districts',
      {
        config: { rateLimit: { max: 300, timeWindow: '1 hour' } },
        schema: { tags, security: [], summary: 'LGD states and districts (public reference data, for the public forms)', querystring: z.strictObject({ stateCode: z.coerce.number().int().positive().max(99).optional() }), response: ok(publicDistrictsOut) },
      },
      async (req) => {
        const rows = await ctx.db
          .select({ level: location.level, code: location.lgdCode, name: location.name, nameLocal: location.nameLocal, stateCode: location.stateCode })
          .from(location)
          .where(and(inArray(location.level, req.query.stateCode ? ['district'] : ['state']), req.query.stateCode ? eq(location.stateCode, req.query.stateCode) : undefined))
          .orderBy(asc(location.name));
        return { items: rows.map((x) => ({ code: x.code, name: x.name, nameLocal: x.nameLocal, stateCode: x.stateCode, level: x.level })) };
      },
    );
  });
}
