import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers.js';

const COUNTED = ['demand_subject', 'demand_route_rule', 'demand_deadline'] as const;

/**
 * A `demand_settings` write counter (SQLite triggers, like `auth` and `demands`): the change stamp of
 * what ticket intake reads on every ticket but rarely changes — subjects, routing rules, deadlines —
 * and of the unit and subject names the desk shows. The `demands` counter moves with every ticket,
 * so a cache on it would be emptied by the very intake it should speed up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into change_counter (name, n) values ('demand_settings', 0)`.execute(db);
  if (isPostgres(db)) return;
  for (const [name, body] of triggers()) await sql.raw(`create trigger ${name} ${body}`).execute(db);
}

function triggers(): [string, string][] {
  const bump = `begin update change_counter set n = n + 1 where name = 'demand_settings'; end`;
  return [
    ...COUNTED.flatMap((table): [string, string][] =>
      ['insert', 'update', 'delete'].map((op) => [`change_counter_demand_settings_${table}_${op[0]}`, `after ${op} on ${table} ${bump}`]),
    ),
    ['change_counter_demand_settings_unit_i', `after insert on unit ${bump}`],
    ['change_counter_demand_settings_unit_d', `after delete on unit ${bump}`],
    ['change_counter_demand_settings_unit_u', `after update of name on unit ${bump}`],
  ];
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) for (const [name] of triggers()) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await sql`delete from change_counter where name = 'demand_settings'`.execute(db);
}
