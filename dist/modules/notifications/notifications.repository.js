import { paged } from "../../db/paged.js";
async function findRecipientIds(db, to) {
  const { userIds = [], unitIds = [], roles = [] } = to;
  if (!userIds.length && !unitIds.length && !roles.length) return [];
  const rows = await db.selectFrom("app_user").select("id").where("status", "=", "active").where(
    (eb) => eb.or([
      ...userIds.length ? [eb("id", "in", userIds)] : [],
      ...unitIds.length ? [eb("unit_id", "in", unitIds)] : [],
      ...roles.length ? [eb("role", "in", roles)] : []
    ])
  ).orderBy("id").execute();
  return rows.map((r) => r.id);
}
async function insertNotifications(db, userIds, n) {
  if (!userIds.length) return [];
  const rows = await db.insertInto("notification").values(userIds.map((user_id) => ({ user_id, title: n.title, body: n.body, link: n.link, created_at: n.at, read_at: null }))).returning("id").execute();
  return rows.map((r) => r.id);
}
async function listForUser(db, userId, q) {
  let query = db.selectFrom("notification").where("user_id", "=", userId);
  if (q.unread) query = query.where("read_at", "is", null);
  return paged(query.selectAll().orderBy("id", "desc"), q);
}
async function countUnread(db, userId) {
  const r = await db.selectFrom("notification").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", userId).where("read_at", "is", null).executeTakeFirstOrThrow();
  return Number(r.n);
}
async function markRead(db, userId, ids, at) {
  let q = db.updateTable("notification").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null);
  if (ids !== "all") q = q.where("id", "in", ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
function findNotifications(db, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("notification").leftJoin("user_contact", "user_contact.user_id", "notification.user_id").select(["notification.id", "notification.user_id", "notification.title", "notification.body", "notification.link", "user_contact.email"]).where("notification.id", "in", ids).orderBy("notification.id").execute();
}
async function findContact(db, userId) {
  const r = await db.selectFrom("user_contact").select("email").where("user_id", "=", userId).executeTakeFirst();
  return r?.email ?? null;
}
async function upsertContact(db, userId, email, at) {
  await db.insertInto("user_contact").values({ user_id: userId, email, updated_at: at }).onConflict((oc) => oc.column("user_id").doUpdateSet({ email, updated_at: at })).execute();
}
export {
  countUnread,
  findContact,
  findNotifications,
  findRecipientIds,
  insertNotifications,
  listForUser,
  markRead,
  upsertContact
};
//# sourceMappingURL=notifications.repository.js.map
