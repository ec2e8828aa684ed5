import type { Executor } from '../../db/database.js';

/** Open items whose deadline is before `before` and whose office has not yet heard of it for that deadline. */
export function findNewlyOverdue(db: Executor, before: string) {
  return db
    .selectFrom('item')
    .innerJoin('worklist', 'worklist.id', 'item.list_id')
    .leftJoin('item_overdue_notice as n', (j) => j.onRef('n.item_id', '=', 'item.id').onRef('n.deadline', '=', 'item.deadline'))
    .select(['item.id', 'item.code', 'item.content', 'item.deadline', 'worklist.name as list_name'])
    .where('item.status', '<>', 'closed')
    .where('item.deadline', 'is not', null)
    .where('item.deadline', '<', before)
    .where('n.item_id', 'is', null)
    .orderBy('item.deadline')
    .orderBy('item.id')
    .execute();
}

export async function recordOverdueNotices(db: Executor, rows: { item_id: number; deadline: string }[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('item_overdue_notice')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, notified_at: at })))
      .onConflict((oc) => oc.columns(['item_id', 'deadline']).doNothing())
      .execute();
  }
}
