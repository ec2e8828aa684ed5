import { isOffice, isUnitRole } from "./worklists.access.js";
const TRANSITIONS = {
  start: { from: ["not_started"], to: "in_progress" },
  /** the lead unit's liaison submits a report */
  report: { from: ["not_started", "in_progress", "returned"], to: "submitted" },
  headApprove: { from: ["submitted"], to: "under_review" },
  headReturn: { from: ["submitted"], to: "returned" },
  /** the office accepts a report of less than 100 %: the work goes on */
  acceptPartial: { from: ["under_review"], to: "in_progress" },
  /** the office accepts the lead unit's final report: 销号 */
  close: { from: ["under_review"], to: "closed" },
  officeReturn: { from: ["under_review"], to: "returned" },
  reopen: { from: ["closed"], to: "in_progress" }
};
function permissionsFor(actor, l, p) {
  const office = isOffice(actor);
  const unit = isUnitRole(actor) && l.myRole !== null;
  const status = l.item.status;
  const open = status !== "closed";
  const lead = unit && l.myRole === "lead";
  return {
    edit: office,
    start: status === "not_started" && (office || lead),
    report: actor.role === "liaison" && unit && (l.myRole === "lead" ? TRANSITIONS.report.from.includes(status) : open),
    approve: actor.role === "unit_head" && unit && p.pendingHeadForMyUnit,
    review: office && status === "under_review",
    requestExtension: lead && open && l.item.deadline !== null && !p.pendingExtension,
    decideExtension: office && p.pendingExtension,
    instruct: actor.role === "leader" || actor.role === "admin",
    comment: true,
    uploadEvidence: open && (office || unit),
    selfScore: l.item.kind === "question" && open && (office || lead),
    reopen: office && status === "closed"
  };
}
export {
  TRANSITIONS,
  permissionsFor
};
//# sourceMappingURL=lifecycle.js.map
