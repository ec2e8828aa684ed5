import { defineModule, permissionsIn } from '../manifest.js';
import { orgErrors } from './org.errors.js';

/** Units, users, login and sessions, the audit log. */
export const orgModule = defineModule({
  name: 'org',
  routes: async () => {
    const [auth, units, users, audit] = await Promise.all([
      import('./auth.routes.js'),
      import('./units.routes.js'),
      import('./users.routes.js'),
      import('./audit.routes.js'),
    ]);
    return [auth.authRoutes, units.unitRoutes, users.userRoutes, audit.auditRoutes];
  },
  seed: {
    reference: [{ name: 'units', run: async (ctx) => (await import('./seed.js')).seedReferenceUnits(ctx) }],
    demo: [{ name: 'demo-users', run: async (ctx) => (await import('./seed.js')).seedDemoUsers(ctx) }],
  },
  cli: [{ commands: ['user'], load: async () => (await import('../../cli/users.js')).registerUserCommands }],
  benchmarks: { 'units-api': async () => (await import('../../../bench/units-api.js')).unitsApi() },
  errors: orgErrors,
  permissions: [...permissionsIn('units', 'users', 'audit', 'myUnit')],
});
