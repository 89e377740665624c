import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organisation = pgTable('organisation', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  stateCode: integer('state_code'),
  districtCode: integer('district_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  // Where it sits in the hierarchy (organisation-kinds.ts says which level fits which kind).
  level: text('level').$type<OrganisationLevel>().notNull().default('district'),
  placeId: text('place_id'),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  villageId: text('village_id'),
  nameLocal: text('name_local'),
  registration: text('registration'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

export type OrganisationLevel = 'national' | 'state' | 'district' | 'subdistrict' | 'block' | 'village';

export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  organisationId: uuid('organisation_id'),
  scopeLevel: text('scope_level').notNull(),
  jurisdictionId: text('jurisdiction_id'),
  stateCode: integer('state_code'),
  districtCode: integer('district_code'),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  villageId: text('village_id'),
  language: text('language').notNull().default('en'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  active: boolean('active').notNull().default(true),
  /** Set by an administrator's reset: the one-time password only opens the change-password screen. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Raised by each change of role, organisation or jurisdiction (a stale change gets 409). */
  version: integer('version').notNull().default(1),
});

export const userSession = pgTable('user_session', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').$type<'cookie' | 'api'>().notNull(),
  label: text('label'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** The session a bearer token was made from: revoking it revokes the token. */
  parentId: uuid('parent_id'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** Key for the device's encrypted offline copy (base64url, 256 bits), made on first request: src/auth/offline-key.ts. */
  offlineKey: text('offline_key'),
});

/** Failed sign-ins per client address per fixed window (shared by every server). */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    address: text('address').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.address, t.windowStart] })],
);
