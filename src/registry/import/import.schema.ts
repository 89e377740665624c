import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One committed import file by its digest: a second commit of the same file is refused (migrations/0850). */
export const registryImportCommit = pgTable('registry_import_commit', {
  digest: text('digest').primaryKey(),
  state: text('state').$type<'running' | 'committed'>().notNull().default('committed'),
  importedBy: uuid('imported_by').notNull(),
  stateCode: integer('state_code'),
  districtCode: integer('district_code'),
  children: integer('children').notNull().default(0),
  families: integer('families').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
});
