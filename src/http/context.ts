import type { Database, Db } from '../db/client';

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
}
