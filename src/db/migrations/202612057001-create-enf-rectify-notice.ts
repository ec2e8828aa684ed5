import type { Kysely } from 'kysely';

/**
 * `enf_rectify_notice` remembers which rectification deadline (整改期限) of an inspection result the
 * responsible department and the office have been told has passed. The key is (result, deadline): the
 * daily run tells each deadline once, however often it runs and in however many processes, and a
 * deadline moved later that passes again is told again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enf_rectify_notice')
    .addColumn('result_id', 'integer', (c) => c.notNull().references('enf_result.id').onDelete('cascade'))
    .addColumn('rectify_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('notified_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('enf_rectify_notice_pk', ['result_id', 'rectify_due'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('enf_rectify_notice').execute();
}
