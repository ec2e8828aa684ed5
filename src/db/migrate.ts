import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Brings the schema to the latest migration; running it again changes nothing. */
export async function migrateToLatest(db: Kysely<DB>): Promise<{ applied: string[] }> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export async function migrateDownAll(db: Kysely<DB>): Promise<void> {
  const m = migrator(db);
  for (;;) {
    const r = await m.migrateDown();
    if (r.error) throw r.error;
    if (!r.results?.length) return;
  }
}
