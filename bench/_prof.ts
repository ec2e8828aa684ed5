import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { runSeed } from '../src/seed.js';
import { topUpItems } from './worklists-list.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h7prof-'));
const config = { ...loadConfig({ BIZENV_DATA_DIR: dir }), logLevel: 'silent' as const, workers: 1, loginRatePerMinute: 10000 };
const ctx = createContext(config);
await migrateToLatest(ctx.db);
await runSeed(ctx, { demo: true } as never);
const units = await topUpItems({ ctx } as never, 10000);
const app = await buildApp(ctx);
async function login(u: string) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: config.demoPassword } });
  return { cookie: String(r.headers['set-cookie']).split(';')[0], 'x-csrf-token': r.json().csrfToken };
}
const office = await login('office');
const paths = ['/api/v1/items','/api/v1/items?kind=task&status=in_progress&sort=deadline','/api/v1/items?overdue=true&sort=deadline&order=desc',`/api/v1/items?unitId=${units[3]}&role=lead&page=2`,'/api/v1/items?dueWithin=10',`/api/v1/items?q=${encodeURIComponent('企业开办')}`,'/api/v1/items?status=submitted','/api/v1/items?area=%E7%BA%B3%E7%A8%8E&pageSize=50'];
const t = async (f: () => Promise<unknown>, n = 20) => { for (let i = 0; i < 3; i++) await f(); const t0 = process.cpuUsage(); for (let i = 0; i < n; i++) await f(); const u = process.cpuUsage(t0); return ((u.user + u.system) / 1000 / n).toFixed(2); };
let k = 0;
const comment = () => app.inject({ method: 'POST', url: `/api/v1/items/${1 + (k++ % 500)}/comments`, headers: office, payload: { text: '测试评论' } });
console.log('comment write ms', await t(comment, 50));
for (const p of paths) {
  console.log(p.slice(0, 60), 'cached', await t(() => app.inject({ method: 'GET', url: p, headers: office })), 'uncached(incl comment)', await t(async () => { await comment(); return app.inject({ method: 'GET', url: p, headers: office }); }));
}
if (process.env.PROF) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  for (let i = 0; i < (process.env.PROF === 'w' ? 0 : 3000); i++) await app.inject({ method: 'GET', url: paths[i % paths.length], headers: office });
  for (let i = 0; i < (process.env.PROF === 'w' ? 1500 : 300); i++) await comment();
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync('/tmp/h7/read.cpuprofile', JSON.stringify(profile));
}
await app.close(); await ctx.database.destroy();
