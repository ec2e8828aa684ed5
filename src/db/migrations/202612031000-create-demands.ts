import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers.js';

/**
 * The enterprise demand desk: tickets (诉求工单) with their history, the configurable subject tree,
 * routing rules and deadlines, the knowledge base, one-time rating codes and in-person rating codes
 * (评价码), specialists' key enterprises and visit logs, and the Open311 client keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('demand_subject'))
    .addColumn('parent_id', 'integer', (c) => c.references('demand_subject.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable('demand_route_rule'))
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('demand_subject.id'))
    // null = any county (the fallback rule of the subject)
    .addColumn('county_code', 'varchar(12)')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_route_rule_key').on('demand_route_rule').columns(['subject_id', 'county_code']).execute();

  // Deadlines per type in working days; the key 'sign_for' holds the sign-for limit in working hours.
  await db.schema
    .createTable('demand_deadline')
    .addColumn('key', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('demand'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    // the 12345 platform's own number, for re-imports
    .addColumn('external_code', 'varchar(64)', (c) => c.unique())
    .addColumn('idempotency_key', 'varchar(100)', (c) => c.unique())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('type', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('demand_subject.id'))
    .addColumn('county_code', 'varchar(12)')
    .addColumn('address', 'varchar(300)')
    .addColumn('uscc', 'varchar(18)')
    .addColumn('enterprise_id', 'integer')
    .addColumn('enterprise_name', 'varchar(200)')
    .addColumn('contact_name', 'varchar(100)')
    .addColumn('contact_phone', 'varchar(30)')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sign_due_at', 'varchar(32)')
    .addColumn('due_at', 'varchar(32)')
    .addColumn('dispatched_at', 'varchar(32)')
    .addColumn('signed_at', 'varchar(32)')
    .addColumn('answered_at', 'varchar(32)')
    .addColumn('answer', 'text')
    .addColumn('followed_up_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('signed_on_time', 'integer')
    .addColumn('closed_on_time', 'integer')
    .addColumn('first_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handling_hours', 'real')
    .addColumn('rating', 'integer')
    .addColumn('rating_code_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_extension_days', 'integer')
    .addColumn('pending_extension_reason', 'varchar(500)')
    .addColumn('merged_into_id', 'integer', (c) => c.references('demand.id'))
    .addColumn('specialist_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('open311_client_id', 'integer')
    .addColumn('open311_token', 'varchar(40)', (c) => c.unique())
    .addColumn('overdue_notified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_received').on('demand').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('demand_unit_status').on('demand').columns(['unit_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('demand_status_due').on('demand').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('demand_uscc').on('demand').columns(['uscc', 'received_at']).execute();
  await db.schema.createIndex('demand_phone').on('demand').columns(['contact_phone', 'received_at']).execute();
  await db.schema.createIndex('demand_status_received').on('demand').columns(['status', 'received_at']).execute();
  await db.schema.createIndex('demand_unit_received').on('demand').columns(['unit_id', 'received_at']).execute();
  await db.schema.createIndex('demand_type_received').on('demand').columns(['type', 'received_at']).execute();
  await db.schema.createIndex('demand_month_unit').on('demand').columns(['month', 'unit_id']).execute();

  await withId(db, db.schema.createTable('demand_event'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demand.id'))
    .addColumn('action', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_event_demand').on('demand_event').columns(['demand_id', 'id']).execute();

  // Attachments (the content checked by type and size before it is stored); the bytes in their own column, read only on download.
  await withId(db, db.schema.createTable('demand_attachment'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('demand.id'))
    .addColumn('filename', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploader_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_attachment_demand').on('demand_attachment').column('demand_id').execute();

  await withId(db, db.schema.createTable('demand_rating_code'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Every rating: of a ticket (once per answer) or through an in-person rating code.
  await withId(db, db.schema.createTable('demand_rating'))
    .addColumn('demand_id', 'integer', (c) => c.references('demand.id'))
    .addColumn('rating_code_id', 'integer', (c) => c.references('demand_rating_code.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('comment', 'varchar(500)')
    // the hash of the one-time code used, so a second use is told apart from a mistyped code
    .addColumn('code_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_rating_month').on('demand_rating').columns(['month', 'unit_id']).execute();

  await withId(db, db.schema.createTable('demand_knowledge'))
    .addColumn('subject_id', 'integer', (c) => c.references('demand_subject.id'))
    .addColumn('question', 'varchar(300)', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('keywords', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('policy_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('demand_key_enterprise'))
    .addColumn('uscc', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('specialist_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('chief_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('demand_visit'))
    .addColumn('uscc', 'varchar(18)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('visitor_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('visited_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('open311_client'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['open311_client', 'demand_visit', 'demand_key_enterprise', 'demand_knowledge', 'demand_rating', 'demand_rating_code', 'demand_attachment', 'demand_event', 'demand', 'demand_deadline', 'demand_route_rule', 'demand_subject']) {
    await db.schema.dropTable(t).execute();
  }
}
