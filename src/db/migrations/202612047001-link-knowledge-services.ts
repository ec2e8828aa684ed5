import type { Kysely } from 'kysely';

/**
 * A demand-desk knowledge answer may name the service (政务服务事项) it is about, so the seat can
 * send the caller to the service's public guide (issue 11: "linked to the service catalogue").
 * The link is to one version of the service; the guide is found by its code, shared by every version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('demand_knowledge')
    .addColumn('service_id', 'integer', (c) => c.references('service_item.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('demand_knowledge').dropColumn('service_id').execute();
}
