import { defineModule, permissionsIn } from '../manifest.js';
import { supervisionErrors } from './supervision.errors.js';
import { supervisionJobs } from './supervision.job-table.js';

/** 督查督办: escalation, weekly snapshots, monthly bulletins, dispatch meetings, the cockpit. */
export const supervisionModule = defineModule({
  name: 'supervision',
  routes: async () => {
    const [main, position, bulletins, dispatch] = await Promise.all([
      import('./supervision.routes.js'),
      import('./position.routes.js'),
      import('./bulletin.routes.js'),
      import('./dispatch.routes.js'),
    ]);
    return [main.supervisionRoutes, position.positionRoutes, bulletins.bulletinRoutes, dispatch.dispatchRoutes];
  },
  jobs: { table: supervisionJobs, handlers: async () => (await import('./supervision.jobs.js')).supervisionJobHandlers },
  seed: { demo: [{ name: 'supervision-demo', run: async (ctx) => (await import('./seed.js')).seedDemoSupervision(ctx), full: true }] },
  cli: [{ commands: ['bulletin'], load: async () => (await import('../../cli/supervision.js')).registerSupervisionCommands }],
  benchmarks: {
    'supervision-bulletin': async () => (await import('../../../bench/supervision-bulletin.js')).supervisionBulletin(),
    'supervision-weekly': async () => (await import('../../../bench/supervision-weekly.js')).supervisionWeekly(),
  },
  errors: supervisionErrors,
  permissions: permissionsIn('supervision'),
});
