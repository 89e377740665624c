import type { Database, Db } from '../db/client';
import type { TrustProxy } from './trust-proxy';

/** What every domain's routes and services receive. The clock is injectable so tests can move time. */
export interface AppContext {
  database: Database;
  db: Db;
  now: () => Date;
  config: AppConfig;
}

export interface AppConfig {
  /** Where attachments are stored on disk. */
  filesDir: string;
  /** Serve the built web app from this folder when it exists. */
  webDir: string | null;
  /** Cookie `secure` flag: on behind HTTPS in production. */
  secureCookies: boolean;
  /** Which proxies may tell the client address (TRUST_PROXY); none when absent. */
  trustProxy?: TrustProxy;
  /** Compression and long-lived caching of the web app (default on); off only for the bench's baseline. */
  webOptimised?: boolean;
}
