import { defineModule, permissionsIn } from '../manifest.js';
import { policyErrors } from './policies.errors.js';
import { policyJobs } from './policies.job-table.js';

/** 惠企政策 · 免申即享: registry, policy library, rules, bulk matching, payouts, the enterprise portal. */
export const policiesModule = defineModule({
  name: 'policies',
  routes: async () => [(await import('./policies.routes.js')).policyRoutes],
  jobs: { table: policyJobs, handlers: async () => (await import('./policies.jobs.js')).policyJobHandlers },
  seed: { demo: [{ name: 'policies-demo', run: async (ctx) => (await import('./seed.js')).seedDemoPolicies(ctx), full: true }] },
  cli: [{ commands: ['policies'], load: async () => (await import('../../cli/policies.js')).registerPolicyCommands }],
  benchmarks: { policies: async () => (await import('../../../bench/policies.js')).policiesMatching() },
  errors: policyErrors,
  permissions: permissionsIn('policies'),
});
