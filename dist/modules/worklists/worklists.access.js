import { AppError } from "../../common/errors.js";
import { findItem, listAssignments } from "./worklists.repository.js";
function isOffice(actor) {
  return actor.role === "office" || actor.role === "admin";
}
function isUnitRole(actor) {
  return actor.role === "liaison" || actor.role === "unit_head";
}
function readScope(actor) {
  if (isOffice(actor) || actor.role === "leader") return { all: true };
  if (isUnitRole(actor) && actor.unitId) return { all: false, unitId: actor.unitId };
  throw new AppError("FORBIDDEN");
}
async function loadVisibleItem(db, actor, id) {
  const scope = readScope(actor);
  const item = await findItem(db, id);
  if (!item) throw new AppError("NOT_FOUND");
  const assignments = await listAssignments(db, [id]);
  const mine = actor.unitId ? assignments.find((a) => a.unit_id === actor.unitId) : void 0;
  if (!scope.all && !mine) throw new AppError("UNIT_NOT_ASSIGNED", [{ path: "params.id", message: `\u4E8B\u9879 ${item.code} \u672A\u5206\u914D\u7ED9\u60A8\u7684\u5355\u4F4D / item ${item.code} is not assigned to your unit` }]);
  return { item, assignments, myRole: mine?.role ?? null };
}
function requireOffice(actor) {
  if (!isOffice(actor)) throw new AppError("FORBIDDEN");
}
export {
  isOffice,
  isUnitRole,
  loadVisibleItem,
  readScope,
  requireOffice
};
//# sourceMappingURL=worklists.access.js.map
