import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import { z } from 'zod';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import multipart from '@fastify/multipart';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  ResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { HttpError, peopleText, validationIssues } from './errors';
import { ok } from './response';
import { registerAuthHook } from './auth-hook';
import { registerInputHygiene } from './input-hygiene';
import type { AppContext } from './context';
import { loggerOptions } from './logging';
import { registerDomainRoutes } from './routes';
import { safeError } from '../kernel/safe-error';
import { opsCounts } from '../kernel/ops-health';
import { registerAuditChaining } from '../audit/audit.runtime';
import { registerCompression } from './compression';
import { registerWebStatic } from './web-static';
import { registerShortLinkRoute } from '../notifications/short-link';

export async function buildApp(
  ctx: AppContext,
  opts: {
    logger?: boolean;
    logStream?: NodeJS.WritableStream;
    /** Sees every route as it is registered (the route-schema test). */ onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { ...(loggerOptions() as object), ...(opts.logStream ? { stream: opts.logStream, level: 'info' } : {}) },
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (see trust-proxy.ts).
    trustProxy: ctx.config.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    disableRequestLogging: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Samanvay API', version: '1', description: 'Shared child & family registry for Mission Vatsalya' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'samanvay_session' } },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject, // shared response shapes (ApiError…) as components
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = validationIssues(err.validationContext ?? 'body', err.validation);
      return reply.status(400).send({
        code: 'validation_failed',
        message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        ...peopleText(req.headers['accept-language'], issues),
      });
    }
    if (err instanceof HttpError) {
      const worded = err.issues?.length ? peopleText(req.headers['accept-language'], err.issues) : { issues: err.issues };
      return reply.status(err.status).send({ code: err.code, message: err.message, ...worded, ...err.extra });
    }
    // Fastify's own 4xx (malformed JSON, wrong content type, body too large, too many requests).
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: err.code ?? 'bad_request', message: err.message });
    }
    if (err instanceof ResponseSerializationError) {
      // A reply that does not fit its route's response schema is not sent (issue #12). Log where it
      // failed (route pattern, field paths, zod codes): never the values, which may be personal data.
      const mismatch = (err.cause?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.code}`).slice(0, 10);
      req.log.error({ err: safeError(err), route: `${err.method} ${err.url}`, mismatch }, 'reply does not fit its response schema');
    } else {
      req.log.error({ err: safeError(err) }, 'unhandled error');
    }
    return reply.status(500).send({ code: 'internal_error', message: 'Something went wrong on the server' });
  });

  registerAuthHook(app, ctx);
  registerInputHygiene(app);
  registerAuditChaining(app, ctx);
  // Every text body the server makes is compressed for browsers that accept it (village links).
  if (ctx.config.webOptimised !== false) registerCompression(app);

  app.get(
    '/api/health',
    {
      schema: {
        hide: true,
        response: ok(z.looseObject({ status: z.string(), database: z.string() }).describe('Operational figures only, never personal data')),
      },
    },
    async () => {
      await ctx.database.query('SELECT 1');
      // Failures away from requests (background jobs, idle pool connections), counted since start.
      return { status: 'ok', database: ctx.database.kind, ...opsCounts() };
    },
  );
  app.get(
    '/api/openapi.json',
    { schema: { hide: true, response: ok(z.looseObject({ openapi: z.string() })) } },
    async () => app.swagger() as { openapi: string },
  );

  await app.register(async (api) => registerDomainRoutes(api, ctx), { prefix: '/api/v1' });
  // The SMS short links (`<site>/s/<code>`, DLT: every template variable ≤ 30 characters).
  registerShortLinkRoute(app, ctx);

  const webDir = ctx.config.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await registerWebStatic(app, webDir, { optimised: ctx.config.webOptimised });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` }),
    );
  }
  return app;
}

// Moved to src/kernel so that background jobs log errors the same way; re-exported for existing imports.
export { safeError } from '../kernel/safe-error';
