import { type Kysely, sql } from 'kysely';
import { withId } from './helpers.js';

/**
 * Explanations are computed when asked for instead of stored on every match result (a tree of
 * several kilobytes per row, a gigabyte-class column for a city's registry × its benefits). What a
 * result keeps is the rule version it was decided with: the benefit's rule text and the texts of the
 * rules it refers to, recorded once per change of the rule (a few hundred rows, not millions).
 *
 * Results stored before this migration have no rule version; they are explained with the benefit's
 * rule in force, and every auto-grant benefit is marked for re-matching so that the next run, which
 * is scheduled, records the version of each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('benefit_rule_version'))
    .addColumn('benefit_id', 'integer', (c) => c.notNull().references('benefit.id').onDelete('cascade'))
    .addColumn('rule_text', 'text', (c) => c.notNull())
    // the texts of the rules this one refers to (rule("CODE")), as a JSON object code → text
    .addColumn('refs_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benefit_rule_version_benefit_idx').on('benefit_rule_version').column('benefit_id').execute();
  await db.schema.alterTable('match_result').addColumn('rule_version_id', 'integer', (c) => c.references('benefit_rule_version.id')).execute();
  await db.schema.alterTable('match_result').dropColumn('explanation_json').execute();
  await sql`update benefit set match_stale = 1 where auto_grant = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('match_result').addColumn('explanation_json', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('match_result').dropColumn('rule_version_id').execute();
  await db.schema.dropTable('benefit_rule_version').execute();
  await sql`update benefit set match_stale = 1 where auto_grant = 1`.execute(db);
}
