import type { Harness } from '../../test/harness.js';

/** A ticket for the figures tests, written straight to the table: only what the KPIs count. */
export interface Ticket {
  unit: number | null;
  month?: string;
  status?: string;
  dispatched?: boolean;
  signedOnTime?: number;
  closedOnTime?: number | null;
  firstContact?: number;
  rating?: number | null;
  reopened?: boolean;
  /** When it was closed and rated (default: the day it came in, the 10th of its month). */
  closedAt?: string;
  ratedAt?: string;
}

let n = 0;

export async function insertTicket(h: Harness, t: Ticket): Promise<void> {
  const subject = await h.ctx.db.selectFrom('demand_subject').select('id').executeTakeFirstOrThrow();
  const month = t.month ?? '2025-11';
  const at = `${month}-10T02:00:00.000Z`;
  const dispatched = t.dispatched ?? true;
  const closed = t.closedOnTime !== null && t.closedOnTime !== undefined;
  await h.ctx.db
    .insertInto('demand')
    .values({
      code: `FX-${process.pid}-${++n}`,
      channel: 'seat',
      type: 'consult',
      subject_id: subject.id,
      description: '示例诉求',
      status: t.status ?? (closed ? 'closed' : 'handling'),
      unit_id: t.unit,
      month,
      received_at: at,
      dispatched_at: dispatched ? at : null,
      signed_at: dispatched ? at : null,
      signed_on_time: dispatched ? (t.signedOnTime ?? 1) : null,
      closed_at: closed ? (t.closedAt ?? at) : null,
      closed_on_time: closed ? t.closedOnTime! : null,
      first_contact: t.firstContact ?? 0,
      reopen_count: t.reopened ? 1 : 0,
      reopened_at: t.reopened ? at : null,
      rating: t.rating ?? null,
      rated_at: t.rating ? (t.ratedAt ?? t.closedAt ?? at) : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
