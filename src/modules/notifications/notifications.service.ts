import type { Transaction } from 'kysely';
import { AppError } from '../../common/errors.js';
import {
  type DeliveryMode,
  IMMEDIATE_KINDS,
  type MarkReadBody,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationView,
} from '../../common/schemas/notifications.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/runtime.js';
import { audit } from '../org/audit.service.js';
import { absoluteLink, postWebhook, sendEmail } from './channels.js';
import {
  DIGEST_EMAIL,
  DIGEST_ROBOT,
  clearDigestBit,
  countUnread,
  countUnreadByKind,
  findContact,
  findImmediateUserIds,
  findNotifications,
  findPendingDigest,
  findRecipientIds,
  insertNotifications,
  listForUser,
  markRead,
  upsertContact,
} from './notifications.repository.js';

export interface NotifyInput {
  userIds?: number[];
  unitIds?: number[];
  /** With unitIds: only the users of those units who have one of these roles (e.g. ['liaison']). */
  unitRoles?: string[];
  roles?: string[];
  title: string;
  body: string;
  /** An in-app path, e.g. /worklists/items/12. */
  link?: string | null;
  /** What the message is about (default 'general'); instructions and escalations are sent at once, the rest in the daily digest. */
  kind?: NotificationKind;
}

/**
 * Puts a message in the inbox of every active user named (directly, by unit or by role) and, when
 * those channels are configured, sends it by e-mail and to the work-chat robot: at once for urgent
 * kinds (and for users who chose immediate e-mail), otherwise in the daily digest. Pass the
 * caller's transaction so the message exists only if the change it reports is committed.
 */
export async function notify(
  ctx: AppContext,
  trx: Transaction<DB> | undefined,
  input: NotifyInput,
): Promise<{ notificationIds: number[] }> {
  const run = async (t: Transaction<DB>) => {
    const kind = input.kind ?? 'general';
    const { smtpUrl, webhookUrl } = ctx.config.notify;
    const recipients = await findRecipientIds(t, input);
    const urgent = IMMEDIATE_KINDS.has(kind);
    const mailNow = urgent ? new Set(recipients) : smtpUrl ? await findImmediateUserIds(t, recipients) : new Set<number>();
    const rows = recipients.map((userId) => ({
      userId,
      // The robot is one group channel: it follows the kind only, never a person's choice.
      pendingDigest: (smtpUrl && !mailNow.has(userId) ? DIGEST_EMAIL : 0) | (webhookUrl && !urgent ? DIGEST_ROBOT : 0),
    }));
    const message = { title: input.title.slice(0, 200), body: input.body, link: input.link ?? null, kind, at: ctx.clock().toISOString() };
    const ids = await insertNotifications(t, rows, message);
    const mailIds = ids.filter((_, i) => mailNow.has(rows[i].userId));
    if (mailIds.length && smtpUrl) await enqueueJob(ctx, 'notifications.email', { ids: mailIds }, { trx: t });
    if (ids.length && webhookUrl && urgent) await enqueueJob(ctx, 'notifications.webhook', { ids }, { trx: t });
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

// ---- the daily digest ----

/** Lines of one digest; a longer backlog is summed up, the inbox has it all. */
const DIGEST_MAX_LINES = 50;
/** WeCom caps a text message at 2 048 bytes; the robot digest stays well below. */
const ROBOT_MAX_LINES = 15;

function digestBody(lines: { title: string; link: string | null }[], max: number, linkOf: (link: string | null) => string): string {
  const shown = lines.slice(0, max).map((l, i) => `${i + 1}. ${l.title}${l.link ? `\n   ${linkOf(l.link)}` : ''}`);
  if (lines.length > max) shown.push(`……另有 ${lines.length - max} 条，请登录平台在“我的消息”中查看。`);
  return shown.join('\n');
}

/**
 * The scheduled digest: one e-mail per person with all their routine messages not yet e-mailed,
 * and one robot message listing each routine message once. Each part clears its own flag right
 * after it is sent, so a retry after a failure sends only what is still missing.
 */
export async function sendDigest(ctx: AppContext): Promise<{ emails: number; robotMessages: number; notifications: number }> {
  const { smtpUrl, webhookUrl } = ctx.config.notify;
  const rows = await findPendingDigest(ctx.db, ctx.clock().toISOString());
  const linkOf = (link: string | null) => absoluteLink(ctx.config, link) ?? '';
  let emails = 0;
  let robotMessages = 0;

  const robotRows = rows.filter((r) => r.pending_digest & DIGEST_ROBOT);
  if (robotRows.length) {
    if (webhookUrl) {
      // A message sent to many people is one line, with how many received it.
      const distinct = new Map<string, { title: string; link: string | null; n: number }>();
      for (const r of robotRows) {
        const key = `${r.title}\u0000${r.body}\u0000${r.link ?? ''}`;
        const d = distinct.get(key) ?? distinct.set(key, { title: r.title, link: r.link, n: 0 }).get(key)!;
        d.n++;
      }
      const lines = [...distinct.values()].map((d) => ({ title: d.n > 1 ? `${d.title}（${d.n} 人）` : d.title, link: d.link }));
      const digest = {
        title: `每日消息汇总：${lines.length} 条`,
        body: digestBody(lines, ROBOT_MAX_LINES, linkOf),
        link: '/notifications',
      };
      await postWebhook(ctx.config, digest, robotRows.length);
      robotMessages = 1;
    }
    await clearDigestBit(
      ctx.db,
      robotRows.map((r) => r.id),
      DIGEST_ROBOT,
    );
  }

  const byUser = new Map<number, typeof rows>();
  for (const r of rows) if (r.pending_digest & DIGEST_EMAIL) (byUser.get(r.user_id) ?? byUser.set(r.user_id, []).get(r.user_id)!).push(r);
  for (const mine of byUser.values()) {
    const email = mine[0].email;
    if (smtpUrl && email) {
      const body = `您有 ${mine.length} 条新消息：\n\n${digestBody(mine, DIGEST_MAX_LINES, linkOf)}`;
      await sendEmail(ctx.config, [email], { title: `每日消息汇总：${mine.length} 条新消息`, body, link: '/notifications' });
      emails++;
    }
    await clearDigestBit(
      ctx.db,
      mine.map((r) => r.id),
      DIGEST_EMAIL,
    );
  }
  return { emails, robotMessages, notifications: new Set(rows.map((r) => r.id)).size };
}

type NotificationRow = {
  id: number;
  title: string;
  body: string;
  link: string | null;
  kind: string;
  created_at: string;
  read_at: string | null;
};

function present(r: NotificationRow): NotificationView {
  const kind = (NOTIFICATION_KINDS as readonly string[]).includes(r.kind) ? (r.kind as NotificationKind) : 'general';
  return { id: r.id, title: r.title, body: r.body, link: r.link, kind, createdAt: r.created_at, readAt: r.read_at };
}

export async function listMyNotifications(ctx: AppContext, actor: Actor, q: NotificationListQuery) {
  const filter = { unread: q.unread === 'true', kind: q.kind, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await listForUser(ctx.db, actor.id, filter);
  const byKind = await countUnreadByKind(ctx.db, actor.id);
  const unreadByKind: Partial<Record<NotificationKind, number>> = {};
  for (const k of byKind) {
    const kind = (NOTIFICATION_KINDS as readonly string[]).includes(k.kind) ? (k.kind as NotificationKind) : 'general';
    unreadByKind[kind] = (unreadByKind[kind] ?? 0) + k.n;
  }
  return { items: rows.map(present), total, unread: byKind.reduce((a, k) => a + k.n, 0), unreadByKind };
}

export function unreadCount(ctx: AppContext, actor: Actor): Promise<number> {
  return countUnread(ctx.db, actor.id);
}

/** Read state is the reader's own business: no audit row for it. */
export async function markNotificationsRead(
  ctx: AppContext,
  actor: Actor,
  body: MarkReadBody,
): Promise<{ updated: number; unread: number }> {
  const updated = await markRead(ctx.db, actor.id, body.ids ?? { all: true, kind: body.kind }, ctx.clock().toISOString());
  return { updated, unread: await countUnread(ctx.db, actor.id) };
}

type Contact = { email: string | null; delivery: DeliveryMode };

function presentContact(c: { email: string | null; delivery: string }): Contact {
  return { email: c.email, delivery: c.delivery === 'immediate' ? 'immediate' : 'digest' };
}

export async function getMyContact(ctx: AppContext, actor: Actor): Promise<Contact> {
  return presentContact(await findContact(ctx.db, actor.id));
}

/** A field left out keeps its value: a client that only knows the e-mail does not reset the delivery choice. */
export async function setMyContact(
  ctx: AppContext,
  actor: Actor,
  body: { email: string | null; delivery?: DeliveryMode | undefined },
): Promise<Contact> {
  if (actor.id <= 0) throw new AppError('FORBIDDEN');
  return withTransaction(ctx.db, async (trx) => {
    const before = presentContact(await findContact(trx, actor.id));
    const after: Contact = { email: body.email, delivery: body.delivery ?? before.delivery };
    await upsertContact(trx, actor.id, after, ctx.clock().toISOString());
    await audit(ctx, trx, actor, { action: 'user.contact', entity: 'app_user', entityId: actor.id, before, after });
    return after;
  });
}
