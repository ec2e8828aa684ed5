import { Cron } from "croner";
const SCHEDULE_TIMEZONE = "Asia/Shanghai";
function nextRunAfter(cron, after) {
  return new Cron(cron, { timezone: SCHEDULE_TIMEZONE, paused: true }).nextRun(after);
}
function cronProblem(cron) {
  try {
    new Cron(cron, { timezone: SCHEDULE_TIMEZONE, paused: true });
    return null;
  } catch (err) {
    return err.message;
  }
}
export {
  SCHEDULE_TIMEZONE,
  cronProblem,
  nextRunAfter
};
//# sourceMappingURL=schedule.js.map
