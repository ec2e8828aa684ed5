import { sql } from "kysely";
function policies(db) {
  return db.selectFrom("policy").leftJoin("unit", "unit.id", "policy.department_unit_id").selectAll("policy").select("unit.name as department_name");
}
async function listPolicies(db, f, page) {
  let q = policies(db);
  let c = db.selectFrom("policy");
  if (f.q) {
    q = q.where((eb) => eb.or([eb("policy.title", "like", `%${f.q}%`), eb("policy.doc_number", "like", `%${f.q}%`)]));
    c = c.where((eb) => eb.or([eb("policy.title", "like", `%${f.q}%`), eb("policy.doc_number", "like", `%${f.q}%`)]));
  }
  if (f.area) {
    q = q.where("policy.area", "=", f.area);
    c = c.where("policy.area", "=", f.area);
  }
  const rows = await q.orderBy("policy.id").offset(page.offset).limit(page.limit).execute();
  const { n } = await c.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
async function findPolicy(db, id) {
  return policies(db).where("policy.id", "=", id).executeTakeFirst();
}
async function insertPolicy(db, v, at) {
  const r = await db.insertInto("policy").values({ ...v, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function updatePolicyRow(db, id, version, v, at) {
  const r = await db.updateTable("policy").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function listBenefits(db, f = {}) {
  let q = db.selectFrom("benefit").selectAll();
  if (f.policyIds) q = f.policyIds.length ? q.where("policy_id", "in", f.policyIds) : q.where(sql`1 = 0`);
  if (f.ids) q = f.ids.length ? q.where("id", "in", f.ids) : q.where(sql`1 = 0`);
  if (f.autoGrant) q = q.where("auto_grant", "=", 1);
  return q.orderBy("id").execute();
}
async function findBenefit(db, id) {
  return db.selectFrom("benefit").selectAll().where("id", "=", id).executeTakeFirst();
}
async function ruleTexts(db) {
  const rows = await db.selectFrom("benefit").select(["code", "rule_text"]).execute();
  return new Map(rows.map((r) => [r.code, r.rule_text]));
}
async function insertBenefit(db, v, at) {
  const r = await db.insertInto("benefit").values({ ...v, match_stale: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function updateBenefitRow(db, id, version, v, at) {
  const r = await db.updateTable("benefit").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function markBenefitsMatched(db, seen) {
  for (const s of seen) await db.updateTable("benefit").set({ match_stale: 0 }).where("id", "=", s.id).where("version", "=", s.version).execute();
}
async function benefitsReferring(db, code) {
  return db.selectFrom("benefit").selectAll().where("rule_text", "like", `%${code}%`).execute();
}
export {
  benefitsReferring,
  findBenefit,
  findPolicy,
  insertBenefit,
  insertPolicy,
  listBenefits,
  listPolicies,
  markBenefitsMatched,
  ruleTexts,
  updateBenefitRow,
  updatePolicyRow
};
//# sourceMappingURL=library.repository.js.map
