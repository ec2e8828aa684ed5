import { defineModule, permissionsIn } from '../manifest.js';
import { indicatorErrors } from './indicators.errors.js';

/** Indicators, values and targets, distance-to-frontier scores, the rank forecast. */
export const indicatorsModule = defineModule({
  name: 'indicators',
  routes: async () => [(await import('./indicators.routes.js')).indicatorRoutes],
  seed: {
    reference: [{ name: 'indicator-catalogue', run: async (ctx) => (await import('./seed.js')).seedIndicatorCatalogue(ctx) }],
    demo: [{ name: 'indicators-demo', run: async (ctx) => (await import('./seed.js')).seedIndicatorDemo(ctx), full: true }],
  },
  cli: [{ commands: ['indicators'], load: async () => (await import('../../cli/indicators.js')).registerIndicatorCommands }],
  benchmarks: { 'indicators-import': async () => (await import('../../../bench/indicators-import.js')).indicatorsImport() },
  errors: indicatorErrors,
  permissions: permissionsIn('indicators'),
});
