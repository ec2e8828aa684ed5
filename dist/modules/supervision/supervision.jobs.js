import { SYSTEM_ACTOR } from "../../context.js";
import { draftLastMonth } from "./bulletin.service.js";
import { runEscalation } from "./escalation.service.js";
import { takeWeeklySnapshot } from "./weekly.service.js";
const supervisionJobHandlers = {
  "supervision.weekly-snapshot": async (ctx, payload) => {
    const { snapshot, created } = await takeWeeklySnapshot(ctx, SYSTEM_ACTOR, payload);
    return { weekOf: snapshot.weekOf, id: snapshot.id, created, totals: snapshot.totals };
  },
  "supervision.bulletin-draft": (ctx) => draftLastMonth(ctx, SYSTEM_ACTOR),
  "supervision.reminders": (ctx, payload) => runEscalation(ctx, SYSTEM_ACTOR, payload)
};
export {
  supervisionJobHandlers
};
//# sourceMappingURL=supervision.jobs.js.map
