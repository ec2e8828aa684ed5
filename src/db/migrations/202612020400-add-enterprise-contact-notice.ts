import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

/**
 * Telling an enterprise about a benefit: the registry's contact details, and what was sent on each
 * channel (inbox, e-mail, SMS-ready text) so the office can see and resend exactly that text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('enterprise').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('enterprise').addColumn('contact_phone', 'text').execute();
  await db.schema.alterTable('enterprise').addColumn('contact_email', 'text').execute();
  await withId(db, db.schema.createTable('enterprise_notice'))
    .addColumn('match_result_id', 'integer', (c) => c.notNull().references('match_result.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('enterprise_notice_result_idx').on('enterprise_notice').column('match_result_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('enterprise_notice').execute();
  await db.schema.alterTable('enterprise').dropColumn('contact_email').execute();
  await db.schema.alterTable('enterprise').dropColumn('contact_phone').execute();
  await db.schema.alterTable('enterprise').dropColumn('contact_name').execute();
}
