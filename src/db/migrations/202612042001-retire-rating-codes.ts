import type { Kysely } from 'kysely';

/** A window's or specialist's rating code can be deactivated (a counter closed, a specialist gone); its ratings stay counted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('demand_rating_code').addColumn('retired_at', 'varchar(32)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('demand_rating_code').dropColumn('retired_at').execute();
}
