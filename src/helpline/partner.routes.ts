import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/context';
import { HttpError } from '../http/errors';
import { apiError, fieldIssueOut } from '../http/response';
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
/** A refusal of a partner message (docs/HELPLINE-CONTRACT.md, "Answers"). */
const refusal = (codes: string, what: string) =>
  z
    .looseObject({ code: z.string().describe(codes), message: z.string(), issues: z.array(fieldIssueOut).optional() })
    .describe(`${what}. A refused message changes nothing.`);

const messageHeaders = z.looseObject({
  [HEADERS.partner]: z.enum(PARTNERS).describe('The sender (112 or 181); must match the path'),
  [HEADERS.timestamp]: z.string().describe('Unix seconds when signed; accepted within ±300 s of the receiver clock'),
  [HEADERS.signature]: z.string().describe('`v1=` + hex HMAC-SHA256 with the shared secret over `{timestamp}.{raw body}`'),
  [HEADERS.idempotencyKey]: z.string().describe('The messageId of the body: a message id is accepted once'),
});

/** The documented answers (OpenAPI) of the inbound endpoint. */
const answers = {
  200: partnerAck.describe('Acknowledged: the sender stops retrying. For a handover, `receiverRef` is the call id in 1098'),
  400: refusal('validation_failed', 'A malformed body (`issues` name the fields), or Idempotency-Key differs from messageId'),
  401: refusal(
    'unknown_partner | stale_timestamp | bad_signature',
    'Not a connected partner, a timestamp outside the window, or a signature that does not match the raw body',
  ),
  404: refusal('unknown_ref', 'A status about a handover the receiver does not know'),
  409: refusal('replayed', 'The messageId was received before: treat as acknowledged').extend({
    ack: partnerAck.describe('The first acknowledgement of this message id').optional(),
    sameBody: z.boolean().describe('Whether the body is the same as the first time').optional(),
  }),
  '4xx': apiError,
} as const;

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
        description:
          'No session: the sender is authenticated by an HMAC-SHA256 signature of the raw body with its shared secret ' +
          '(HELPLINE_112_SECRET / HELPLINE_181_SECRET, at least 32 characters), checked before the body is read. ' +
          'Contract v1, docs/HELPLINE-CONTRACT.md.',
        security: [],
        params: z.strictObject({ partner: z.enum(PARTNERS) }),
        headers: messageHeaders,
        body: partnerMessage,
        response: answers,
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
