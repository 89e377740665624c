import { resolve } from 'node:path';
import type { AppConfig } from './http/context';
import { parseTrustProxy } from './http/trust-proxy';
import { ROOT } from './kernel/paths';

export { ROOT };

/** DATABASE_URL=postgres://… selects PostgreSQL; anything else is a PGlite directory (default ./data). */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || resolve(process.cwd(), 'data');
}

export function appConfig(): AppConfig {
  const dataDir = process.env.DATABASE_URL?.startsWith('postgres') ? resolve(process.cwd(), 'data') : databaseUrl();
  return {
    filesDir: process.env.FILES_DIR || resolve(dataDir, '..', 'files'),
    webDir: process.env.WEB_DIR || resolve(ROOT, 'web', 'dist'),
    secureCookies: process.env.SECURE_COOKIES === 'true',
    trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
  };
}
