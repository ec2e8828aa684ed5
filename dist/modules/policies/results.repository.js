import { sql } from "kysely";
import { paged } from "../../db/paged.js";
function joined(db, f) {
  let q = db.selectFrom("match_result as r").innerJoin("enterprise as e", "e.id", "r.enterprise_id").innerJoin("benefit as b", "b.id", "r.benefit_id").innerJoin("policy as p", "p.id", "b.policy_id").leftJoin("unit as u", "u.id", "p.department_unit_id");
  if (f.status) q = q.where("r.status", "=", f.status);
  if (f.statuses) q = q.where("r.status", "in", f.statuses);
  if (f.benefitId) q = q.where("r.benefit_id", "=", f.benefitId);
  if (f.policyId) q = q.where("b.policy_id", "=", f.policyId);
  if (f.enterpriseId) q = q.where("r.enterprise_id", "=", f.enterpriseId);
  if (f.countyCode) q = q.where("e.county_code", "=", f.countyCode);
  if (f.departmentUnitId) q = q.where("p.department_unit_id", "=", f.departmentUnitId);
  return q;
}
const RECORD_COLUMNS = [
  "e.name as enterprise_name",
  "e.uscc as enterprise_uscc",
  "e.county_code as county_code",
  "b.code as benefit_code",
  "b.name as benefit_name",
  "b.policy_id as policy_id",
  "p.title as policy_title",
  "p.department_unit_id as department_unit_id",
  "u.name as department_name"
];
async function listResults(db, f, page) {
  return paged(joined(db, f).selectAll("r").select(RECORD_COLUMNS).orderBy("r.id"), page);
}
async function findResult(db, id) {
  return await joined(db, {}).selectAll("r").select(RECORD_COLUMNS).where("r.id", "=", id).executeTakeFirst();
}
async function resultsOfBenefit(db, benefitId, enterpriseIds) {
  let q = db.selectFrom("match_result").select(["id", "enterprise_id", "status", "eligible", "amount", "explanation_json"]).where("benefit_id", "=", benefitId);
  if (enterpriseIds) {
    if (!enterpriseIds.length) return [];
    if (enterpriseIds.length <= 1e3) q = q.where("enterprise_id", "in", enterpriseIds);
    else {
      const wanted = new Set(enterpriseIds);
      return (await q.execute()).filter((r) => wanted.has(r.enterprise_id));
    }
  }
  return q.execute();
}
async function insertResults(db, rows) {
  for (let k = 0; k < rows.length; k += 400) await db.insertInto("match_result").values(rows.slice(k, k + 400)).execute();
}
async function refreshResult(db, id, v) {
  await db.updateTable("match_result").set((eb) => ({ ...v, version: eb("version", "+", 1) })).where("id", "=", id).execute();
}
async function deleteResults(db, ids) {
  for (let k = 0; k < ids.length; k += 500) await db.deleteFrom("match_result").where("id", "in", ids.slice(k, k + 500)).execute();
}
async function updateResultVersioned(db, id, version, v, at) {
  const r = await db.updateTable("match_result").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function resultTotals(db, by) {
  const q = joined(db, {}).where("r.status", "!=", "near");
  const key = by === "policy" ? "p.id" : by === "department" ? "p.department_unit_id" : "e.county_code";
  const label = by === "policy" ? "p.title" : by === "department" ? "u.name" : "e.county_code";
  const rows = await q.select([
    sql`${sql.ref(key)}`.as("key"),
    sql`max(${sql.ref(label)})`.as("label"),
    "r.status as status",
    (eb) => eb.fn.countAll().as("n"),
    (eb) => eb.fn.sum("r.amount").as("due"),
    (eb) => eb.fn.sum("r.paid_amount").as("paid")
  ]).groupBy([sql.ref(key), "r.status"]).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), due: r.due === null ? null : Number(r.due), paid: r.paid === null ? null : Number(r.paid) }));
}
export {
  deleteResults,
  findResult,
  insertResults,
  listResults,
  refreshResult,
  resultTotals,
  resultsOfBenefit,
  updateResultVersioned
};
//# sourceMappingURL=results.repository.js.map
