async function insertSession(db, s) {
  await db.insertInto("session").values(s).execute();
}
function findSessionWithUser(db, idHash) {
  return db.selectFrom("session").innerJoin("app_user", "app_user.id", "session.user_id").leftJoin("unit", "unit.id", "app_user.unit_id").selectAll("app_user").select(["unit.name as unit_name", "session.csrf_token", "session.expires_at", "session.last_seen_at"]).where("session.id_hash", "=", idHash).executeTakeFirst();
}
async function touchSession(db, idHash, lastSeenAt, expiresAt) {
  await db.updateTable("session").set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where("id_hash", "=", idHash).execute();
}
async function deleteSession(db, idHash) {
  await db.deleteFrom("session").where("id_hash", "=", idHash).execute();
}
async function deleteExpiredSessions(db, now) {
  const r = await db.deleteFrom("session").where("expires_at", "<", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
export {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession
};
//# sourceMappingURL=sessions.repository.js.map
