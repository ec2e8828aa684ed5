import { defineModule, permissionsIn } from '../manifest.js';
import { worklistErrors } from './worklists.errors.js';
import { worklistJobs } from './worklists.job-table.js';

/** The work lists (四表一单): lists, items, the report → approval → acceptance cycle, import and export. */
export const worklistsModule = defineModule({
  name: 'worklists',
  routes: async () => {
    // The item routes register the progress and evidence routes themselves.
    const [items, imports, exports] = await Promise.all([
      import('./worklists.routes.js'),
      import('./import/import.routes.js'),
      import('./export/export.routes.js'),
    ]);
    return [items.worklistRoutes, imports.worklistImportRoutes, exports.worklistExportRoutes];
  },
  jobs: { table: worklistJobs, handlers: async () => (await import('./worklists.jobs.js')).worklistJobHandlers },
  seed: { demo: [{ name: 'worklists-demo', run: async (ctx) => (await import('./seed.js')).seedDemoWorklists(ctx), full: true }] },
  cli: [{ commands: ['import', 'export'], load: async () => (await import('../../cli/worklists.js')).registerWorklistCommands }],
  benchmarks: {
    'worklists-list': async () => (await import('../../../bench/worklists-list.js')).worklistsList(),
    'worklists-import': async () => (await import('../../../bench/worklists-import.js')).worklistsImport(),
    'worklists-mixed': async () => (await import('../../../bench/worklists-mixed.js')).worklistsMixed(),
    // The name for the list API benchmark; the same measurement as worklists-list.
    'worklists-list-api': async () => (await import('../../../bench/worklists-list.js')).worklistsList(),
  },
  errors: worklistErrors,
  permissions: permissionsIn('worklists'),
});
