import { defineModule, permissionsIn } from '../modules/manifest.js';

/** The job schedules and runs (the runtime itself is platform code; this is its API and commands). */
export const jobsModule = defineModule({
  name: 'jobs',
  routes: async () => [(await import('./jobs.routes.js')).jobRoutes],
  // The calendar's import command shares the jobs command file (both print progress bars).
  cli: [{ commands: ['jobs', 'calendar'], load: async () => (await import('../cli/jobs.js')).registerJobCommands }],
  permissions: permissionsIn('jobs'),
});
