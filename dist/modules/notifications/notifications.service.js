import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { enqueueJob } from "../../jobs/runtime.js";
import { audit } from "../org/audit.service.js";
import { postWebhook, sendEmail } from "./channels.js";
import { countUnread, findContact, findNotifications, findRecipientIds, insertNotifications, listForUser, markRead, upsertContact } from "./notifications.repository.js";
async function notify(ctx, trx, input) {
  const run = async (t) => {
    const recipients = await findRecipientIds(t, input);
    const ids = await insertNotifications(t, recipients, {
      title: input.title.slice(0, 200),
      body: input.body,
      link: input.link ?? null,
      at: ctx.clock().toISOString()
    });
    if (ids.length && ctx.config.notify.smtpUrl) await enqueueJob(ctx, "notifications.email", { ids }, { trx: t });
    if (ids.length && ctx.config.notify.webhookUrl) await enqueueJob(ctx, "notifications.webhook", { ids }, { trx: t });
    return { notificationIds: ids };
  };
  return trx ? run(trx) : withTransaction(ctx.db, run);
}
async function messageOf(ctx, ids) {
  const rows = await findNotifications(ctx.db, ids);
  if (!rows.length) return null;
  return { message: { title: rows[0].title, body: rows[0].body, link: rows[0].link }, rows };
}
async function deliverByEmail(ctx, ids) {
  const m = await messageOf(ctx, ids);
  if (!m) return { accepted: 0 };
  const to = [...new Set(m.rows.map((r) => r.email).filter((e) => Boolean(e)))];
  return sendEmail(ctx.config, to, m.message);
}
async function deliverByWebhook(ctx, ids) {
  const m = await messageOf(ctx, ids);
  if (!m) return { status: 0 };
  return postWebhook(ctx.config, m.message, m.rows.length);
}
function present(r) {
  return { id: r.id, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at };
}
async function listMyNotifications(ctx, actor, q) {
  const { rows, total } = await listForUser(ctx.db, actor.id, { unread: q.unread === "true", page: q.page, pageSize: q.pageSize });
  return { items: rows.map(present), total, unread: await countUnread(ctx.db, actor.id) };
}
function unreadCount(ctx, actor) {
  return countUnread(ctx.db, actor.id);
}
async function markNotificationsRead(ctx, actor, ids) {
  const updated = await markRead(ctx.db, actor.id, ids, ctx.clock().toISOString());
  return { updated, unread: await countUnread(ctx.db, actor.id) };
}
async function getMyContact(ctx, actor) {
  return { email: await findContact(ctx.db, actor.id) };
}
async function setMyContact(ctx, actor, email) {
  if (actor.id <= 0) throw new AppError("FORBIDDEN");
  return withTransaction(ctx.db, async (trx) => {
    const before = await findContact(trx, actor.id);
    await upsertContact(trx, actor.id, email, ctx.clock().toISOString());
    await audit(ctx, trx, actor, { action: "user.contact", entity: "app_user", entityId: actor.id, before: { email: before }, after: { email } });
    return { email };
  });
}
export {
  deliverByEmail,
  deliverByWebhook,
  getMyContact,
  listMyNotifications,
  markNotificationsRead,
  notify,
  setMyContact,
  unreadCount
};
//# sourceMappingURL=notifications.service.js.map
