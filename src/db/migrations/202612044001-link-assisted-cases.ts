import { type Kysely, sql } from 'kysely';

/**
 * Assisted service (帮办代办) gains links instead of text alone: an assistant may carry the demand
 * desk's rating code (评价码), so the ratings of its cases count where the desk counts them; an
 * assisted case names its service or its one-thing package by id, and says through which channel it
 * was rated. Existing cases are linked where their text is a service's or package's code, or the
 * exact name of exactly one service (names repeat across the counties' copies of a delegated service).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('service_assistant').addColumn('rating_code', 'varchar(20)').execute();
  await db.schema
    .alterTable('service_assisted_case')
    .addColumn('service_id', 'integer', (c) => c.references('service_item.id'))
    .execute();
  await db.schema
    .alterTable('service_assisted_case')
    .addColumn('package_id', 'integer', (c) => c.references('service_package.id'))
    .execute();
  await db.schema.alterTable('service_assisted_case').addColumn('rated_via', 'varchar(10)').execute();
  await sql`update service_assisted_case set rated_via = 'own' where rating is not null`.execute(db);
  // The latest version of a service: its guide page is by code, and every version shares the code.
  await sql`update service_assisted_case set service_id =
      (select max(s.id) from service_item s where s.code = service_assisted_case.subject)
    where service_id is null`.execute(db);
  await sql`update service_assisted_case set package_id =
      (select max(p.id) from service_package p where p.code = service_assisted_case.subject or p.name = service_assisted_case.subject)
    where service_id is null and package_id is null`.execute(db);
  await sql`update service_assisted_case set service_id =
      (select max(s.id) from service_item s where s.name = service_assisted_case.subject)
    where service_id is null and package_id is null
      and (select count(distinct s.code) from service_item s where s.name = service_assisted_case.subject) = 1`.execute(db);
  await db.schema.createIndex('service_assisted_case_service').on('service_assisted_case').column('service_id').execute();
  await db.schema.createIndex('service_assisted_case_package').on('service_assisted_case').column('package_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('service_assisted_case_package').execute();
  await db.schema.dropIndex('service_assisted_case_service').execute();
  for (const column of ['rated_via', 'package_id', 'service_id'])
    await db.schema.alterTable('service_assisted_case').dropColumn(column).execute();
  await db.schema.alterTable('service_assistant').dropColumn('rating_code').execute();
}
