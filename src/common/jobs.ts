import { z } from 'zod';

/** What every job declares besides its handler: shown to the admin, used by the runtime. */
export interface JobDeclaration {
  /** 中文名 / label shown in the admin page. */
  label: { zh: string; en: string };
  payload: z.ZodType;
  /** Attempts in all (1 = no retry) and the delay before each retry, doubled each time. */
  retry?: { attempts: number; delaySeconds: number };
  /** A default schedule (cron, Asia/Shanghai); the admin can change it, it is stored in `job_schedule`. */
  schedule?: { cron: string };
}

/** The payload of the notification-sending jobs: the notifications to send. */
export const notificationIds = z.object({ ids: z.array(z.number().int().positive()).min(1) }).strict();

/**
 * Every job of the platform is declared once, by its module, in `<module>.job-table.ts` with
 * `defineJobs` (name, payload schema, retries, default schedule) and added to `ModuleJobs` by
 * declaration merging, so `enqueueJob(ctx, name, payload)` is checked at compile time and adding a
 * module touches no list here. The module's manifest holds its table (registered when the module
 * list loads) and its handlers (`JobHandlers`), which it hands to the runtime at start-up, so the
 * runtime imports no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ModuleJobs {}

export type JobName = keyof ModuleJobs & string;
type PayloadSchema<N extends JobName> = ModuleJobs[N] extends { payload: infer S extends z.ZodType } ? S : never;
/** The payload a caller passes to `enqueueJob` (before defaults are applied). */
export type JobPayload<N extends JobName> = z.input<PayloadSchema<N>>;
/** The payload a handler receives (parsed, defaults applied). */
export type JobData<N extends JobName> = z.output<PayloadSchema<N>>;

const registry = new Map<string, JobDeclaration>();

/** Registers a module's jobs with the platform (a name may be declared once only). */
export function defineJobs<const T extends Record<string, JobDeclaration>>(table: T): T {
  for (const [name, declaration] of Object.entries(table)) {
    const known = registry.get(name);
    if (known && known !== declaration) throw new Error(`Job ${name} is declared twice`);
    registry.set(name, declaration);
  }
  return table;
}

/** Every declared job (of the loaded modules), with its name. */
export function declaredJobs(): (JobDeclaration & { name: string })[] {
  return [...registry].map(([name, d]) => ({ name, ...d }));
}

export function jobDeclaration<N extends JobName>(name: N): JobDeclaration {
  const d = registry.get(name);
  if (!d) throw new Error(`Job ${name} is not declared: load the module list first`);
  return d;
}

export function isJobName(name: string): name is JobName {
  return registry.has(name);
}
