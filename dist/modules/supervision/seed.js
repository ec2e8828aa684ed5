import { SYSTEM_ACTOR } from "../../context.js";
import { addDays, chinaDate } from "../../common/workdays.js";
import { loadUnitResolver } from "../org/units.service.js";
import { draftLastMonth } from "./bulletin.service.js";
import { createMeeting } from "./dispatch.service.js";
import { runEscalation } from "./escalation.service.js";
import { listMeetings } from "./supervision.repository.js";
import { takeWeeklySnapshot } from "./weekly.service.js";
async function seedDemoSupervision(ctx) {
  if ((await listMeetings(ctx.db, {})).length) return { meetings: 0, snapshot: false, bulletin: null };
  const resolver = await loadUnitResolver(ctx.db);
  const id = (name) => resolver.resolve(name)?.id;
  const units = ["\u5E02\u53D1\u6539\u59D4", "\u5E02\u884C\u653F\u5BA1\u6279\u548C\u653F\u52A1\u670D\u52A1\u5C40", "\u5E02\u4F4F\u5EFA\u5C40", "\u5E02\u5E02\u573A\u76D1\u7BA1\u5C40", "\u5E02\u81EA\u7136\u8D44\u6E90\u5C40"].map(id).filter((u) => Boolean(u));
  if (units.length < 3) return { meetings: 0, snapshot: false, bulletin: null };
  const today = chinaDate(ctx.clock());
  const meetings = [
    { type: "mayor", title: "\u5168\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u8C03\u5EA6\u4F1A\uFF08\u6F14\u793A\uFF09", chair: "\u5E02\u957F", days: -40 },
    { type: "task_force", title: "\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u4E13\u73ED\u5468\u8C03\u5EA6\u4F1A\uFF08\u6F14\u793A\uFF09", chair: "\u4E13\u73ED\u8D1F\u8D23\u4EBA", days: -12 },
    { type: "special", title: "\u83B7\u5F97\u7535\u529B\u4E13\u9898\u8C03\u5EA6\u4F1A\uFF08\u6F14\u793A\uFF09", chair: "\u5E38\u52A1\u526F\u5E02\u957F", days: -5 }
  ];
  for (const [i, m] of meetings.entries()) {
    const date = addDays(today, m.days);
    await createMeeting(ctx, SYSTEM_ACTOR, {
      date,
      type: m.type,
      title: m.title,
      chair: m.chair,
      unitIds: units,
      topics: ["\u4F01\u4E1A\u5F00\u529E\u5168\u7A0B\u7F51\u529E", "\u5DE5\u7A0B\u5EFA\u8BBE\u9879\u76EE\u5BA1\u6279\u63D0\u901F", "\u4F4E\u538B\u5C0F\u5FAE\u4F01\u4E1A\u63A5\u7535"].slice(0, i + 1),
      decisions: [
        { content: `${m.title}\u8BAE\u5B9A\uFF1A\u538B\u7F29\u4F01\u4E1A\u5F00\u529E\u65F6\u95F4\u81F30.5\u4E2A\u5DE5\u4F5C\u65E5\uFF08\u6F14\u793A\uFF09`, leadUnitIds: [units[1]], coopUnitIds: [units[3]], deadline: addDays(date, 20) },
        { content: `${m.title}\u8BAE\u5B9A\uFF1A\u5DE5\u7A0B\u5EFA\u8BBE\u9879\u76EE\u5BA1\u6279\u5168\u6D41\u7A0B\u7F51\u529E\uFF08\u6F14\u793A\uFF09`, leadUnitIds: [units[2]], deadline: addDays(date, 45) },
        { content: `${m.title}\u8BAE\u5B9A\uFF1A\u5E38\u6001\u5316\u653F\u4F01\u6C9F\u901A\uFF08\u6F14\u793A\uFF09`, leadUnitIds: [units[0]], ongoing: true }
      ]
    });
  }
  await runEscalation(ctx, SYSTEM_ACTOR);
  const { created } = await takeWeeklySnapshot(ctx, SYSTEM_ACTOR);
  const { month } = await draftLastMonth(ctx, SYSTEM_ACTOR);
  return { meetings: meetings.length, snapshot: created, bulletin: month };
}
export {
  seedDemoSupervision
};
//# sourceMappingURL=seed.js.map
