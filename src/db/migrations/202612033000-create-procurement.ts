import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('procurement_import'))
    .addColumn('filename', 'varchar(200)', (c) => c.notNull())
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('tenders', 'integer', (c) => c.notNull())
    .addColumn('bids', 'integer', (c) => c.notNull())
    .addColumn('suspect', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('procurement_tender'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('procurement_import.id'))
    // tender id, or tender id/lot id: re-importing a tender replaces it
    .addColumn('key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('tender_id', 'varchar(160)', (c) => c.notNull())
    .addColumn('lot_id', 'varchar(60)')
    .addColumn('title', 'varchar(300)')
    .addColumn('buyer_id', 'varchar(160)')
    .addColumn('bid_date', 'varchar(10)')
    .addColumn('month', 'varchar(7)')
    .addColumn('bid_count', 'integer', (c) => c.notNull())
    .addColumn('screens_json', 'text', (c) => c.notNull())
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .addColumn('flag_count', 'integer', (c) => c.notNull())
    // risk in basis points (0–10 000), so lists sort on an integer on both dialects
    .addColumn('risk_bp', 'integer', (c) => c.notNull())
    .addColumn('suspect', 'integer', (c) => c.notNull())
    .addColumn('remote_evaluation', 'integer')
    // the outcome of a closed case: 1 penalised, 0 cleared (the calibration's labels)
    .addColumn('label', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procurement_tender_risk_idx').on('procurement_tender').columns(['suspect', 'risk_bp']).execute();
  await db.schema.createIndex('procurement_tender_month_idx').on('procurement_tender').columns(['month']).execute();

  await withId(db, db.schema.createTable('procurement_bid'))
    .addColumn('tender_pk', 'integer', (c) => c.notNull().references('procurement_tender.id').onDelete('cascade'))
    .addColumn('bidder_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('bidder_name', 'varchar(200)')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('winner', 'integer', (c) => c.notNull())
    .addColumn('meta_json', 'text')
    .execute();
  await db.schema.createIndex('procurement_bid_tender_idx').on('procurement_bid').columns(['tender_pk']).execute();
  await db.schema.createIndex('procurement_bid_bidder_idx').on('procurement_bid').columns(['bidder_id']).execute();

  // Pairs and groups are rebuilt from every stored tender after each import.
  await withId(db, db.schema.createTable('procurement_pair'))
    .addColumn('bidder_a', 'varchar(60)', (c) => c.notNull())
    .addColumn('bidder_b', 'varchar(60)', (c) => c.notNull())
    .addColumn('co_bids', 'integer', (c) => c.notNull())
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procurement_pair_a_idx').on('procurement_pair').columns(['bidder_a']).execute();
  await db.schema.createIndex('procurement_pair_b_idx').on('procurement_pair').columns(['bidder_b']).execute();

  await withId(db, db.schema.createTable('procurement_group'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('members_json', 'text', (c) => c.notNull())
    .addColumn('tenders', 'integer', (c) => c.notNull())
    .addColumn('wins_json', 'text', (c) => c.notNull())
    .addColumn('risk_bp', 'integer', (c) => c.notNull())
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('procurement_group_member')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('procurement_group.id').onDelete('cascade'))
    .addColumn('bidder_id', 'varchar(60)', (c) => c.notNull())
    .addPrimaryKeyConstraint('procurement_group_member_pk', ['group_id', 'bidder_id'])
    .execute();
  await db.schema.createIndex('procurement_group_member_bidder_idx').on('procurement_group_member').columns(['bidder_id']).execute();

  await withId(db, db.schema.createTable('procurement_case'))
    .addColumn('subject', 'varchar(8)', (c) => c.notNull())
    .addColumn('tender_pk', 'integer', (c) => c.references('procurement_tender.id'))
    .addColumn('members_json', 'text')
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    // lead (线索) → verification (核查) → disposed (处理)
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)')
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('deadline', 'varchar(10)')
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('procurement_case_unit_idx').on('procurement_case').columns(['unit_id', 'stage']).execute();

  await withId(db, db.schema.createTable('procurement_case_event'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('procurement_case.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'varchar(60)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procurement_case_event_case_idx').on('procurement_case_event').columns(['case_id']).execute();

  await withId(db, db.schema.createTable('procurement_campaign'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable('procurement_campaign_project'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('procurement_campaign.id').onDelete('cascade'))
    .addColumn('code', 'varchar(100)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('agency', 'varchar(200)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addUniqueConstraint('procurement_campaign_project_uq', ['campaign_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('procurement_campaign_problem'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('procurement_campaign_project.id').onDelete('cascade'))
    .addColumn('misconduct', 'varchar(40)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procurement_campaign_problem_project_idx').on('procurement_campaign_problem').columns(['project_id']).execute();

  await db.schema
    .createTable('procurement_expert_pool')
    .addColumn('month', 'varchar(7)', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'procurement_expert_pool',
    'procurement_campaign_problem',
    'procurement_campaign_project',
    'procurement_campaign',
    'procurement_case_event',
    'procurement_case',
    'procurement_group_member',
    'procurement_group',
    'procurement_pair',
    'procurement_bid',
    'procurement_tender',
    'procurement_import',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
