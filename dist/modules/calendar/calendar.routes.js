import {
  calendarDayBody,
  calendarDayView,
  calendarImportResult,
  calendarYearQuery,
  calendarYearView,
  importCalendarBody,
  updateCalendarDayBody
} from "../../common/schemas/calendar.js";
import { idParam, okView } from "../../common/schemas/org.js";
import { chinaDate } from "../../common/workdays.js";
import { actorOf } from "../../http/access.js";
import { addCalendarDay, calendarYear, importCalendarDays, removeCalendarDay, updateCalendarDay } from "./calendar.service.js";
function calendarRoutes(ctx) {
  return async (app) => {
    app.get(
      "/calendar",
      {
        config: { access: "authenticated" },
        schema: { tags: ["calendar"], summary: "\u5DE5\u4F5C\u65E5\u5386\uFF1A\u8282\u5047\u65E5\u4E0E\u8C03\u4F11 / holidays and swapped working days of a year", querystring: calendarYearQuery, response: { 200: calendarYearView } }
      },
      async (request) => calendarYear(ctx, request.query.year ?? Number(chinaDate(ctx.clock()).slice(0, 4)))
    );
    app.post(
      "/calendar/days",
      { config: { access: ["admin"] }, schema: { tags: ["calendar"], summary: "\u65B0\u589E\u8282\u5047\u65E5/\u8C03\u4F11 / add a day", body: calendarDayBody, response: { 201: calendarDayView } } },
      async (request, reply) => reply.status(201).send(await addCalendarDay(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/calendar/days/:id",
      { config: { access: ["admin"] }, schema: { tags: ["calendar"], summary: "\u4FEE\u6539 / edit a day", params: idParam, body: updateCalendarDayBody, response: { 200: calendarDayView } } },
      async (request) => updateCalendarDay(ctx, actorOf(request), request.params.id, request.body)
    );
    app.delete(
      "/calendar/days/:id",
      { config: { access: ["admin"] }, schema: { tags: ["calendar"], summary: "\u5220\u9664 / remove a day", params: idParam, response: { 200: okView } } },
      async (request) => {
        await removeCalendarDay(ctx, actorOf(request), request.params.id);
        return { ok: true };
      }
    );
    app.post(
      "/calendar/import",
      {
        config: { access: ["admin"] },
        schema: { tags: ["calendar"], summary: "\u5BFC\u5165\u56FD\u52A1\u9662\u653E\u5047\u5B89\u6392\uFF08CSV/JSON\uFF09 / import the State Council schedule", body: importCalendarBody, response: { 200: calendarImportResult } }
      },
      async (request) => importCalendarDays(ctx, actorOf(request), request.body)
    );
  };
}
export {
  calendarRoutes
};
//# sourceMappingURL=calendar.routes.js.map
