import type { Migration } from 'kysely';
import * as createOrg from './202611250900-create-org.js';
import * as createWorklists from './202611251000-create-worklists.js';
import * as createJobs from './202611251200-create-jobs-notifications-calendar.js';

/** Every migration, in order. Files are frozen once merged: add a new one instead of editing. */
export const migrations: Record<string, Migration> = {
  '202611250900-create-org': createOrg,
  '202611251000-create-worklists': createWorklists,
  '202611251200-create-jobs-notifications-calendar': createJobs,
};
