import type { IndicatorTables } from './tables/indicators.js';
import type { JobsTables } from './tables/jobs.js';
import type { LoginThrottleTables } from './tables/login-throttle.js';
import type { OrgTables } from './tables/org.js';
import type { PolicyTables } from './tables/policies.js';
import type { SupervisionTables } from './tables/supervision.js';
import type { WorklistTables } from './tables/worklists.js';
// demands
import type { DemandTables } from './tables/demands.js';

/**
 * The database as Kysely sees it: one interface per module in ./tables/, joined here.
 * Portable column conventions (see ARCHITECTURE.md): timestamps are ISO-8601 UTC text, dates
 * 'YYYY-MM-DD' text, flags integer 0/1, JSON as text — identical on SQLite and PostgreSQL, so one
 * query layer serves both.
 */
export type DB = OrgTables & JobsTables & WorklistTables & SupervisionTables & IndicatorTables & PolicyTables & LoginThrottleTables &
  // demands
  DemandTables;

export type * from './tables/org.js';
export type * from './tables/worklists.js';
export type * from './tables/jobs.js';
export type * from './tables/supervision.js';
export type * from './tables/indicators.js';
export type * from './tables/policies.js';
export type * from './tables/login-throttle.js';
// demands
export type * from './tables/demands.js';
