import type { Kysely } from 'kysely';

/**
 * A 投诉/举报 ticket may name the enterprise complained about (被投诉（举报）企业) — never the one
 * complaining — by its credit code (kept even when the registry does not know it, the id then null),
 * and the handling unit's finding when it answers (查实 / 部分查实 / 未查实). A substantiated finding
 * becomes a credit record of the enterprise complained about, linked by the ticket; the unique index
 * makes that import idempotent (a ticket becomes at most one record, however often the job runs).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('demand')
    .addColumn('respondent_uscc', 'text')
    .execute();
  await db.schema.alterTable('demand').addColumn('respondent_enterprise_id', 'integer').execute();
  await db.schema.alterTable('demand').addColumn('respondent_name', 'text').execute();
  await db.schema.alterTable('demand').addColumn('finding', 'text').execute();
  await db.schema.alterTable('demand').addColumn('found_at', 'text').execute();
  // The job reads the substantiated findings in id order.
  await db.schema.createIndex('demand_finding_idx').on('demand').columns(['finding', 'id']).execute();
  await db.schema.alterTable('enf_credit_record').addColumn('ticket_id', 'integer').execute();
  await db.schema.createIndex('enf_credit_record_ticket_idx').on('enf_credit_record').column('ticket_id').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enf_credit_record_ticket_idx').execute();
  await db.schema.alterTable('enf_credit_record').dropColumn('ticket_id').execute();
  await db.schema.dropIndex('demand_finding_idx').execute();
  for (const c of ['found_at', 'finding', 'respondent_name', 'respondent_enterprise_id', 'respondent_uscc'])
    await db.schema.alterTable('demand').dropColumn(c).execute();
}
