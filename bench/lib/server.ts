import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createContext } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bizenv');

export interface BenchServer {
  /** The bench's own connection to the server's database (to add rows before the load). */
  ctx: AppContext;
  url: string;
  /** HTTP worker processes (BIZENV_WORKERS, default: one per core, as `bizenv serve`). */
  workers: number;
  /** Cookie and CSRF header of a logged-in demo user. */
  headers(username: string): Promise<Record<string, string>>;
  /** CPU time (user + system, ms) used so far by the server: the primary and its workers. */
  cpuMs(): number;
  close(): Promise<void>;
}

const TICK_MS = 1000 / 100; // Linux USER_HZ: /proc reports CPU time in 1/100 s

/** utime + stime of a process, in ms, from /proc (0 once it has gone). */
function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * A real server started the way `bizenv serve` starts it (migrations, demo seed, job scheduler,
 * BIZENV_WORKERS HTTP workers), on a fresh SQLite file (or DATABASE_URL) and a free loopback port.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    BIZENV_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    BIZENV_SEED_DEMO: 'always',
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /is running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`bizenv serve exited (${code}) before listening:\n${out}`)));
  });
  const ctx = createContext({ ...config, logLevel: 'silent' });
  const pid = child.pid!;
  return {
    ctx,
    url,
    workers: config.workers,
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
    cpuMs() {
      return [pid, ...childPids(pid)].reduce((sum, p) => sum + procCpuMs(p), 0);
    },
    async close() {
      await ctx.database.destroy();
      child.kill('SIGTERM');
      await exited;
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
  /** Server CPU (all its processes) per request during this load, ms. */
  cpu_ms_per_request?: number;
  /** 1-minute load average of the machine at the end of the run. */
  loadavg?: number;
}

/**
 * Runs a bounded load (loopback only) against a list of request paths, round-robin. With `server`,
 * also the server's CPU time per request over the run: a figure that a busy shared machine
 * distorts much less than latency.
 */
export async function loadTest(opts: {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** A fixed number of requests instead of `seconds` (warm-ups). */
  amount?: number;
  server?: BenchServer;
}): Promise<LoadResult> {
  const cpuBefore = opts.server?.cpuMs() ?? 0;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    // The load runs in a worker thread, off the bench's event loop, as a separate client would.
    workers: 1,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds }),
    requests: opts.paths.map((p) => ({ method: 'GET', path: p, headers: opts.headers })),
  });
  const cpu = opts.server ? opts.server.cpuMs() - cpuBefore : undefined;
  const requests = result.requests.total;
  return {
    requests,
    errors: result.errors,
    non2xx: result.non2xx,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    // autocannon reports p97.5 and p99; p95 is interpolated between p90 and p97.5.
    p95_ms: Number((result.latency.p90 + ((result.latency.p97_5 - result.latency.p90) * 5) / 7.5).toFixed(2)),
    p99_ms: result.latency.p99,
    ...(cpu !== undefined && requests ? { cpu_ms_per_request: Number((cpu / requests).toFixed(2)) } : {}),
    loadavg: Number(os.loadavg()[0].toFixed(2)),
  };
}
