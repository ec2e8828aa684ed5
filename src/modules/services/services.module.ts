import { defineModule, permissionsIn } from '../manifest.js';
import { servicesErrors } from './services.errors.js';

/** 政务服务: the service catalogue and its rates, one-thing packages measured from cases, assisted service, the service network. */
export const servicesModule = defineModule({
  name: 'services',
  routes: async () => [(await import('./services.routes.js')).servicesRoutes],
  seed: { demo: [{ name: 'services-demo', run: async (ctx) => (await import('./seed.js')).seedDemoServices(ctx) }] },
  benchmarks: { services: async () => (await import('../../../bench/services.js')).servicesBench() },
  errors: servicesErrors,
  permissions: permissionsIn('services'),
});
