import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** Request and response shapes of the notification inbox; the web client imports them. */

export const notificationView = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  /** An in-app path such as /worklists/items/12. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationList = z.object({ items: z.array(notificationView), total: z.number(), unread: z.number() });

export const markReadBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((b) => Boolean(b.ids) !== Boolean(b.all), { message: '请给出 ids 或 all / give either ids or all' });

export const contactView = z.object({ email: z.string().nullable() });
export const contactBody = z.object({ email: z.email().max(254).nullable() }).strict();
