import type { Executor } from '../../db/database.js';
import { type LeadItemRow, listHistoryEvents } from './supervision.repository.js';

/**
 * Items as they stood at a past instant, rebuilt from their timeline: a bulletin for a past month
 * reports that month, not today. Whatever did not change after the instant is taken as it is now;
 * what did change is replayed from the events up to the instant.
 */

export interface HistoryEvent {
  id: number;
  item_id: number;
  at: string;
  type: string;
  data_json: string;
}

export type ItemState = Pick<LeadItemRow, 'status' | 'deadline' | 'closed_at'>;

/** The status an event leaves the item in (a lead unit's report only; a cooperating unit's changes nothing). */
function statusAfter(e: HistoryEvent, data: Record<string, unknown>): string | null {
  switch (e.type) {
    case 'reported':
      return data.role === 'lead' ? 'submitted' : null;
    case 'started':
    case 'accepted':
    case 'reopened':
      return 'in_progress';
    case 'head_approved':
      return 'under_review';
    case 'head_returned':
    case 'returned':
      return 'returned';
    case 'closed':
      return 'closed';
    default:
      return null;
  }
}

/** The status the item had just before an event, when nothing earlier says (see TRANSITIONS in worklists/lifecycle). */
const STATUS_BEFORE: Record<string, string> = {
  started: 'not_started',
  reported: 'not_started',
  head_approved: 'submitted',
  head_returned: 'submitted',
  accepted: 'under_review',
  returned: 'under_review',
  closed: 'under_review',
  reopened: 'closed',
};

/** The deadline an event sets and the one it replaces (undefined: the event does not touch the deadline or does not know). */
function deadlineChange(e: HistoryEvent, data: Record<string, unknown>): { to: string | null; from: string | null | undefined } | null {
  if (e.type === 'extension_approved') return { to: data.to as string, from: data.from as string };
  if (e.type === 'updated' && Array.isArray(data.fields) && data.fields.includes('deadline')) {
    const from = 'previousDeadline' in data ? (data.previousDeadline as string | null) : undefined;
    return { to: (data.deadline as string | null) ?? null, from };
  }
  return null;
}

/** One item's state at `cutoff` (ISO instant), from its current state and its events in order; null if it did not exist yet. */
export function stateAt(now: ItemState & { created_at: string }, events: HistoryEvent[], cutoff: string): ItemState | null {
  if (now.created_at > cutoff) return null;
  const parsed = events.map((e) => ({ e, data: JSON.parse(e.data_json) as Record<string, unknown> }));
  const before = parsed.filter((p) => p.e.at <= cutoff);
  const after = parsed.filter((p) => p.e.at > cutoff);

  let status = now.status;
  const firstStatusAfter = after.find((p) => statusAfter(p.e, p.data) !== null);
  if (firstStatusAfter) {
    const lastBefore = before.filter((p) => statusAfter(p.e, p.data) !== null).at(-1);
    status = lastBefore ? statusAfter(lastBefore.e, lastBefore.data)! : STATUS_BEFORE[firstStatusAfter.e.type];
  }

  let deadline = now.deadline;
  const firstDeadlineAfter = after.map((p) => deadlineChange(p.e, p.data)).find((c) => c !== null);
  if (firstDeadlineAfter) {
    const lastBefore = before
      .map((p) => deadlineChange(p.e, p.data))
      .filter((c) => c !== null)
      .at(-1);
    if (lastBefore) deadline = lastBefore.to;
    else if (firstDeadlineAfter.from !== undefined) deadline = firstDeadlineAfter.from;
  }

  let closedAt: string | null = null;
  if (status === 'closed') {
    closedAt =
      now.closed_at && now.closed_at <= cutoff ? now.closed_at : (before.filter((p) => p.e.type === 'closed').at(-1)?.e.at ?? null);
  }
  return { status, deadline, closed_at: closedAt };
}

/** Every (item, lead unit) pair as it stood at `cutoff`: later items left out, status, deadline and closing date rolled back. */
export async function leadItemsAt<T extends ItemState & { item_id: number; created_at: string }>(
  db: Executor,
  pairs: T[],
  cutoff: string,
): Promise<T[]> {
  const events = await listHistoryEvents(db);
  const byItem = new Map<number, HistoryEvent[]>();
  for (const e of events) byItem.set(e.item_id, [...(byItem.get(e.item_id) ?? []), e]);
  const out: T[] = [];
  const states = new Map<number, ItemState | null>();
  for (const p of pairs) {
    if (!states.has(p.item_id)) states.set(p.item_id, stateAt(p, byItem.get(p.item_id) ?? [], cutoff));
    const s = states.get(p.item_id);
    if (s) out.push({ ...p, ...s });
  }
  return out;
}
