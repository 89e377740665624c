import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { HttpError } from '../http/errors';
import { ok } from '../http/response';
import { HEADERS, PARTNERS, partnerAck, partnerMessage, verify, type Partner } from './partner.contract';
import { partnerConfig, receivePartnerMessage } from './partner.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for the partner messages' signature (partner.routes.ts only). */
    partnerRawBody?: string;
  }
}

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The inbound end of the 112/181 handover contract (docs/HELPLINE-CONTRACT.md). No session: the
 * sender is authenticated by the HMAC signature with its shared secret, checked on the raw body
 * before the body is validated; the timestamp must be within the replay window and the message id
 * new. Refusals: 401 `unknown_partner`, `stale_timestamp`, `bad_signature`; 400 a malformed
 * body; 409 `replayed` (with the first acknowledgement); 404 `unknown_ref`. A refusal changes nothing.
 */
export async function partnerRoutes(app: FastifyInstance, ctx: AppContext) {
  // The raw body is kept: a signature is over the bytes sent, not over a re-serialisation.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    req.partnerRawBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new HttpError(400, 'validation_failed', 'the body is not JSON', [{ field: 'body', message: 'not JSON' }]), undefined);
    }
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/helpline/partners/:partner/messages',
    {
      schema: {
        tags: ['helpline'],
        summary: 'A signed message from 112 or 181: a call handed to 1098, or a status of a call 1098 handed over (HMAC contract v1)',
        params: z.strictObject({ partner: z.enum(PARTNERS) }),
        body: partnerMessage,
        response: ok(partnerAck),
      },
      // After parsing, before the body is validated: an unsigned request learns nothing about the schema.
      preValidation: async (req) => {
        const partner = (req.params as { partner: string }).partner as Partner;
        const secret = (PARTNERS as readonly string[]).includes(partner) ? partnerConfig()[partner]?.secret : undefined;
        if (!secret || header(req, HEADERS.partner) !== partner)
          throw new HttpError(401, 'unknown_partner', `${HEADERS.partner} must name a connected partner (112 or 181) and match the path`);
        const check = verify(
          secret,
          { timestamp: header(req, HEADERS.timestamp), signature: header(req, HEADERS.signature) },
          req.partnerRawBody ?? '',
          ctx.now(),
        );
        if (!check.ok) throw new HttpError(401, check.code, check.message);
      },
    },
    async (req) => {
      if (header(req, HEADERS.idempotencyKey) !== req.body.messageId)
        throw new HttpError(400, 'validation_failed', `${HEADERS.idempotencyKey} must equal messageId`, [
          { field: 'messageId', message: `must equal the ${HEADERS.idempotencyKey} header` },
        ]);
      return receivePartnerMessage(ctx, req.params.partner, req.body, req.partnerRawBody ?? '');
    },
  );
}
