import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers.js';

/** The states in which a ticket waits at a unit and can be overdue (the list's overdue filter). */
const WAITING = `status in ('dispatched', 'in_progress', 'sent_back')`;
const COUNTED = ['demand', 'demand_rating', 'demand_subject'] as const;

/**
 * Issue 11's figures "as of a period end" and the ticket list at 100 000 tickets.
 *
 * - `rated_at` (when the ticket's current rating was given) and `reopened_at` (its first 重办) let
 *   the KPIs and the monthly bulletin count a past month as it stood at its end. Existing rows take
 *   the best date they have: the close time (a good rating closes the ticket), else the last update;
 *   the first reopen from the ticket's history.
 * - The overdue list reads the waiting tickets in deadline order: partial indexes on the deadline
 *   (whole city, and per unit) give its first page and its count without sorting every open ticket.
 * - A `demands` write counter (SQLite triggers, like the `auth` one of 202612020700) is the change
 *   stamp of the desk's cached figures and list counts: any write to tickets, ratings or subjects,
 *   by any process, moves it; unit and user renames (the labels) move it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('demand')
    .addColumn('rated_at', 'varchar(32)')
    .execute();
  await db.schema
    .alterTable('demand')
    .addColumn('reopened_at', 'varchar(32)')
    .execute();
  await sql`update demand set rated_at = coalesce(closed_at, updated_at) where rating is not null`.execute(db);
  await sql`update demand set reopened_at = coalesce(
      (select min(e.at) from demand_event e where e.demand_id = demand.id and e.action = 'reopen'), rated_at, updated_at)
    where reopen_count > 0`.execute(db);

  await sql`create index demand_waiting_due on demand (due_at, id) where ${sql.raw(WAITING)}`.execute(db);
  await sql`create index demand_unit_waiting_due on demand (unit_id, due_at, id) where ${sql.raw(WAITING)}`.execute(db);

  await sql`insert into change_counter (name, n) values ('demands', 0)`.execute(db);
  if (isPostgres(db)) return;
  for (const [name, body] of triggers()) await sql.raw(`create trigger ${name} ${body}`).execute(db);
}

function triggers(): [string, string][] {
  const bump = `begin update change_counter set n = n + 1 where name = 'demands'; end`;
  return [
    ...COUNTED.flatMap((table): [string, string][] =>
      ['insert', 'update', 'delete'].map((op) => [`change_counter_demands_${table}_${op[0]}`, `after ${op} on ${table} ${bump}`]),
    ),
    ['change_counter_demands_unit_u', `after update of name on unit ${bump}`],
    ['change_counter_demands_user_u', `after update of display_name on app_user ${bump}`],
  ];
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) for (const [name] of triggers()) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await sql`delete from change_counter where name = 'demands'`.execute(db);
  await db.schema.dropIndex('demand_unit_waiting_due').execute();
  await db.schema.dropIndex('demand_waiting_due').execute();
  await db.schema.alterTable('demand').dropColumn('reopened_at').execute();
  await db.schema.alterTable('demand').dropColumn('rated_at').execute();
}
