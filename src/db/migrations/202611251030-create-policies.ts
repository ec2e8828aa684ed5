import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The enterprise registry (企业库). Latest figures in columns, earlier years in history_json.
  await withId(db, db.schema.createTable('enterprise'))
    .addColumn('uscc', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('legal_form', 'varchar(20)')
    .addColumn('registered_on', 'varchar(10)')
    .addColumn('capital', 'double precision')
    .addColumn('county_code', 'varchar(6)')
    .addColumn('industry_code', 'varchar(8)')
    .addColumn('size_class', 'varchar(2)')
    .addColumn('employees', 'double precision')
    .addColumn('revenue', 'double precision')
    .addColumn('assets', 'double precision')
    .addColumn('rd_spending', 'double precision')
    .addColumn('tax_grade', 'varchar(1)')
    .addColumn('figures_year', 'integer')
    .addColumn('qualifications_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('history_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('match_stale', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_county_idx').on('enterprise').column('county_code').execute();
  await db.schema.createIndex('enterprise_stale_idx').on('enterprise').column('match_stale').execute();

  // An enterprise account (role `enterprise`) acts for exactly one enterprise.
  await db.schema
    .createTable('enterprise_user')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .execute();

  await withId(db, db.schema.createTable('policy'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('department_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('doc_number', 'varchar(100)')
    .addColumn('effective_from', 'varchar(10)')
    .addColumn('effective_to', 'varchar(10)')
    .addColumn('body', 'text')
    .addColumn('link', 'varchar(500)')
    .addColumn('area', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_department_idx').on('policy').column('department_unit_id').execute();

  // Benefit items (兑现事项) with their eligibility rule and the example enterprises that test it.
  await withId(db, db.schema.createTable('benefit'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('formula', 'text')
    .addColumn('cap', 'double precision')
    .addColumn('auto_grant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule_text', 'text', (c) => c.notNull())
    .addColumn('examples_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('match_stale', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benefit_policy_idx').on('benefit').column('policy_id').execute();

  // One row per (enterprise, benefit) that matched or nearly matched, and its follow-through.
  await withId(db, db.schema.createTable('match_result'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('benefit_id', 'integer', (c) => c.notNull().references('benefit.id').onDelete('cascade'))
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('job_run_id', 'integer')
    .addColumn('matched_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('notified_at', 'varchar(32)')
    .addColumn('confirmed_at', 'varchar(32)')
    .addColumn('declined_at', 'varchar(32)')
    .addColumn('decline_reason', 'text')
    .addColumn('paid_on', 'varchar(10)')
    .addColumn('paid_amount', 'double precision')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('match_result_pair', ['enterprise_id', 'benefit_id'])
    .execute();
  await db.schema.createIndex('match_result_benefit_idx').on('match_result').columns(['benefit_id', 'status']).execute();
  await db.schema.createIndex('match_result_status_idx').on('match_result').column('status').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['match_result', 'benefit', 'policy', 'enterprise_user', 'enterprise']) await db.schema.dropTable(t).execute();
}
