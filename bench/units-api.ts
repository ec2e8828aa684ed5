import { loadTest, startBenchServer } from './lib/server.js';

/** Baseline for every list API: GET /api/v1/units with 50 concurrent clients for 5 s. */
export async function unitsApi(): Promise<Record<string, unknown>> {
  const server = await startBenchServer();
  try {
    const headers = await server.headers('office');
    await loadTest({ url: server.url, paths: ['/api/v1/units'], headers, connections: 10, seconds: 0, amount: 400 * server.workers });
    const r = await loadTest({
      url: server.url,
      paths: ['/api/v1/units', '/api/v1/units?kind=county'],
      headers,
      connections: 50,
      seconds: 5,
      server,
    });
    return { workers: server.workers, ...r, target_p95_ms: 50, pass: r.p95_ms <= 50 && r.non2xx === 0 };
  } finally {
    await server.close();
  }
}
