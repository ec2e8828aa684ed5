import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { buildApp, createContext } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { type Dialect, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { startJobs } from '../jobs/runtime.js';
import { loadModuleJobHandlers } from '../modules/index.js';
import { runSeed } from '../seed.js';

export const TEST_PASSWORD = 'Demo-pass-2026';

export interface Client {
  csrfToken: string;
  cookie: string;
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface Harness {
  dialect: Dialect;
  ctx: AppContext;
  app: FastifyInstance;
  /** The clock the services read; tests move it forward. */
  now: Date;
  /** Logs in (memoised per username) and returns a client that sends cookie and CSRF token. */
  as(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
}

/** A fresh PostgreSQL database for one test file, dropped when the file ends. */
async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bizenv_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), demoPassword: TEST_PASSWORD, logLevel: 'silent', loginRatePerMinute: 10_000, workers: 1, ...overrides };
}

function makeClient(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const request: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'bizenv_session');
  return makeClient(app, `bizenv_session=${setCookie!.value}`, res.json().csrfToken);
}

export interface HarnessOptions {
  /** Load the demo users (default true); 'full' also loads the big demo data sets (seed steps marked `full`). */
  demo?: boolean | 'full';
  config?: Partial<Config>;
}

/**
 * Runs a describe block once per database dialect, each with a migrated, seeded database of its
 * own and an app built on it. PostgreSQL is skipped only outside CI when the server is missing.
 */
export function describeEachDialect(name: string, body: (h: Harness) => void, opts: HarnessOptions = {}): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const pgAdminUrl = inject('pgAdminUrl');
    const skip = dialect === 'postgres' && !pgAdminUrl;
    (skip ? describe.skip : describe)(`${name} [${dialect}]`, () => {
      const h = { dialect, now: new Date('2026-03-02T02:00:00Z') } as Harness;
      const clients = new Map<string, Client>();
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        let databaseUrl: string | undefined;
        if (dialect === 'postgres') {
          const created = await createPgDatabase(pgAdminUrl!);
          databaseUrl = created.url;
          drop = created.drop;
        }
        const config = testConfig({ databaseUrl, ...opts.config });
        const database = openDatabase({ databaseUrl, sqliteFile: ':memory:', poolSize: 4 });
        h.ctx = createContext(config, { database, clock: () => h.now });
        await migrateToLatest(h.ctx.db);
        await runSeed(h.ctx, { demo: opts.demo !== false, light: opts.demo !== 'full' });
        h.app = await buildApp(h.ctx, { serveWeb: false });
        await h.app.ready();
        // The test process plays the single server process: it runs the jobs it enqueues (drainJobs waits for them).
        await startJobs(h.ctx, { handlers: await loadModuleJobHandlers(), pollSeconds: 0.2 });
        h.as = async (username, password = TEST_PASSWORD) => {
          const key = `${username}\u0000${password}`;
          if (!clients.has(key)) clients.set(key, await login(h.app, username, password));
          return clients.get(key)!;
        };
        h.anonymous = () => makeClient(h.app, '', '');
      });
      afterAll(async () => {
        await h.app?.close();
        await h.ctx?.database.destroy();
        await drop?.();
      });
      body(h);
    });
  }
}

/**
 * One step of a test file's story, run once per database by whichever test needs it first. A step
 * awaits the steps it builds on and returns what it saw, so every test can run alone (`-t name`)
 * or in any order and still assert on the same state.
 */
export function once<T>(step: () => Promise<T>): () => Promise<T> {
  let run: Promise<T> | undefined;
  return () => (run ??= step());
}
