import { z } from 'zod';
import { plainText } from '../text.js';
import { isoDate } from './date.js';

/** Request and response shapes of the working-day calendar admin; the web client imports them. */

export const CALENDAR_DAY_TYPES = ['holiday', 'workday'] as const;

export const calendarDayView = z.object({
  id: z.number(),
  date: z.string(),
  type: z.enum(CALENDAR_DAY_TYPES),
  name: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type CalendarDayView = z.infer<typeof calendarDayView>;

export const calendarDayBody = z.object({ date: isoDate, type: z.enum(CALENDAR_DAY_TYPES), name: plainText(40) }).strict();
export type CalendarDayBody = z.infer<typeof calendarDayBody>;

export const updateCalendarDayBody = z
  .object({ type: z.enum(CALENDAR_DAY_TYPES).optional(), name: plainText(40).optional(), version: z.number().int().positive() })
  .strict();
export type UpdateCalendarDayBody = z.infer<typeof updateCalendarDayBody>;

export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

/** The State Council's schedule as a file: CSV (date,type,name) or a JSON array of the same fields. */
export const importCalendarBody = z.object({ format: z.enum(['csv', 'json']), content: z.string().min(1).max(200_000) }).strict();
export type ImportCalendarBody = z.infer<typeof importCalendarBody>;

export const calendarImportResult = z.object({ added: z.number(), updated: z.number(), unchanged: z.number(), years: z.array(z.number()) });

/** One day of a year whose status differs from a plain Monday–Friday week, and where that comes from. */
export const calendarYearView = z.object({
  year: z.number(),
  covered: z.boolean(),
  days: z.array(z.object({ date: z.string(), type: z.enum(CALENDAR_DAY_TYPES), name: z.string(), source: z.enum(['official', 'added']) })),
  added: z.array(calendarDayView),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;

export { isoDate as calendarDate };
