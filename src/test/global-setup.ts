import type { TestProject } from 'vitest/node';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server, or null when it is not reachable (only allowed outside CI). */
    pgAdminUrl: string | null;
  }
}

export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Checks PostgreSQL once. Under CI=true (or BIZENV_REQUIRE_PG=1) a missing server fails the run. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.BIZENV_TEST_PG_URL ?? DEFAULT_PG_ADMIN_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let available = false;
  try {
    await client.connect();
    await client.query('select 1');
    available = true;
  } catch (err) {
    const required = process.env.CI === 'true' || process.env.BIZENV_REQUIRE_PG === '1';
    const msg = `PostgreSQL is not reachable at ${url}: ${(err as Error).message}`;
    if (required)
      throw new Error(`${msg}\nPostgreSQL is required under CI; start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start`);
    console.warn(`\n*** ${msg}\n*** PostgreSQL tests are SKIPPED (set CI=true to make this an error)\n`);
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('pgAdminUrl', available ? url : null);
}
