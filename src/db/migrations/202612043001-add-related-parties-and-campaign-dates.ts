import { type Kysely, sql } from 'kysely';

/**
 * Two dated facts for procurement (issue 12):
 * - the enterprise registry records the legal representative (法定代表人) and the shareholders (股东,
 *   names or credit codes, a JSON list), so the related-party signal can read them from the registry;
 * - a campaign project records when it was checked and a problem when it was verified, so the
 *   bulletin of a past month counts what was true at that month's end.
 * Backfill: a checked project takes its campaign's start date (the earliest it can have been
 * checked); a verified problem takes the date of its audited verification, else its own date.
 * Dates are the UTC date of the stored instants: the rows backfilled predate any bulletin that
 * could tell the difference.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('enterprise').addColumn('legal_representative', 'text').execute();
  await db.schema.alterTable('enterprise').addColumn('shareholders_json', 'text').execute();
  await db.schema.alterTable('procurement_campaign_project').addColumn('checked_on', 'varchar(10)').execute();
  await db.schema.alterTable('procurement_campaign_problem').addColumn('verified_on', 'varchar(10)').execute();
  await sql`update procurement_campaign_project set checked_on = (
      select substr(c.created_at, 1, 10) from procurement_campaign c where c.id = procurement_campaign_project.campaign_id
    ) where checked = 1`.execute(db);
  await sql`update procurement_campaign_problem set verified_on = substr(coalesce((
      select max(a.at) from audit_log a
      where a.action = 'procurement.campaign.verify' and a.entity = 'procurement_campaign_problem'
        and a.entity_id = cast(procurement_campaign_problem.id as varchar(64))
    ), procurement_campaign_problem.created_at), 1, 10) where verified = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('procurement_campaign_problem').dropColumn('verified_on').execute();
  await db.schema.alterTable('procurement_campaign_project').dropColumn('checked_on').execute();
  await db.schema.alterTable('enterprise').dropColumn('shareholders_json').execute();
  await db.schema.alterTable('enterprise').dropColumn('legal_representative').execute();
}
