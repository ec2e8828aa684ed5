import { defineModule, permissionsIn } from '../manifest.js';
import { enforcementErrors } from './enforcement.errors.js';

/** 法治环境: enforcement catalogue, officers, verifiable "双随机、一公开" inspections, credit grades and repair. */
export const enforcementModule = defineModule({
  name: 'enforcement',
  errors: enforcementErrors,
  routes: async () => [(await import('./enforcement.routes.js')).enforcementRoutes],
  seed: { demo: [{ name: 'enforcement-demo', run: async (ctx) => (await import('./seed.js')).seedDemoEnforcement(ctx) }] },
  cli: [{ commands: ['enforcement'], load: async () => (await import('../../cli/enforcement.js')).registerEnforcementCommands }],
  benchmarks: { enforcement: async () => (await import('../../../bench/enforcement.js')).enforcementBench() },
  permissions: permissionsIn('enforcement'),
});
