function selectUsers(db) {
  return db.selectFrom("app_user").leftJoin("unit", "unit.id", "app_user.unit_id").selectAll("app_user").select("unit.name as unit_name");
}
async function listUsers(db, f) {
  let q = selectUsers(db);
  if (f.role) q = q.where("app_user.role", "=", f.role);
  if (f.unitId) q = q.where("app_user.unit_id", "=", f.unitId);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("app_user.username", "like", like), eb("app_user.display_name", "like", like)]));
  }
  return q.orderBy("app_user.id").execute();
}
function findUserById(db, id) {
  return selectUsers(db).where("app_user.id", "=", id).executeTakeFirst();
}
function findUserByUsername(db, username) {
  return selectUsers(db).where("app_user.username", "=", username).executeTakeFirst();
}
async function insertUser(db, u, at) {
  const r = await db.insertInto("app_user").values({ ...u, status: "active", failed_logins: 0, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function updateUserVersioned(db, id, version, changes, at) {
  const r = await db.updateTable("app_user").set((eb) => ({ ...changes, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function updateUserState(db, id, changes) {
  await db.updateTable("app_user").set(changes).where("id", "=", id).execute();
}
export {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  updateUserState,
  updateUserVersioned
};
//# sourceMappingURL=users.repository.js.map
