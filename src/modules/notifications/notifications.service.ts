import type { Transaction } from 'kysely';
import { AppError } from '../../common/errors.js';
import type { NotificationListQuery, NotificationView } from '../../common/schemas/notifications.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/runtime.js';
import { audit } from '../org/audit.service.js';
import { postWebhook, sendEmail } from './channels.js';
import { countUnread, findContact, findNotifications, findRecipientIds, insertNotifications, listForUser, markRead, upsertContact } from './notifications.repository.js';

export interface NotifyInput {
  userIds?: number[];
  unitIds?: number[];
  roles?: string[];
  title: string;
  body: string;
  /** An in-app path, e.g. /worklists/items/12. */
  link?: string | null;
}

/**
 * Puts a message in the inbox of every active user named (directly, by unit or by role) and queues
 * the e-mail and robot messages when those channels are configured. Pass the caller's transaction
 * so the message exists only if the change it reports is committed.
 */
export async function notify(ctx: AppContext, trx: Transaction<DB> | undefined, input: NotifyInput): Promise<{ notificationIds: number[] }> {
  const run = async (t: Transaction<DB>) => {
    const recipients = await findRecipientIds(t, input);
    const ids = await insertNotifications(t, recipients, {
      title: input.title.slice(0, 200),
      body: input.body,
      link: input.link ?? null,
      at: ctx.clock().toISOString(),
    });
    if (ids.length && ctx.config.notify.smtpUrl) await enqueueJob(ctx, 'notifications.email', { ids }, { trx: t });
    if (ids.length && ctx.config.notify.webhookUrl) await enqueueJob(ctx, 'notifications.webhook', { ids }, { trx: t });
    return { notificationIds: ids };
  };
  return trx ? run(trx) : withTransaction(ctx.db, run);
}

async function messageOf(ctx: AppContext, ids: number[]) {
  const rows = await findNotifications(ctx.db, ids);
  // A rolled-back notify leaves a job without rows: nothing to send.
  if (!rows.length) return null;
  return { message: { title: rows[0].title, body: rows[0].body, link: rows[0].link }, rows };
}

export async function deliverByEmail(ctx: AppContext, ids: number[]): Promise<{ accepted: number }> {
  const m = await messageOf(ctx, ids);
  if (!m) return { accepted: 0 };
  const to = [...new Set(m.rows.map((r) => r.email).filter((e): e is string => Boolean(e)))];
  return sendEmail(ctx.config, to, m.message);
}

export async function deliverByWebhook(ctx: AppContext, ids: number[]): Promise<{ status: number }> {
  const m = await messageOf(ctx, ids);
  if (!m) return { status: 0 };
  return postWebhook(ctx.config, m.message, m.rows.length);
}

function present(r: { id: number; title: string; body: string; link: string | null; created_at: string; read_at: string | null }): NotificationView {
  return { id: r.id, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at };
}

export async function listMyNotifications(ctx: AppContext, actor: Actor, q: NotificationListQuery) {
  const { rows, total } = await listForUser(ctx.db, actor.id, { unread: q.unread === 'true', page: q.page, pageSize: q.pageSize });
  return { items: rows.map(present), total, unread: await countUnread(ctx.db, actor.id) };
}

export function unreadCount(ctx: AppContext, actor: Actor): Promise<number> {
  return countUnread(ctx.db, actor.id);
}

/** Read state is the reader's own business: no audit row for it. */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, ids: number[] | 'all'): Promise<{ updated: number; unread: number }> {
  const updated = await markRead(ctx.db, actor.id, ids, ctx.clock().toISOString());
  return { updated, unread: await countUnread(ctx.db, actor.id) };
}

export async function getMyContact(ctx: AppContext, actor: Actor): Promise<{ email: string | null }> {
  return { email: await findContact(ctx.db, actor.id) };
}

export async function setMyContact(ctx: AppContext, actor: Actor, email: string | null): Promise<{ email: string | null }> {
  if (actor.id <= 0) throw new AppError('FORBIDDEN');
  return withTransaction(ctx.db, async (trx) => {
    const before = await findContact(trx, actor.id);
    await upsertContact(trx, actor.id, email, ctx.clock().toISOString());
    await audit(ctx, trx, actor, { action: 'user.contact', entity: 'app_user', entityId: actor.id, before: { email: before }, after: { email } });
    return { email };
  });
}
