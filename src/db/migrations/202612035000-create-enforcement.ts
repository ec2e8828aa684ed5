import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

/** Tables of the enforcement module (法治环境): catalogue, officers, random inspections, credit grades. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const stamps = <T extends string>(t: ReturnType<typeof db.schema.createTable<T>>) =>
    t
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull());

  await stamps(withId(db, db.schema.createTable('enf_matter')))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('enf_check_item'))
    .addColumn('matter_id', 'integer', (c) => c.notNull())
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .execute();

  await stamps(withId(db, db.schema.createTable('enf_officer')))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('cert_no', 'varchar(40)')
    .addColumn('cert_valid_to', 'varchar(10)')
    .execute();
  await withId(db, db.schema.createTable('enf_recusal'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enf_recusal_uq').on('enf_recusal').columns(['unit_id', 'enterprise_id']).unique().execute();

  await stamps(withId(db, db.schema.createTable('enf_document')))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('doc_number', 'varchar(60)', (c) => c.notNull())
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('reviews_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outcome', 'varchar(10)')
    .addColumn('reviewed_on', 'varchar(10)')
    .execute();

  await stamps(withId(db, db.schema.createTable('enf_plan')))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('unit_ids_json', 'text', (c) => c.notNull())
    .addColumn('item_codes_json', 'text', (c) => c.notNull())
    .addColumn('filter_json', 'text', (c) => c.notNull())
    .addColumn('quotas_json', 'text', (c) => c.notNull())
    .addColumn('officer_ids_json', 'text', (c) => c.notNull())
    .addColumn('officers_per_visit', 'integer', (c) => c.notNull())
    .addColumn('window_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('window_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('off_site', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data_source', 'varchar(200)')
    .addColumn('publish_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('commitment', 'varchar(64)')
    .addColumn('snapshot_hash', 'varchar(64)')
    .addColumn('snapshot_json', 'text')
    .addColumn('seed', 'varchar(64)')
    .addColumn('committed_at', 'varchar(32)')
    .addColumn('drawn_at', 'varchar(32)')
    .addColumn('results_published_at', 'varchar(32)')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('enf_visit'))
    .addColumn('plan_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('grade', 'varchar(2)', (c) => c.notNull())
    .addColumn('item_codes_json', 'text', (c) => c.notNull())
    .addColumn('officer_ids_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enf_visit_plan_ent_uq').on('enf_visit').columns(['plan_id', 'enterprise_id']).unique().execute();
  await db.schema.createIndex('enf_visit_ent_idx').on('enf_visit').columns(['enterprise_id']).execute();

  await stamps(withId(db, db.schema.createTable('enf_result')))
    .addColumn('plan_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull())
    .addColumn('inspected_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('off_site', 'integer', (c) => c.notNull())
    .addColumn('rectify_due', 'varchar(10)')
    .addColumn('rectified_on', 'varchar(10)')
    .addColumn('waiver_reason', 'varchar(500)')
    .addColumn('recorded_by', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enf_result_uq').on('enf_result').columns(['plan_id', 'enterprise_id', 'item_code']).unique().execute();
  await db.schema.createIndex('enf_result_ent_idx').on('enf_result').columns(['enterprise_id', 'item_code']).execute();

  await withId(db, db.schema.createTable('enf_waiver'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('enf_credit_record'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('summary', 'varchar(500)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ended_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enf_credit_record_ent_idx').on('enf_credit_record').columns(['enterprise_id']).execute();
  await db.schema
    .createTable('enf_credit_grade')
    .addColumn('enterprise_id', 'integer', (c) => c.primaryKey())
    .addColumn('grade', 'varchar(2)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await stamps(withId(db, db.schema.createTable('enf_repair')))
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('review_note', 'varchar(500)')
    .addColumn('applied_by', 'integer', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer')
    .execute();

  await stamps(withId(db, db.schema.createTable('enf_complaint')))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer')
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(1000)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['enf_complaint', 'enf_repair', 'enf_credit_grade', 'enf_credit_record', 'enf_waiver', 'enf_result', 'enf_visit', 'enf_plan', 'enf_document', 'enf_recusal', 'enf_officer', 'enf_check_item', 'enf_matter'])
    await db.schema.dropTable(t).execute();
}
