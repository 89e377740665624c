import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import { HttpError } from '../http/errors';
import { location } from '../locations/locations.schema';
import { publicDistrictsOut, publicMissingReportInput, publicSightingInput, publicSubmittedOut } from './missing.model';
import { created, ok } from '../http/response';
import { submitPublic } from './missing.service';
import { multipartReport, photoOf } from './multipart-form';
import {
  CHALLENGE_HEADER,
  NONCE_HEADER,
  chargeSubmission,
  checkChallenge,
  countRequest,
  issueChallenge,
  publicLimits,
} from './public-limits';

/**
 * The public forms (Khoya-Paaya's role): no account, validated, held for moderation. The
 * answer is a reference number and nothing else: the public never reads a report, a sighting
 * or a child's details back.
 *
 * Abuse limits (public-limits.ts, kept in the database so that several servers share them):
 * each post is counted per address before anything else, must carry a solved proof-of-work
 * challenge (checked before the body is read, used once when the submission is saved), and is
 * charged against the day's moderation queue and the address's photo allowance in the saving
 * transaction.
 */
const challengeOut = z.object({
  challenge: z.string(),
  difficulty: z.number(),
  algorithm: z.literal('sha256-leading-zero-bits'),
  expiresAt: z.string(),
  howTo: z.string(),
});
const powHeaders = z.object({
  [CHALLENGE_HEADER]: z.string().max(100).optional().describe('A challenge from POST /public/challenges'),
  [NONCE_HEADER]: z.string().max(100).optional().describe('A decimal nonce: sha256(challenge + nonce) starts with `difficulty` zero bits'),
});

/** The challenge a post passed its early check with, for the saving transaction. */
const challengeOf = new WeakMap<FastifyRequest, string>();

function sendLimited(reply: FastifyReply, err: unknown): never {
  if (err instanceof HttpError && err.status === 429) reply.header('retry-after', String(err.extra?.retryAfterSeconds ?? 60));
  throw err;
}

export function publicMissingRoutes(app: FastifyInstance, ctx: AppContext) {
  // Refuse to start with limits an operator mistyped, rather than at the first citizen's post.
  publicLimits();
  app.register(async (pub) => {
    const r = pub.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];

    /** Before the body is read: count the post, then check its challenge (a refusal costs no parsing). */
    const guardPost = async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        await countRequest(ctx.db, 'submit', req.ip, ctx.now());
        challengeOf.set(req, await checkChallenge(ctx.db, req.headers, ctx.now()));
      } catch (err) {
        sendLimited(reply, err);
      }
    };
    const save = (kind: 'missing' | 'found') => async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        const out = await submitPublic(ctx, kind, req.body as never, photoOf(req), (tx, photoBytes) =>
          chargeSubmission(tx, { challenge: challengeOf.get(req)!, ip: req.ip, photoBytes, now: ctx.now() }),
        );
        return reply.status(201).send(out);
      } catch (err) {
        sendLimited(reply, err);
      }
    };

    // JSON (≤ 32 KB), or multipart/form-data with the form as JSON in "data" and one photo in
    // "photo" (JPEG, PNG or WebP ≤ 5 MB, metadata removed), held with the submission.
    const how =
      ' JSON, or multipart/form-data: the form as JSON in field "data" and a photo (JPEG, PNG or WebP ≤ 5 MB) in file "photo". ' +
      'Needs a solved challenge (headers X-Pow-Challenge, X-Pow-Nonce; POST /public/challenges). Limited per address and per day (429).';
    const opts = { bodyLimit: 32 * 1024, onRequest: guardPost, preValidation: multipartReport };
    r.post(
      '/public/missing-reports',
      {
        ...opts,
        schema: {
          tags,
          security: [],
          summary: 'Report a missing child (no account; held for moderation; answers with a reference number only).' + how,
          headers: powHeaders,
          body: publicMissingReportInput,
          response: created(publicSubmittedOut),
        },
      },
      save('missing'),
    );
    r.post(
      '/public/sightings',
      {
        ...opts,
        schema: {
          tags,
          security: [],
          summary: 'Report a child seen or found (no account; held for moderation; answers with a reference number only).' + how,
          headers: powHeaders,
          body: publicSightingInput,
          response: created(publicSubmittedOut),
        },
      },
      save('found'),
    );
    r.post(
      '/public/challenges',
      {
        onRequest: async (req, reply) => {
          try {
            await countRequest(ctx.db, 'challenge', req.ip, ctx.now());
          } catch (err) {
            sendLimited(reply, err);
          }
        },
        schema: {
          tags,
          security: [],
          summary: 'A proof-of-work challenge for one public form post (used once, expires; no body)',
          response: created(challengeOut),
        },
      },
      async (_req, reply) => reply.status(201).send(await issueChallenge(ctx.db, ctx.now())),
    );
    // LGD states and districts for the public form's place picker: public reference data.
    r.get(
      '/public/districts',
      {
        onRequest: async (req, reply) => {
          try {
            await countRequest(ctx.db, 'districts', req.ip, ctx.now());
          } catch (err) {
            sendLimited(reply, err);
          }
        },
        schema: {
          tags,
          security: [],
          summary: 'LGD states and districts (public reference data, for the public forms)',
          querystring: z.strictObject({ stateCode: z.coerce.number().int().positive().max(99).optional() }),
          response: ok(publicDistrictsOut),
        },
      },
      async (req) => {
        const rows = await ctx.db
          .select({
            level: location.level,
            code: location.lgdCode,
            name: location.name,
            nameLocal: location.nameLocal,
            stateCode: location.stateCode,
          })
          .from(location)
          .where(
            and(
              inArray(location.level, req.query.stateCode ? ['district'] : ['state']),
              req.query.stateCode ? eq(location.stateCode, req.query.stateCode) : undefined,
            ),
          )
          .orderBy(asc(location.name));
        return { items: rows.map((x) => ({ code: x.code, name: x.name, nameLocal: x.nameLocal, stateCode: x.stateCode, level: x.level })) };
      },
    );
  });
}
