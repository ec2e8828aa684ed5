import { SYSTEM_ACTOR } from '../src/context.js';
import { withTransaction } from '../src/db/database.js';
import { loadUnitResolver } from '../src/modules/org/units.service.js';
import { AREAS } from '../src/modules/worklists/demo-data.js';
import type { ImportedItemRow } from '../src/modules/worklists/worklists.types.js';
import { findOrCreateList, upsertImportedItems } from '../src/modules/worklists/worklists.service.js';
import { type BenchServer, loadTest, startBenchServer } from './lib/server.js';

const TOTAL = 10_000;

/**
 * Tops the demo set up to `total` items with generated rows (lead and cooperating units spread over
 * every active non-city unit); returns those units' ids. Shared by the list benchmarks.
 */
export async function topUpItems(server: BenchServer, total: number): Promise<number[]> {
  const { ctx } = server;
  const have = Number(
    (
      await ctx.db
        .selectFrom('item')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const units = (await loadUnitResolver(ctx.db)).all.filter((u) => u.status === 'active' && u.kind !== 'city').map((u) => u.id);
  const rows: ImportedItemRow[] = Array.from({ length: total - have }, (_, i) => {
    const a = AREAS[i % AREAS.length];
    return {
      row: i + 2,
      code: `B${i + 1}`,
      area: a.area,
      content: `推进${a.objects[i % a.objects.length]}第${i + 1}项工作（基准测试数据）`,
      measures: '按月报送进展',
      leadUnitIds: [units[i % units.length]],
      coopUnitIds: [units[(i * 7 + 3) % units.length]].filter((u) => u !== units[i % units.length]),
      deadline: `2026-${String((i % 12) + 1).padStart(2, '0')}-28`,
      ongoing: false,
    };
  });
  await withTransaction(ctx.db, async (trx) => {
    const list = await findOrCreateList(ctx, SYSTEM_ACTOR, trx, { name: '基准测试清单', kind: 'task' });
    await upsertImportedItems(ctx, SYSTEM_ACTOR, trx, { listId: list.id, kind: 'task', rows });
  });
  return units;
}

/**
 * GET /api/v1/items over 10 000 items (the demo set topped up with generated rows), 50 concurrent
 * clients for 5 s, mixing filters, keyword search, sorting and a unit-scoped liaison.
 */
export async function worklistsList(): Promise<Record<string, unknown>> {
  const server = await startBenchServer();
  try {
    const units = await topUpItems(server, TOTAL);
    const office = await server.headers('office');
    const liaison = await server.headers('liaison');
    const officePaths = [
      '/api/v1/items',
      '/api/v1/items?kind=task&status=in_progress&sort=deadline',
      '/api/v1/items?overdue=true&sort=deadline&order=desc',
      `/api/v1/items?unitId=${units[3]}&role=lead&page=2`,
      '/api/v1/items?dueWithin=10',
      `/api/v1/items?q=${encodeURIComponent('企业开办')}`,
      `/api/v1/items?q=${encodeURIComponent('营商')}&kind=task`,
      '/api/v1/items?area=%E7%BA%B3%E7%A8%8E&pageSize=50',
    ];
    // Warm-up outside the figures: a fixed number of requests, so that every worker's code is
    // optimised by the JIT however slow the machine is.
    await loadTest({ url: server.url, paths: officePaths, headers: office, connections: 10, seconds: 0, amount: 400 * server.workers });
    const asOffice = await loadTest({ url: server.url, paths: officePaths, headers: office, connections: 50, seconds: 5, server });
    const asLiaison = await loadTest({
      url: server.url,
      paths: ['/api/v1/items', '/api/v1/items?status=returned', '/api/v1/items?overdue=true'],
      headers: liaison,
      connections: 50,
      seconds: 3,
      server,
    });
    const p95 = Math.max(asOffice.p95_ms, asLiaison.p95_ms);
    // Server CPU per request over both loads (all server processes): a figure that a busy shared
    // machine distorts less than latency.
    const cpuMsPerRequest = Number(
      (
        ((asOffice.cpu_ms_per_request ?? 0) * asOffice.requests + (asLiaison.cpu_ms_per_request ?? 0) * asLiaison.requests) /
        (asOffice.requests + asLiaison.requests)
      ).toFixed(2),
    );
    return {
      items: TOTAL,
      dialect: server.ctx.database.dialect,
      workers: server.workers,
      office: asOffice,
      liaison: asLiaison,
      cpu_ms_per_request: cpuMsPerRequest,
      target_p95_ms: 50,
      pass: p95 <= 50 && asOffice.non2xx === 0 && asLiaison.non2xx === 0,
    };
  } finally {
    await server.close();
  }
}
