import type { AppContext } from './context.js';
import { demoSeedSteps, referenceSeedSteps } from './modules/index.js';
import type { SeedStep } from './modules/manifest.js';

export type { SeedStep };

/** Reference data every installation needs (the units), from each module's manifest. Idempotent. */
export const referenceSeed: SeedStep[] = referenceSeedSteps;

/** The synthetic demo data set, module by module in the manifest list's order. Idempotent: a second run adds nothing. */
export const demoSeed: SeedStep[] = demoSeedSteps;

export async function runSeed(
  ctx: AppContext,
  opts: { demo: boolean; light?: boolean; report?: (message: string) => void },
): Promise<void> {
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
