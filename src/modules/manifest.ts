import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ErrorTable } from '../common/errors.js';
import type { JobDeclaration } from '../common/jobs.js';
import { PERMISSION_NAMES, type Permission } from '../common/permissions.js';
import type { AppContext } from '../context.js';
import type { JobHandlers } from '../jobs/define.js';

export type RouteFactory = (ctx: AppContext) => FastifyPluginAsyncZod;
// demands
export type RootRouteFactory = (ctx: AppContext) => (app: FastifyInstance) => Promise<unknown>;

export interface SeedStep {
  name: string;
  run(ctx: AppContext, report: (message: string) => void): Promise<unknown>;
  /** Part of the big demo data set only: skipped by a light seed (most tests). */
  full?: boolean;
}

/** One top-level `bizenv` command group; `load` imports its code only when the command is called. */
export interface CliArea {
  commands: string[];
  load(): Promise<(program: Command) => void>;
}

/** A benchmark prints its progress and returns its figures (one JSON line in `npm run bench`). */
export type Benchmark = () => Promise<Record<string, unknown>>;

/**
 * What a module contributes to the platform, collected from one list (src/modules/index.ts).
 * Every field that needs the module's code loads it lazily (`() => import(...)`): the list stays
 * cheap to import (a CLI command loads only its own module) and importing it can never start an
 * import cycle with the code it describes. The web pages are declared in the web client's own
 * list (web/src/modules.tsx), since the browser cannot import server code.
 */
export interface ModuleManifest {
  /** The folder name under src/modules/. */
  name: string;
  /** Route plugins, mounted under /api/v1 in list order. */
  routes?: () => Promise<RouteFactory[]>;
  // demands
  /**
   * Route plugins mounted at the server root, for standard protocols whose paths other systems
   * fix (Open311 GeoReport v2 at /open311/v2): each owns its authentication and error format.
   */
  rootRoutes?: () => Promise<RootRouteFactory[]>;
  /**
   * The module's jobs: their table (`<module>.job-table.ts`, made with `defineJobs`, eager like the
   * error table) and their handlers (`<module>.jobs.ts`, loaded only by processes that run jobs).
   */
  jobs?: { table: Record<string, JobDeclaration>; handlers: () => Promise<Partial<JobHandlers>> };
  /** Reference data every installation needs, and the demo data set. */
  seed?: { reference?: SeedStep[]; demo?: SeedStep[] };
  cli?: CliArea[];
  benchmarks?: Record<string, Benchmark>;
  /**
   * The module's error codes (`<module>.errors.ts`, made with `defineErrors`). Imported eagerly: a
   * table is plain data, and loading the module list registers every code before any is thrown.
   */
  errors?: ErrorTable;
  /** The permissions of src/common/permissions.ts this module's routes and pages use. */
  permissions?: readonly Permission[];
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

/** The permissions whose names start with one of the prefixes (`'worklists'` → `worklists.*`). */
export function permissionsIn(...prefixes: string[]): Permission[] {
  return PERMISSION_NAMES.filter((p) => prefixes.some((prefix) => p.startsWith(`${prefix}.`)));
}
