import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

/**
 * Government services (政务服务): the catalogue with its validity dates (a streamlining round ends
 * rows and records why), one-thing packages and their cases with per-department steps, a per-day
 * roll-up of finished cases (the year statistics read it, never the cases), assisted service and
 * the service network.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('service_item'))
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('county_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('legal_days', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'real', (c) => c.notNull())
    .addColumn('fee_fen', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('fully_online', 'integer', (c) => c.notNull())
    .addColumn('mobile', 'integer', (c) => c.notNull())
    .addColumn('smart', 'integer', (c) => c.notNull())
    .addColumn('hubao', 'integer', (c) => c.notNull())
    .addColumn('regional', 'integer', (c) => c.notNull())
    .addColumn('cross_province', 'integer', (c) => c.notNull())
    .addColumn('park', 'integer', (c) => c.notNull())
    .addColumn('park_basis', 'varchar(20)')
    .addColumn('place', 'varchar(200)')
    .addColumn('online_url', 'varchar(300)')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('round_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_item_code').on('service_item').columns(['code', 'valid_from']).execute();
  await db.schema.createIndex('service_item_valid').on('service_item').columns(['valid_from', 'valid_to']).execute();

  await withId(db, db.schema.createTable('service_round'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('before_count', 'integer', (c) => c.notNull())
    .addColumn('after_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('service_round_change'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('service_round.id'))
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('into_code', 'varchar(60)')
    .addColumn('to_level', 'varchar(20)')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_round_change_round').on('service_round_change').column('round_id').execute();

  await withId(db, db.schema.createTable('service_package'))
    .addColumn('code', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('promised_days', 'real', (c) => c.notNull())
    .addColumn('form_fields', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('before_steps', 'integer', (c) => c.notNull())
    .addColumn('before_materials', 'integer', (c) => c.notNull())
    .addColumn('before_days', 'real', (c) => c.notNull())
    .addColumn('before_visits', 'integer', (c) => c.notNull())
    .addColumn('before_fee_fen', 'integer', (c) => c.notNull())
    .addColumn('after_steps', 'integer', (c) => c.notNull())
    .addColumn('after_visits', 'integer', (c) => c.notNull())
    .addColumn('after_fee_fen', 'integer', (c) => c.notNull())
    .addColumn('place', 'varchar(200)')
    .addColumn('online_url', 'varchar(300)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('service_package_member'))
    .addColumn('package_id', 'integer', (c) => c.notNull().references('service_package.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('service_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .execute();
  await db.schema.createIndex('service_package_member_package').on('service_package_member').column('package_id').execute();

  await withId(db, db.schema.createTable('service_case'))
    .addColumn('package_id', 'integer', (c) => c.notNull().references('service_package.id'))
    .addColumn('applicant', 'varchar(200)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('elapsed_minutes', 'integer')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('steps', 'integer')
    .addColumn('documents', 'integer')
    .addColumn('waived_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_case_package').on('service_case').columns(['package_id', 'submitted_at']).execute();
  await withId(db, db.schema.createTable('service_case_step'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('service_case.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('service_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(30)')
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('result', 'varchar(20)')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('service_case_step_case').on('service_case_step').column('case_id').execute();
  // One row per package and finishing day: what the period statistics add up.
  await db.schema
    .createTable('service_case_day')
    .addColumn('package_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('finished', 'integer', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('elapsed_minutes', 'integer', (c) => c.notNull())
    .addColumn('waived_fen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_case_day_pk', ['package_id', 'day'])
    .execute();
  await db.schema.createIndex('service_case_day_day').on('service_case_day').column('day').execute();

  await withId(db, db.schema.createTable('service_point'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('parent_id', 'integer')
    .addColumn('all_in_one', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enterprise_zone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address', 'varchar(300)', (c) => c.notNull())
    .addColumn('hours', 'varchar(200)', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('service_assistant'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('point_id', 'integer', (c) => c.references('service_point.id'))
    .addColumn('phone', 'varchar(40)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('service_assisted_case'))
    .addColumn('external_no', 'varchar(60)', (c) => c.unique())
    .addColumn('assistant_id', 'integer', (c) => c.notNull().references('service_assistant.id'))
    .addColumn('applicant', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('finished_on', 'varchar(10)')
    .addColumn('result', 'varchar(20)', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_assisted_case_month').on('service_assisted_case').columns(['received_on', 'assistant_id']).execute();
}
