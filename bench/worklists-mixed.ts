import os from 'node:os';
import { loadTest, startBenchServer } from './lib/server.js';
import { topUpItems } from './worklists-list.js';

const TOTAL = 10_000;
const READERS = 40;
const COMMENTERS = 5;
const REPORTERS = 5;
const SECONDS = 30;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(2));
}

/**
 * The list path under writes: 40 clients read GET /api/v1/items (office views and a unit-scoped
 * liaison) while 10 write — office comments on random items, and the demo unit's liaison reporting
 * progress on items it leads, each report sent back by its unit head so the next one is allowed.
 * 30 s against a real server; every non-2xx answer counts as an error.
 */
export async function worklistsMixed(): Promise<Record<string, unknown>> {
  const server = await startBenchServer();
  try {
    const { ctx } = server;
    const units = await topUpItems(server, TOTAL);
    const [office, liaison, head] = await Promise.all([server.headers('office'), server.headers('liaison'), server.headers('unit_head')]);
    const demoLiaison = await ctx.db.selectFrom('app_user').select('unit_id').where('username', '=', 'liaison').executeTakeFirstOrThrow();
    const demoUnit = demoLiaison.unit_id!;
    // Items the demo unit leads that no one else touches here: each reporter cycles over its own.
    const led = await ctx.db
      .selectFrom('item_assignment')
      .innerJoin('item', 'item.id', 'item_assignment.item_id')
      .select('item.id')
      .where('item_assignment.unit_id', '=', demoUnit)
      .where('item_assignment.role', '=', 'lead')
      .where('item.code', 'like', 'B%')
      .where('item.status', '=', 'not_started')
      .orderBy('item.id')
      .limit(REPORTERS * 4)
      .execute();
    if (led.length < REPORTERS) throw new Error(`the demo unit leads only ${led.length} bench items`);
    const allIds = (await ctx.db.selectFrom('item').select('id').execute()).map((r) => r.id);

    const readPaths = [
      '/api/v1/items',
      '/api/v1/items?kind=task&status=in_progress&sort=deadline',
      '/api/v1/items?overdue=true&sort=deadline&order=desc',
      `/api/v1/items?unitId=${units[3]}&role=lead&page=2`,
      '/api/v1/items?dueWithin=10',
      `/api/v1/items?q=${encodeURIComponent('企业开办')}`,
      '/api/v1/items?status=submitted',
      '/api/v1/items?area=%E7%BA%B3%E7%A8%8E&pageSize=50',
    ];
    await loadTest({ url: server.url, paths: readPaths, headers: office, connections: 10, seconds: 0, amount: 400 * server.workers });

    const writeLatencies: number[] = [];
    let writeErrors = 0;
    let stop = false;
    const post = async (path: string, headers: Record<string, string>, body: unknown): Promise<unknown> => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json: unknown = await res.json();
        writeLatencies.push(performance.now() - t0);
        if (!res.ok) {
          writeErrors++;
          if (writeErrors <= 3) console.error(`write ${path} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
          return undefined;
        }
        return json;
      } catch (err) {
        writeErrors++;
        if (writeErrors <= 3) console.error(`write ${path} failed: ${(err as Error).message}`);
        return undefined;
      }
    };
    const commenter = async (k: number) => {
      for (let n = 0; !stop; n++) {
        const id = allIds[(k * 7919 + n * 104_729) % allIds.length];
        await post(`/api/v1/items/${id}/comments`, office, { text: `请加快推进（基准测试评论 ${k}-${n}）` });
      }
    };
    const reporter = async (k: number) => {
      const mine = led.filter((_, i) => i % REPORTERS === k).map((r) => r.id);
      for (let n = 0; !stop; n++) {
        const id = mine[n % mine.length];
        const detail = (await post(`/api/v1/items/${id}/reports`, liaison, {
          text: `本周完成第${n + 1}阶段工作（基准测试）`,
          percent: n % 100,
        })) as { reports: { id: number; status: string }[] } | undefined;
        const pending = detail?.reports.find((r) => r.status === 'pending_head');
        if (!pending || stop) continue;
        await post(`/api/v1/items/${id}/reports/${pending.id}/send-back`, head, { reason: '佐证材料不全，请补充' });
      }
    };

    const writers = [
      ...Array.from({ length: COMMENTERS }, (_, k) => commenter(k)),
      ...Array.from({ length: REPORTERS }, (_, k) => reporter(k)),
    ];
    const liaisonShare = Math.round(READERS / 4);
    const cpuBefore = server.cpuMs();
    const [asOffice, asLiaison] = await Promise.all([
      loadTest({ url: server.url, paths: readPaths, headers: office, connections: READERS - liaisonShare, seconds: SECONDS, server }),
      loadTest({
        url: server.url,
        paths: ['/api/v1/items', '/api/v1/items?status=returned', '/api/v1/items?overdue=true'],
        headers: liaison,
        connections: liaisonShare,
        seconds: SECONDS,
      }),
    ]);
    stop = true;
    await Promise.all(writers);
    const cpuMs = server.cpuMs() - cpuBefore;

    const sorted = writeLatencies.sort((a, b) => a - b);
    const reads = asOffice.requests + asLiaison.requests;
    // Both read loads ran over the same window; the slower one's p95 is the read p95 reported.
    const readP95 = Math.max(asOffice.p95_ms, asLiaison.p95_ms);
    const writeP95 = percentile(sorted, 95);
    const errors = asOffice.errors + asOffice.non2xx + asLiaison.errors + asLiaison.non2xx + writeErrors;
    return {
      items: TOTAL,
      dialect: ctx.database.dialect,
      workers: server.workers,
      read_p95_ms: readP95,
      write_p95_ms: writeP95,
      reads_per_s: Math.round(reads / SECONDS),
      writes_per_s: Math.round(sorted.length / SECONDS),
      errors,
      read_p50_ms: Math.min(asOffice.p50_ms, asLiaison.p50_ms),
      write_p50_ms: percentile(sorted, 50),
      // Server CPU (all its processes) per request, reads and writes together: what a busy shared
      // machine distorts least. On an idle machine the latencies follow from it.
      server_cpu_ms_per_request: Number((cpuMs / (reads + sorted.length)).toFixed(2)),
      office: asOffice,
      liaison: asLiaison,
      loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
      target: { read_p95_ms: 50, write_p95_ms: 100 },
      pass: readP95 <= 50 && writeP95 <= 100 && errors === 0,
    };
  } finally {
    await server.close();
  }
}
