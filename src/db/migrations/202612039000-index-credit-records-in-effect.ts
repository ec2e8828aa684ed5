import type { Kysely } from 'kysely';

/**
 * Grading every enterprise counts the credit records still in effect per enterprise and kind, a
 * range of enterprise ids at a time: an index on (enterprise_id, ended_on, kind) answers that from
 * the index alone on both dialects, in enterprise order, and still serves the per-enterprise lookups
 * the plain enterprise_id index served, so it replaces it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('enf_credit_record_effect_idx').on('enf_credit_record').columns(['enterprise_id', 'ended_on', 'kind']).execute();
  await db.schema.dropIndex('enf_credit_record_ent_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('enf_credit_record_ent_idx').on('enf_credit_record').columns(['enterprise_id']).execute();
  await db.schema.dropIndex('enf_credit_record_effect_idx').execute();
}
