import type { Kysely } from 'kysely';
import { withId } from './helpers.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The catalogue: national level-1 indicators, (placeholder) sub-indicators and the office's KPIs.
  await withId(db, db.schema.createTable('indicator'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name_zh', 'varchar(120)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(160)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('indicator.id'))
    .addColumn('environment', 'varchar(16)', (c) => c.notNull())
    .addColumn('lifecycle_group', 'varchar(40)')
    .addColumn('unit_of_measure', 'varchar(40)')
    .addColumn('direction', 'varchar(24)')
    .addColumn('physical_min', 'double precision')
    .addColumn('physical_max', 'double precision')
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_parent_idx').on('indicator').column('parent_id').execute();

  await withId(db, db.schema.createTable('indicator_value'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'varchar(300)', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_value_key', ['indicator_id', 'unit_id', 'period'])
    .execute();
  await db.schema.createIndex('indicator_value_unit_idx').on('indicator_value').columns(['unit_id', 'period']).execute();

  await withId(db, db.schema.createTable('indicator_target'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_target_key', ['indicator_id', 'unit_id', 'period'])
    .execute();

  // Peer leagues/cities of the regional evaluation: a component value or a topic score per row
  // (component_id '' marks a topic score).
  await withId(db, db.schema.createTable('indicator_peer_value'))
    .addColumn('method_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('peer_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('peer_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('topic_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('component_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'varchar(300)', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_peer_value_key', ['method_id', 'period', 'peer_code', 'topic_id', 'component_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['indicator_peer_value', 'indicator_target', 'indicator_value', 'indicator']) await db.schema.dropTable(t).execute();
}
