import { loadModuleJobs } from '../modules/index.js';
import type { JobDefinition } from './define.js';

let catalog: Promise<JobDefinition[]> | undefined;

/**
 * Every job of the platform, with its retries and default schedule, as declared in the module
 * manifests (src/modules/index.ts). Loaded on first use, so that the runtime's import never reaches
 * module code. Default schedules (Asia/Shanghai): weekly snapshot Monday 08:00, bulletin draft on
 * the 1st at 08:00, reminders and escalation daily at 09:00, the notification digest daily at
 * 08:30, the overdue notice to the office daily at 09:05.
 */
export function loadJobCatalog(): Promise<JobDefinition[]> {
  catalog ??= loadModuleJobs().then((jobs) => Object.values(jobs));
  return catalog;
}
