import type { Kysely } from 'kysely';

/**
 * A complaint about enforcement (涉企执法监督) imported from the demand desk keeps the ticket it came
 * from; the unique index makes the import idempotent (a ticket becomes one complaint, however often
 * the import runs). Complaints entered here have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('enf_complaint').addColumn('ticket_id', 'integer').execute();
  await db.schema.createIndex('enf_complaint_ticket_idx').on('enf_complaint').column('ticket_id').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enf_complaint_ticket_idx').execute();
  await db.schema.alterTable('enf_complaint').dropColumn('ticket_id').execute();
}
