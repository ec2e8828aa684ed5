import { defineModule, permissionsIn } from '../manifest.js';
import { enforcementErrors } from './enforcement.errors.js';
import { enforcementJobs } from './enforcement.job-table.js';

/** 法治环境: enforcement catalogue, officers, verifiable "双随机、一公开" inspections, credit grades and repair. */
export const enforcementModule = defineModule({
  name: 'enforcement',
  errors: enforcementErrors,
  jobs: { table: enforcementJobs, handlers: async () => (await import('./enforcement.jobs.js')).enforcementJobHandlers },
  routes: async () => [(await import('./enforcement.routes.js')).enforcementRoutes],
  seed: { demo: [{ name: 'enforcement-demo', run: async (ctx) => (await import('./seed.js')).seedDemoEnforcement(ctx) }] },
  cli: [{ commands: ['enforcement'], load: async () => (await import('../../cli/enforcement.js')).registerEnforcementCommands }],
  benchmarks: { enforcement: async () => (await import('../../../bench/enforcement.js')).enforcementBench() },
  permissions: permissionsIn('enforcement'),
});
