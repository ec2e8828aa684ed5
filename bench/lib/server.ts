import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { buildApp, createContext } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { runSeed } from '../../src/seed.js';

export interface BenchServer {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  /** Cookie and CSRF header of a logged-in demo user. */
  headers(username: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** A real server on a fresh SQLite file (or DATABASE_URL), listening on a loopback port. */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-'));
  const config = { ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' as const };
  const ctx = createContext(config);
  await migrateToLatest(ctx.db);
  await runSeed(ctx, { demo: true });
  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    ctx,
    app,
    url,
    async headers(username) {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: config.demoPassword }),
      });
      const body = (await res.json()) as { csrfToken: string };
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      return { cookie, 'x-csrf-token': body.csrfToken };
    },
    async close() {
      await app.close();
      await ctx.database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

/** Runs a bounded load (loopback only) against a list of request paths, round-robin. */
export async function loadTest(opts: { url: string; paths: string[]; headers: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    // The load runs in a worker thread, off the server's event loop, as a separate client would.
    workers: 1,
    duration: opts.seconds,
    requests: opts.paths.map((p) => ({ method: 'GET', path: p, headers: opts.headers })),
  });
  return {
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    // autocannon reports p97.5 and p99; p95 is interpolated between p90 and p97.5.
    p95_ms: Number((result.latency.p90 + ((result.latency.p97_5 - result.latency.p90) * 5) / 7.5).toFixed(2)),
    p99_ms: result.latency.p99,
  };
}
