import type { FastifyServerOptions } from 'fastify';

/**
 * Names and identifiers never reach logs (JJ Act 2015 s.74; DPDP Act 2023): the query string
 * (which carries search terms such as a child's name) is cut from every logged URL, and
 * bodies, cookies and authorisation headers are never logged.
 */
export function loggerOptions(): FastifyServerOptions['logger'] {
  return {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: stripQuery(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export const stripQuery = (url: string) => url.split('?')[0];
