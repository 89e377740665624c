import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { HttpError, validationIssues } from './errors';
import { registerAuthHook } from './auth-hook';
import type { AppContext } from './context';
import { loggerOptions } from './logging';
import { registerDomainRoutes } from './routes';
import { registerAuditChaining } from '../audit/audit.runtime';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { ...(loggerOptions() as object), ...(opts.logStream ? { stream: opts.logStream, level: 'info' } : {}) },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    disableRequestLogging: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Samanvay API', version: '1', description: 'Shared child & family registry for Mission Vatsalya' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'samanvay_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = validationIssues(err.validationContext ?? 'body', err.validation);
      return reply.status(400).send({ code: 'validation_failed', message: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues });
    }
    if (err instanceof HttpError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, issues: err.issues, ...err.extra });
    }
    // Fastify's own 4xx (malformed JSON, wrong content type, body too large, too many requests).
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: err.code ?? 'bad_request', message: err.message });
    }
    req.log.error({ err: safeError(err) }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: 'Something went wrong on the server' });
  });

  registerAuthHook(app, ctx);
  registerAuditChaining(app, ctx);

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await ctx.database.query('SELECT 1');
    return { status: 'ok', database: ctx.database.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => registerDomainRoutes(api, ctx), { prefix: '/api/v1' });

  const webDir = ctx.config.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` }),
    );
  }
  return app;
}

/**
 * What of an unexpected error may be logged: its type, codes and stack frames. Never the
 * message of a failed query, which carries the query's parameters (names, identifiers).
 */
export function safeError(err: unknown) {
  const e = err as Error & { code?: string; cause?: { code?: string; constructor?: { name: string } } };
  return {
    type: e?.constructor?.name,
    code: e?.code ?? e?.cause?.code,
    cause: e?.cause?.constructor?.name,
    stack: e?.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).join('\n'),
  };
}
