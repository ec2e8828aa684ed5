import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';
import type { Role } from './common/roles.js';

/** What every service needs: configuration, the database and a clock that tests can control. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: () => Date;
  log: Logger;
}

/** The user on whose behalf a service acts; services scope every read and write by it. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  locale: 'zh-CN' | 'en';
  ip?: string | undefined;
}

/** Used for writes made by the system itself (seeding, jobs, CLI without a user). */
export const SYSTEM_ACTOR: Actor = {
  id: 0,
  username: 'system',
  displayName: '系统',
  role: 'admin',
  unitId: null,
  locale: 'zh-CN',
};
