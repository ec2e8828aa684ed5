import { AppError } from "../../common/errors.js";
import { findUnit } from "../org/units.repository.js";
import { enterpriseIdOfUser } from "./enterprises.repository.js";
const SEES_ALL = /* @__PURE__ */ new Set(["admin", "office", "leader", "specialist"]);
const EDITORS = ["admin", "office"];
async function scopeOf(ctx, actor) {
  if (SEES_ALL.has(actor.role)) return { all: true };
  if (actor.role === "enterprise") {
    const enterpriseId = await enterpriseIdOfUser(ctx.db, actor.id);
    if (!enterpriseId) throw new AppError("ENTERPRISE_NOT_LINKED");
    return { all: false, enterpriseId };
  }
  const unit = actor.unitId ? await findUnit(ctx.db, actor.unitId) : void 0;
  if (!unit) return { all: false, enterpriseId: -1 };
  if ((unit.kind === "county" || unit.kind === "zone") && unit.division_code) return { all: false, countyCode: unit.division_code };
  return { all: false, departmentUnitId: unit.id };
}
function assertEditor(actor) {
  if (!EDITORS.includes(actor.role)) throw new AppError("FORBIDDEN");
}
export {
  EDITORS,
  assertEditor,
  scopeOf
};
//# sourceMappingURL=access.js.map
