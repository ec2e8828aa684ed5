import type { JobsTables } from './tables/jobs.js';
import type { LoginThrottleTables } from './tables/login-throttle.js';
import type { OrgTables } from './tables/org.js';

/**
 * The database as Kysely sees it: the platform's tables (./tables/: org, jobs, login throttle) here,
 * and each module's tables in its own `<module>.tables.ts`, which extends this interface by
 * declaration merging (`declare module '…/db/schema.js' { interface DB extends XTables {} }`), so
 * adding a module touches no list here.
 * Portable column conventions (see ARCHITECTURE.md): timestamps are ISO-8601 UTC text, dates
 * 'YYYY-MM-DD' text, flags integer 0/1, JSON as text — identical on SQLite and PostgreSQL, so one
 * query layer serves both.
 */
export interface DB extends OrgTables, JobsTables, LoginThrottleTables {}

export type * from './tables/org.js';
export type * from './tables/jobs.js';
export type * from './tables/login-throttle.js';
