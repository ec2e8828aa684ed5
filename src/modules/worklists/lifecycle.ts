import { hasPermission } from '../../common/permissions.js';
import type { ItemPermissions, ItemStatus } from '../../common/schemas/worklists.js';
import type { Actor } from '../../context.js';
import { type LoadedItem, isOffice, isUnitRole } from './worklists.access.js';

/**
 * The item life cycle: not_started → in_progress → submitted (awaiting the unit head) →
 * under_review (office) → closed, with `returned` (by the unit head or the office, with a reason)
 * leading back to the next report. Each service call names the statuses it may start from, and the
 * repository changes the row only while it is still in one of them.
 */
export const TRANSITIONS = {
  start: { from: ['not_started'], to: 'in_progress' },
  /** the lead unit's liaison submits a report */
  report: { from: ['not_started', 'in_progress', 'returned'], to: 'submitted' },
  headApprove: { from: ['submitted'], to: 'under_review' },
  headReturn: { from: ['submitted'], to: 'returned' },
  /** the office accepts a report of less than 100 %: the work goes on */
  acceptPartial: { from: ['under_review'], to: 'in_progress' },
  /** the office accepts the lead unit's final report: 销号 */
  close: { from: ['under_review'], to: 'closed' },
  officeReturn: { from: ['under_review'], to: 'returned' },
  reopen: { from: ['closed'], to: 'in_progress' },
} as const satisfies Record<string, { from: readonly ItemStatus[]; to: ItemStatus }>;

export interface PendingState {
  /** a report of the caller's unit awaits its unit head */
  pendingHeadForMyUnit: boolean;
  pendingExtension: boolean;
}

/** What the caller may do now; the same rules the services enforce, for the web client to show. */
export function permissionsFor(actor: Actor, l: LoadedItem, p: PendingState): ItemPermissions {
  const office = isOffice(actor);
  const unit = isUnitRole(actor) && l.myRole !== null;
  const status = l.item.status as ItemStatus;
  const open = status !== 'closed';
  const lead = unit && l.myRole === 'lead';
  return {
    edit: office,
    start: status === 'not_started' && (office || lead),
    report:
      hasPermission(actor.role, 'worklists.report') &&
      unit &&
      (l.myRole === 'lead' ? (TRANSITIONS.report.from as readonly string[]).includes(status) : open),
    approve: hasPermission(actor.role, 'worklists.approve') && unit && p.pendingHeadForMyUnit,
    review: office && status === 'under_review',
    requestExtension: lead && open && l.item.deadline !== null && !p.pendingExtension,
    decideExtension: office && p.pendingExtension,
    instruct: hasPermission(actor.role, 'worklists.instruct'),
    comment: true,
    uploadEvidence: open && (office || unit),
    selfScore: l.item.kind === 'question' && open && (office || lead),
    reopen: office && status === 'closed',
  };
}
