import { z } from "zod";
const CALENDAR_DAY_TYPES = ["holiday", "workday"];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "\u65E5\u671F\u683C\u5F0F\u5E94\u4E3A YYYY-MM-DD / a date is YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && (/* @__PURE__ */ new Date(`${d}T00:00:00Z`)).toISOString().startsWith(d), "\u4E0D\u5B58\u5728\u7684\u65E5\u671F / no such date");
const calendarDayView = z.object({
  id: z.number(),
  date: z.string(),
  type: z.enum(CALENDAR_DAY_TYPES),
  name: z.string(),
  version: z.number(),
  updatedAt: z.string()
});
const calendarDayBody = z.object({ date: isoDate, type: z.enum(CALENDAR_DAY_TYPES), name: z.string().trim().min(1).max(40) }).strict();
const updateCalendarDayBody = z.object({ type: z.enum(CALENDAR_DAY_TYPES).optional(), name: z.string().trim().min(1).max(40).optional(), version: z.number().int().positive() }).strict();
const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2e3).max(2100).optional() }).strict();
const importCalendarBody = z.object({ format: z.enum(["csv", "json"]), content: z.string().min(1).max(2e5) }).strict();
const calendarImportResult = z.object({ added: z.number(), updated: z.number(), unchanged: z.number(), years: z.array(z.number()) });
const calendarYearView = z.object({
  year: z.number(),
  covered: z.boolean(),
  days: z.array(z.object({ date: z.string(), type: z.enum(CALENDAR_DAY_TYPES), name: z.string(), source: z.enum(["official", "added"]) })),
  added: z.array(calendarDayView)
});
export {
  CALENDAR_DAY_TYPES,
  isoDate as calendarDate,
  calendarDayBody,
  calendarDayView,
  calendarImportResult,
  calendarYearQuery,
  calendarYearView,
  importCalendarBody,
  updateCalendarDayBody
};
//# sourceMappingURL=calendar.js.map
