import { defineModule, permissionsIn } from '../manifest.js';
import { procurementErrors } from './procurement.errors.js';

/** 串通投标预警: tenders and bids in, screens and explained collusion signals out, cases and campaigns followed up. */
export const procurementModule = defineModule({
  name: 'procurement',
  errors: procurementErrors,
  routes: async () => [(await import('./procurement.routes.js')).procurementRoutes],
  permissions: permissionsIn('procurement'),
  seed: { demo: [{ name: 'procurement-demo', run: async (ctx) => (await import('./seed.js')).seedDemoProcurement(ctx), full: true }] },
  benchmarks: { procurement: async () => (await import('../../../bench/procurement.js')).procurementScreening() },
  cli: [{ commands: ['procurement'], load: async () => (await import('../../cli/procurement.js')).registerProcurementCommands }],
});
