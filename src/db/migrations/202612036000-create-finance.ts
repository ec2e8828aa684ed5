import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

/**
 * The financing environment (融资环境): banks and their account managers, financing needs and the
 * banks they are published to (response, offer, 授信, 放款), matchmaking events, major projects, the
 * key-enterprise desk (专班+行长), the listing reserve and the banks' monthly loan returns. Money is
 * integer fen in bigint columns (147.592 bn yuan is 1.5e13 fen, beyond a 32-bit integer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('finance_bank'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('finance_bank_user')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('finance_bank.id'))
    .execute();
  await withId(db, db.schema.createTable('finance_project'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('county_code', 'varchar(6)')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('finance_need'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('collateral', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.references('finance_project.id'))
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_ref', 'varchar(60)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('filed_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finance_need_enterprise').on('finance_need').column('enterprise_id').execute();
  await withId(db, db.schema.createTable('finance_publication'))
    .addColumn('need_id', 'integer', (c) => c.notNull().references('finance_need.id'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('finance_bank.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('response', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('offer_fen', 'bigint')
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'integer')
    .addColumn('granted_fen', 'bigint')
    .addColumn('granted_on', 'text')
    .addColumn('landed_fen', 'bigint')
    .addColumn('landed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('finance_publication_need_bank', ['need_id', 'bank_id'])
    .execute();
  await db.schema.createIndex('finance_publication_bank').on('finance_publication').column('bank_id').execute();
  await withId(db, db.schema.createTable('finance_event'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'varchar(200)')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // who was invited and which needs were presented: one row per (event, kind, ref)
  await db.schema
    .createTable('finance_event_party')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('finance_event.id'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('finance_event_party_pk', ['event_id', 'kind', 'ref_id'])
    .execute();
  await withId(db, db.schema.createTable('finance_followup'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('finance_event.id'))
    .addColumn('need_id', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('finance_desk'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('member_user_id', 'integer', (c) => c.notNull())
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('finance_bank.id'))
    .addColumn('president_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('finance_desk_step'))
    .addColumn('desk_id', 'integer', (c) => c.notNull().references('finance_desk.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('item_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('finance_listing'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().unique())
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('exchange', 'varchar(40)')
    .addColumn('board', 'varchar(40)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // stage moves, services received and subsidies paid, one log
  await withId(db, db.schema.createTable('finance_listing_event'))
    .addColumn('listing_id', 'integer', (c) => c.notNull().references('finance_listing.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'varchar(20)')
    .addColumn('to_stage', 'varchar(20)')
    .addColumn('note', 'text')
    .addColumn('match_result_id', 'integer')
    .addColumn('amount_fen', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('finance_loan_return'))
    .addColumn('bank_id', 'integer', (c) => c.notNull().references('finance_bank.id'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('balance_fen', 'bigint', (c) => c.notNull())
    .addColumn('private', 'integer', (c) => c.notNull())
    .addColumn('sme', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('finance_loan_return_key', ['bank_id', 'period', 'enterprise_id'])
    .execute();
  await db.schema
    .createTable('finance_region_stat')
    .addColumn('period', 'varchar(7)', (c) => c.primaryKey())
    .addColumn('balance_fen', 'bigint', (c) => c.notNull())
    .addColumn('private_fen', 'bigint', (c) => c.notNull())
    .addColumn('sme_fen', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
