import type { Migration } from 'kysely';
import * as createOrg from './202611250900-create-org.js';
import * as createWorklists from './202611251000-create-worklists.js';
import * as createIndicators from './202611251020-create-indicators.js';
import * as createPolicies from './202611251030-create-policies.js';
import * as createJobs from './202611251200-create-jobs-notifications-calendar.js';
import * as createSupervision from './202611251300-create-supervision.js';
import * as addItemListIndexes from './202611251400-add-item-list-indexes.js';
import * as createChangeLogs from './202612020700-create-change-logs.js';

/** Every migration, in order. Files are frozen once merged: add a new one instead of editing. */
export const migrations: Record<string, Migration> = {
  '202611250900-create-org': createOrg,
  '202611251000-create-worklists': createWorklists,
  '202611251020-create-indicators': createIndicators,
  '202611251030-create-policies': createPolicies,
  '202611251200-create-jobs-notifications-calendar': createJobs,
  '202611251300-create-supervision': createSupervision,
  '202611251400-add-item-list-indexes': addItemListIndexes,
  '202612020700-create-change-logs': createChangeLogs,
};
