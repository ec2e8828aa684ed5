import { declaredJobs } from '../common/jobs.js';
import type { JobHandlers } from '../jobs/define.js';
import { jobsModule } from '../jobs/jobs.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { indicatorsModule } from './indicators/indicators.module.js';
import type { Benchmark, CliArea, ModuleManifest, RootRouteFactory, RouteFactory, SeedStep } from './manifest.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { orgModule } from './org/org.module.js';
import { policiesModule } from './policies/policies.module.js';
import { reportsModule } from './reports/reports.module.js';
import { supervisionModule } from './supervision/supervision.module.js';
import { worklistsModule } from './worklists/worklists.module.js';
// enforcement
import { enforcementModule } from './enforcement/enforcement.module.js';
// services
import { servicesModule } from './services/services.module.js';
// finance
import { financeModule } from './finance/finance.module.js';
// procurement
import { procurementModule } from './procurement/procurement.module.js';
// demands
import { demandsModule } from './demands/demands.module.js';

/**
 * Every module of the platform, each declared by its own `<module>.module.ts`. Adding a module
 * adds its line here (and its migrations to src/db/migrations/index.ts); routes, jobs, seeds, CLI
 * commands and benchmarks are all collected from this list. Order matters for the seeds: a
 * module's demo data may use the data of the modules above it.
 */
export const moduleManifests: readonly ModuleManifest[] = [
  orgModule,
  jobsModule,
  notificationsModule,
  calendarModule,
  indicatorsModule,
  worklistsModule,
  supervisionModule,
  policiesModule,
  reportsModule,
  // enforcement
  enforcementModule,
  // services
  servicesModule,
  // finance
  financeModule,
  // procurement
  procurementModule,
  // demands
  demandsModule,
];

/** Every module's route plugins, in list order (mounted under /api/v1). */
export async function loadModuleRoutes(): Promise<RouteFactory[]> {
  return (await Promise.all(moduleManifests.map((m) => m.routes?.() ?? []))).flat();
}

/**
 * Every job's handler, from all modules, for the processes that run jobs (the jobs themselves are
 * declared in src/common/jobs.ts). A declared job without a handler stops the start.
 */
export async function loadModuleJobHandlers(): Promise<JobHandlers> {
  const maps = await Promise.all(moduleManifests.map((m) => m.jobs?.handlers() ?? {}));
  const handlers = Object.assign({}, ...maps) as Partial<JobHandlers>;
  const missing = declaredJobs()
    .map((j) => j.name)
    .filter((name) => !(name in handlers));
  if (missing.length) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
  return handlers as JobHandlers;
}

export const referenceSeedSteps: SeedStep[] = moduleManifests.flatMap((m) => m.seed?.reference ?? []);
export const demoSeedSteps: SeedStep[] = moduleManifests.flatMap((m) => m.seed?.demo ?? []);
export const moduleCliAreas: CliArea[] = moduleManifests.flatMap((m) => m.cli ?? []);
export const moduleBenchmarks: Record<string, Benchmark> = Object.assign({}, ...moduleManifests.map((m) => m.benchmarks ?? {}));

// demands
/** Every module's root route plugins (standard protocols outside /api/v1, e.g. Open311). */
export async function loadModuleRootRoutes(): Promise<RootRouteFactory[]> {
  return (await Promise.all(moduleManifests.map((m) => m.rootRoutes?.() ?? []))).flat();
}
