import { defineModule, permissionsIn } from '../manifest.js';
import { demandErrors } from './demands.errors.js';
import { demandJobs } from './demands.job-table.js';

/** The enterprise demand desk (企业诉求 · 12345 企业专席 · 好差评) and its Open311 GeoReport v2 face. */
export const demandsModule = defineModule({
  name: 'demands',
  routes: async () => [(await import('./demands.routes.js')).demandsRoutes],
  rootRoutes: async () => [(await import('./open311.routes.js')).open311Routes],
  cli: [{ commands: ['open311'], load: async () => (await import('../../cli/open311.js')).registerOpen311Commands }],
  jobs: { table: demandJobs, handlers: async () => (await import('./demands.jobs.js')).demandJobHandlers },
  seed: {
    reference: [{ name: 'demands-reference', run: async (ctx) => (await import('./seed.js')).seedDemandReference(ctx) }],
    demo: [
      { name: 'demands-demo', run: async (ctx) => (await import('./seed.js')).seedDemandDemo(ctx) },
      // A substantiated complaint against the demo enterprise, then the job that makes it a credit record.
      { name: 'demands-demo-credit', run: async (ctx) => (await import('./seed.js')).seedDemandCreditDemo(ctx) },
      { name: 'demands-demo-credit-record', run: async (ctx) => (await import('../enforcement/index.js')).recordDeskFindings(ctx) },
    ],
  },
  benchmarks: { demands: async () => (await import('../../../bench/demands.js')).demandsBench() },
  errors: demandErrors,
  permissions: permissionsIn('demands'),
});
