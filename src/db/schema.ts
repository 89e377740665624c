// Every domain's tables, gathered for drizzle. Each domain owns its `<domain>.schema.ts`;
// the SQL that creates them lives in migrations/ (one set for PGlite and PostgreSQL).
export * from '../locations/locations.schema';
export * from '../users/users.schema';
export * from '../audit/audit.schema';
export * from '../registry/registry.schema';
export * from '../cases/cases.schema';
export * from '../convergence/convergence.schema';
export * from '../notifications/outbox.schema';
export * from '../schemes/schemes.schema';
export * from '../missing/missing.schema';
export * from '../events/events.schema';
export * from '../registry/registry-move.schema';
export * from '../registry/import/import.schema';
export * from '../schemes/scheme-facts.schema';
export * from '../care/care.schema';
export * from '../helpline/helpline.schema';
export * from '../care/sponsorship/sponsorship.schema';
export * from '../kernel/rate-counter.schema';
