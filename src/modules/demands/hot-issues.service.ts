import type { AppContext } from '../../context.js';
import { listSubjects, recentTickets } from './demands.repository.js';
import { DUPLICATE_DAYS, DUPLICATE_THRESHOLD } from './demands.service.js';
import { similarity } from './similarity.js';

/** A hot issue needs similar demands from at least this many different enterprises (or callers). */
export const HOT_ISSUE_SOURCES = 3;
const MAX_TICKETS = 3000;

export interface HotIssue {
  subjectName: string;
  tickets: number;
  sources: number;
  sample: string;
  ticketIds: number[];
  latestAt: string;
}

/**
 * 热点诉求: similar demands on one subject from several enterprises within 30 days. Tickets of a
 * subject are grouped greedily (newest first) with the group whose first ticket is similar
 * enough; a group counts when it comes from at least three different enterprises or callers.
 */
export async function hotIssues(ctx: AppContext): Promise<HotIssue[]> {
  const since = new Date(ctx.clock().getTime() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const rows = await recentTickets(ctx.db, since, MAX_TICKETS);
  const names = new Map((await listSubjects(ctx.db)).map((s) => [s.id, s.name]));
  const groups: { subjectId: number; head: string; rows: typeof rows }[] = [];
  for (const r of rows) {
    const g = groups.find((x) => x.subjectId === r.subject_id && similarity(x.head, r.description) >= DUPLICATE_THRESHOLD);
    if (g) g.rows.push(r);
    else groups.push({ subjectId: r.subject_id, head: r.description, rows: [r] });
  }
  return groups
    .map((g) => ({ g, sources: new Set(g.rows.map((r) => r.uscc ?? r.contact_phone ?? `#${r.id}`)).size }))
    .filter(({ sources }) => sources >= HOT_ISSUE_SOURCES)
    .sort((a, b) => b.sources - a.sources || b.g.rows.length - a.g.rows.length)
    .map(({ g, sources }) => ({
      subjectName: names.get(g.subjectId) ?? '',
      tickets: g.rows.length,
      sources,
      sample: g.head,
      ticketIds: g.rows.map((r) => r.id),
      latestAt: g.rows[0]!.received_at,
    }));
}
