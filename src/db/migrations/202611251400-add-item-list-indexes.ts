import type { Kysely } from 'kysely';

/**
 * Covering indexes for the item list (issue 3, performance): the overdue and due-soon filters
 * (deadline range, status <> closed) and their counts are answered from the index alone, and the
 * unit filter reads item ids straight from the assignment index (both replace narrower ones); the
 * indicator-area filter and its count use an index instead of reading every item.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('item_deadline_status_idx').on('item').columns(['deadline', 'status']).execute();
  await db.schema.dropIndex('item_deadline_idx').execute();
  await db.schema.createIndex('item_assignment_unit_role_item_idx').on('item_assignment').columns(['unit_id', 'role', 'item_id']).execute();
  await db.schema.dropIndex('item_assignment_unit_idx').execute();
  await db.schema.createIndex('item_area_idx').on('item').column('area').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('item_area_idx').execute();
  await db.schema.createIndex('item_assignment_unit_idx').on('item_assignment').columns(['unit_id', 'role']).execute();
  await db.schema.dropIndex('item_assignment_unit_role_item_idx').execute();
  await db.schema.createIndex('item_deadline_idx').on('item').column('deadline').execute();
  await db.schema.dropIndex('item_deadline_status_idx').execute();
}
