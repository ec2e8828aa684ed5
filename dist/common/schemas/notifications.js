import { z } from "zod";
import { LIMITS } from "../limits.js";
const notificationView = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  /** An in-app path such as /worklists/items/12. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable()
});
const notificationListQuery = z.object({
  unread: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default)
}).strict();
const notificationList = z.object({ items: z.array(notificationView), total: z.number(), unread: z.number() });
const markReadBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500).optional(), all: z.literal(true).optional() }).strict().refine((b) => Boolean(b.ids) !== Boolean(b.all), { message: "\u8BF7\u7ED9\u51FA ids \u6216 all / give either ids or all" });
const contactView = z.object({ email: z.string().nullable() });
const contactBody = z.object({ email: z.email().max(254).nullable() }).strict();
export {
  contactBody,
  contactView,
  markReadBody,
  notificationList,
  notificationListQuery,
  notificationView
};
//# sourceMappingURL=notifications.js.map
