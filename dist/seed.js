import { seedIndicatorCatalogue, seedIndicatorDemo } from "./modules/indicators/seed.js";
import { seedDemoUsers, seedReferenceUnits } from "./modules/org/seed.js";
import { seedDemoPolicies } from "./modules/policies/seed.js";
import { seedDemoSupervision } from "./modules/supervision/seed.js";
import { seedDemoWorklists } from "./modules/worklists/seed.js";
const referenceSeed = [
  { name: "units", run: (ctx) => seedReferenceUnits(ctx) },
  { name: "indicator-catalogue", run: (ctx) => seedIndicatorCatalogue(ctx) }
];
const demoSeed = [
  { name: "demo-users", run: (ctx) => seedDemoUsers(ctx) },
  { name: "indicators-demo", run: (ctx) => seedIndicatorDemo(ctx), full: true },
  { name: "worklists-demo", run: (ctx) => seedDemoWorklists(ctx), full: true },
  { name: "supervision-demo", run: (ctx) => seedDemoSupervision(ctx), full: true },
  { name: "policies-demo", run: (ctx) => seedDemoPolicies(ctx), full: true }
];
async function runSeed(ctx, opts) {
  const report = opts.report ?? (() => {
  });
  const demo = opts.demo ? demoSeed.filter((s) => !(opts.light && s.full)) : [];
  for (const step of [...referenceSeed, ...demo]) {
    const result = await step.run(ctx, report);
    report(`seed ${step.name}: ${JSON.stringify(result)}`);
  }
}
async function isEmptyInstallation(ctx) {
  const row = await ctx.db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  return !row;
}
export {
  demoSeed,
  isEmptyInstallation,
  referenceSeed,
  runSeed
};
//# sourceMappingURL=seed.js.map
