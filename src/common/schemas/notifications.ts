import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** Request and response shapes of the notification inbox; the web client imports them. */

/** What a message is about: the inbox filters by it and it decides how soon e-mail/robot send it. */
export const NOTIFICATION_KINDS = [
  'assigned',
  'awaiting_approval',
  'awaiting_review',
  'returned',
  'accepted',
  'instruction',
  'overdue',
  'escalation',
  'granted',
  'general',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { zh: string; en: string }> = {
  assigned: { zh: '新分配事项', en: 'Assigned to you' },
  awaiting_approval: { zh: '待单位审核', en: 'Awaiting the unit head' },
  awaiting_review: { zh: '待办公室审核', en: 'Awaiting the office' },
  returned: { zh: '退回', en: 'Returned' },
  accepted: { zh: '通过', en: 'Accepted' },
  instruction: { zh: '领导批示', en: 'Leader’s instruction' },
  overdue: { zh: '逾期', en: 'Overdue' },
  escalation: { zh: '督办', en: 'Supervision' },
  granted: { zh: '政策兑现', en: 'Benefit granted' },
  general: { zh: '其他', en: 'Other' },
};

/**
 * Kinds whose e-mail and robot messages go out at once; the others wait for the daily digest
 * (unless the user chose immediate delivery). The inbox shows every message at once either way.
 */
export const IMMEDIATE_KINDS: ReadonlySet<NotificationKind> = new Set(['instruction', 'escalation']);

export const DELIVERY_MODES = ['digest', 'immediate'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const notificationView = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  /** An in-app path such as /worklists/items/12. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  kind: z.enum(NOTIFICATION_KINDS),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    kind: z.enum(NOTIFICATION_KINDS).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

/** `unread` counts every unread message; `unreadByKind` the unread ones of each kind (for the filter). */
export const notificationList = z.object({
  items: z.array(notificationView),
  total: z.number(),
  unread: z.number(),
  unreadByKind: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.number()),
});

/** Either the ids (selected messages) or `all` — every unread message, or every one of `kind` when given. */
export const markReadBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(500).optional(),
    all: z.literal(true).optional(),
    kind: z.enum(NOTIFICATION_KINDS).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.ids) !== Boolean(b.all), { message: '请给出 ids 或 all / give either ids or all' })
  .refine((b) => !(b.ids && b.kind), { message: 'kind 只能与 all 一起使用 / kind goes with all only', path: ['kind'] });
export type MarkReadBody = z.infer<typeof markReadBody>;

export const contactView = z.object({ email: z.string().nullable(), delivery: z.enum(DELIVERY_MODES) });
export const contactBody = z.object({ email: z.email().max(254).nullable(), delivery: z.enum(DELIVERY_MODES).optional() }).strict();
