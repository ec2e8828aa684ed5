import { defineModule, permissionsIn } from '../manifest.js';
import { financeErrors } from './finance.errors.js';
import { financeJobs } from './finance.job-table.js';

/**
 * 融资环境: financing needs and bank answers, matchmaking events, major projects, the key-enterprise desk,
 * the listing reserve, loan statistics.
 */
export const financeModule = defineModule({
  name: 'finance',
  routes: async () => [(await import('./finance.routes.js')).financeRoutes],
  jobs: { table: financeJobs, handlers: async () => (await import('./finance.jobs.js')).financeJobHandlers },
  seed: { demo: [{ name: 'finance-demo', run: async (ctx) => (await import('./seed.js')).seedDemoFinance(ctx) }] },
  benchmarks: { finance: async () => (await import('../../../bench/finance.js')).financeBench() },
  errors: financeErrors,
  permissions: permissionsIn('finance'),
});
