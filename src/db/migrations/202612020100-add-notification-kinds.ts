import type { Kysely } from 'kysely';

/**
 * Notifications get a kind (for the inbox filter and the urgency of the outside channels), a flag
 * for messages waiting for the daily e-mail/robot digest, and a per-user choice between that
 * digest and immediate delivery. `item_overdue_notice` remembers which deadline of an item the
 * office has already been told is overdue, so the daily run tells it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notification').addColumn('kind', 'varchar(24)', (c) => c.notNull().defaultTo('general')).execute();
  await db.schema.alterTable('notification').addColumn('pending_digest', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('notification_user_kind_idx').on('notification').columns(['user_id', 'kind', 'read_at']).execute();
  await db.schema.createIndex('notification_digest_idx').on('notification').columns(['pending_digest', 'user_id']).execute();
  await db.schema.alterTable('user_contact').addColumn('delivery', 'varchar(16)', (c) => c.notNull().defaultTo('digest')).execute();

  await db.schema
    .createTable('item_overdue_notice')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('item.id').onDelete('cascade'))
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('notified_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_overdue_notice_pk', ['item_id', 'deadline'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('item_overdue_notice').execute();
  await db.schema.alterTable('user_contact').dropColumn('delivery').execute();
  await db.schema.dropIndex('notification_digest_idx').execute();
  await db.schema.dropIndex('notification_user_kind_idx').execute();
  await db.schema.alterTable('notification').dropColumn('pending_digest').execute();
  await db.schema.alterTable('notification').dropColumn('kind').execute();
}
