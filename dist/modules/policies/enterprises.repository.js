import { sql } from "kysely";
function filtered(db, f) {
  let q = db.selectFrom("enterprise");
  if (f.q) q = q.where((eb) => eb.or([eb("name", "like", `%${f.q}%`), eb("uscc", "=", f.q.toUpperCase())]));
  if (f.countyCode) q = q.where("county_code", "=", f.countyCode);
  if (f.industryPrefix) q = q.where("industry_code", "like", `${f.industryPrefix}%`);
  if (f.sizeClass) q = q.where("size_class", "=", f.sizeClass);
  if (f.ids) q = f.ids.length ? q.where("id", "in", f.ids) : q.where(sql`1 = 0`);
  return q;
}
async function listEnterprises(db, f, page) {
  const rows = await filtered(db, f).selectAll().orderBy("id").offset(page.offset).limit(page.limit).execute();
  const { n } = await filtered(db, f).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
async function findEnterprise(db, id) {
  return db.selectFrom("enterprise").selectAll().where("id", "=", id).executeTakeFirst();
}
async function findEnterprisesByUscc(db, usccs) {
  const out = /* @__PURE__ */ new Map();
  for (let k = 0; k < usccs.length; k += 500) {
    const rows = await db.selectFrom("enterprise").selectAll().where("uscc", "in", usccs.slice(k, k + 500)).execute();
    for (const r of rows) out.set(r.uscc, r);
  }
  return out;
}
async function insertEnterprises(db, values, at) {
  const ids = [];
  for (let k = 0; k < values.length; k += 500) {
    const rows = await db.insertInto("enterprise").values(values.slice(k, k + 500).map((v) => ({ ...v, match_stale: 1, created_at: at, updated_at: at }))).returning("id").execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
async function updateEnterprise(db, id, version, v, at) {
  let q = db.updateTable("enterprise").set((eb) => ({ ...v, match_stale: 1, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id);
  if (version !== null) q = q.where("version", "=", version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function* scanEnterprises(db, f = {}) {
  let after = 0;
  for (; ; ) {
    let q = db.selectFrom("enterprise").selectAll().where("id", ">", after);
    if (f.staleOnly) q = q.where("match_stale", "=", 1);
    if (f.ids) q = f.ids.length ? q.where("id", "in", f.ids) : q.where(sql`1 = 0`);
    const rows = await q.orderBy("id").limit(5e3).execute();
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}
async function countEnterprises(db) {
  const { n } = await db.selectFrom("enterprise").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}
async function markEnterprisesMatched(db, seen) {
  const byVersion = /* @__PURE__ */ new Map();
  for (const s of seen) {
    const ids = byVersion.get(s.version);
    if (ids) ids.push(s.id);
    else byVersion.set(s.version, [s.id]);
  }
  for (const [version, ids] of byVersion) {
    for (let k = 0; k < ids.length; k += 500) {
      await db.updateTable("enterprise").set({ match_stale: 0 }).where("version", "=", version).where("id", "in", ids.slice(k, k + 500)).execute();
    }
  }
}
async function enterpriseIdOfUser(db, userId) {
  const r = await db.selectFrom("enterprise_user").select("enterprise_id").where("user_id", "=", userId).executeTakeFirst();
  return r?.enterprise_id;
}
async function linkEnterpriseUser(db, userId, enterpriseId) {
  await db.deleteFrom("enterprise_user").where("user_id", "=", userId).execute();
  await db.insertInto("enterprise_user").values({ user_id: userId, enterprise_id: enterpriseId }).execute();
}
export {
  countEnterprises,
  enterpriseIdOfUser,
  findEnterprise,
  findEnterprisesByUscc,
  insertEnterprises,
  linkEnterpriseUser,
  listEnterprises,
  markEnterprisesMatched,
  scanEnterprises,
  updateEnterprise
};
//# sourceMappingURL=enterprises.repository.js.map
