import type { Migration } from 'kysely';
import * as createOrg from './202611250900-create-org.js';

/** Every migration, in order. Files are frozen once merged: add a new one instead of editing. */
export const migrations: Record<string, Migration> = {
  '202611250900-create-org': createOrg,
};
