import { type Kysely, sql } from 'kysely';
import { isPostgres, withId } from './helpers.js';

/**
 * A log of changes that can alter a listed page of items, written by SQLite triggers so that every
 * writer (any server process, the CLI, an import) is seen. Each server process reads the rows it has
 * not seen yet and drops only the cached pages they affect: a comment or a report on one item no longer
 * empties every page. `reach` = 2 when the change can move any item in or out of any filter (insert,
 * delete, code/text/list/area/stage/deadline, assignments, unit and list names, the calendar); 1 when
 * the item was closed or reopened (the overdue and due-soon filters); 0 when only other fields changed
 * (status between open states, percent, notes on the row), which matter to a page only if it filters or
 * sorts on them or shows that item. The table exists on PostgreSQL too (one schema); there the caches
 * use the process write counter instead (src/db/change-stamp.ts) and nothing writes here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('item_change'))
    .addColumn('item_id', 'integer')
    .addColumn('reach', 'integer', (c) => c.notNull())
    .execute();
  // Counters of writes to the tables one cache reads ('auth': sessions, users, units — every request
  // resolves its session), so that cache survives all other writes (src/db/change-stamp.ts).
  await db.schema
    .createTable('change_counter')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into change_counter (name, n) values ('auth', 0)`.execute(db);
  if (isPostgres(db)) return;
  for (const [name, body] of triggers()) await sql.raw(`create trigger ${name} ${body}`).execute(db);
}

function triggers(): [string, string][] {
  const log = (itemId: string, reach: string) => `insert into item_change(item_id, reach) values (${itemId}, ${reach});`;
  const filtered = ['list_id', 'kind', 'code', 'sort_order', 'area', 'content', 'measures', 'deadline', 'stage'];
  const narrow = filtered.map((c) => `new.${c} is not old.${c}`).join(' or ');
  const closedness = `(new.status = 'closed') <> (old.status = 'closed')`;
  return [
    ['item_change_item_ai', `after insert on item begin ${log('new.id', '2')} end`],
    ['item_change_item_ad', `after delete on item begin ${log('old.id', '2')} end`],
    [
      'item_change_item_au',
      `after update on item begin ${log('new.id', `case when ${narrow} then 2 when ${closedness} then 1 else 0 end`)} end`,
    ],
    ['item_change_assignment_ai', `after insert on item_assignment begin ${log('new.item_id', '2')} end`],
    ['item_change_assignment_ad', `after delete on item_assignment begin ${log('old.item_id', '2')} end`],
    ['item_change_assignment_au', `after update on item_assignment begin ${log('new.item_id', '2')} end`],
    ['item_change_unit_au', `after update of name on unit begin ${log('null', '2')} end`],
    ['item_change_worklist_au', `after update of name on worklist begin ${log('null', '2')} end`],
    ['item_change_calendar_ai', `after insert on calendar_day begin ${log('null', '2')} end`],
    ['item_change_calendar_ad', `after delete on calendar_day begin ${log('null', '2')} end`],
    ['item_change_calendar_au', `after update on calendar_day begin ${log('null', '2')} end`],
    ...['session', 'app_user', 'unit'].flatMap((table): [string, string][] =>
      ['insert', 'update', 'delete'].map((op) => [
        `change_counter_${table}_${op[0]}`,
        `after ${op} on ${table} begin update change_counter set n = n + 1 where name = 'auth'; end`,
      ]),
    ),
    // Bounded: every 1 000th row drops all but the last 5 000; a reader further behind starts afresh.
    [
      'item_change_prune',
      `after insert on item_change when new.id % 1000 = 0 begin delete from item_change where id <= new.id - 5000; end`,
    ],
  ];
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) for (const [name] of triggers()) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await db.schema.dropTable('change_counter').execute();
  await db.schema.dropTable('item_change').execute();
}
