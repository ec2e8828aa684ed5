import { Cron } from 'croner';

/** Schedules are read in China time, whatever the server's time zone. */
export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';

/** The first instant strictly after `after` that the cron pattern names, or null if none. */
export function nextRunAfter(cron: string, after: Date): Date | null {
  return new Cron(cron, { timezone: SCHEDULE_TIMEZONE, paused: true }).nextRun(after);
}

/** A readable reason when the pattern is not a valid 5- or 6-part cron expression, else null. */
export function cronProblem(cron: string): string | null {
  try {
    new Cron(cron, { timezone: SCHEDULE_TIMEZONE, paused: true });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
