import type { AppContext } from './context.js';
import { seedIndicatorCatalogue, seedIndicatorDemo } from './modules/indicators/seed.js';
import { seedDemoUsers, seedReferenceUnits } from './modules/org/seed.js';
import { seedDemoPolicies } from './modules/policies/seed.js';
import { seedDemoSupervision } from './modules/supervision/seed.js';
import { seedDemoWorklists } from './modules/worklists/seed.js';

export interface SeedStep {
  name: string;
  run(ctx: AppContext, report: (message: string) => void): Promise<unknown>;
  /** Part of the big demo data set only: skipped by a light seed (most tests). */
  full?: boolean;
}

/** Reference data every installation needs (the units). Idempotent. */
export const referenceSeed: SeedStep[] = [
  { name: 'units', run: (ctx) => seedReferenceUnits(ctx) },
  { name: 'indicator-catalogue', run: (ctx) => seedIndicatorCatalogue(ctx) },
];

/** The synthetic demo data set, module by module. Idempotent: a second run adds nothing. */
export const demoSeed: SeedStep[] = [
  { name: 'demo-users', run: (ctx) => seedDemoUsers(ctx) },
  { name: 'indicators-demo', run: (ctx) => seedIndicatorDemo(ctx), full: true },
  { name: 'worklists-demo', run: (ctx) => seedDemoWorklists(ctx), full: true },
  { name: 'supervision-demo', run: (ctx) => seedDemoSupervision(ctx), full: true },
  { name: 'policies-demo', run: (ctx) => seedDemoPolicies(ctx), full: true },
];

export async function runSeed(ctx: AppContext, opts: { demo: boolean; light?: boolean; report?: (message: string) => void }): Promise<void> {
  const report = opts.report ?? (() => {});
  const demo = opts.demo ? demoSeed.filter((s) => !(opts.light && s.full)) : [];
  for (const step of [...referenceSeed, ...demo]) {
    const result = await step.run(ctx, report);
    report(`seed ${step.name}: ${JSON.stringify(result)}`);
  }
}

/** True when nobody has been created yet: the first start of a fresh installation. */
export async function isEmptyInstallation(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return !row;
}
