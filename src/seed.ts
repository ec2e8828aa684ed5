import type { AppContext } from './context.js';
import { seedDemoUsers, seedReferenceUnits } from './modules/org/seed.js';

export interface SeedStep {
  name: string;
  run(ctx: AppContext, report: (message: string) => void): Promise<unknown>;
}

/** Reference data every installation needs (the units). Idempotent. */
export const referenceSeed: SeedStep[] = [{ name: 'units', run: (ctx) => seedReferenceUnits(ctx) }];

/** The synthetic demo data set, module by module. Idempotent: a second run adds nothing. */
export const demoSeed: SeedStep[] = [{ name: 'demo-users', run: (ctx) => seedDemoUsers(ctx) }];

export async function runSeed(ctx: AppContext, opts: { demo: boolean; report?: (message: string) => void }): Promise<void> {
  const report = opts.report ?? (() => {});
  for (const step of [...referenceSeed, ...(opts.demo ? demoSeed : [])]) {
    const result = await step.run(ctx, report);
    report(`seed ${step.name}: ${JSON.stringify(result)}`);
  }
}

/** True when nobody has been created yet: the first start of a fresh installation. */
export async function isEmptyInstallation(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return !row;
}
