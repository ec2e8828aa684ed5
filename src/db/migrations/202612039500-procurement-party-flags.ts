import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

/**
 * The OCDS red flags about a party (buyer, procuring entity or tenderer), from the last OCDS file
 * that named it: the bidder history page shows them. Re-importing replaces a party's row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('procurement_party_flag'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('procurement_import.id'))
    .addColumn('party_id', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('procurement_party_flag').execute();
}
