import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { deskTicketsAbout } from '../demands/index.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import intake from './desk-complaints.json' with { type: 'json' };
import { complaintTicketIds, insertRow } from './enforcement.repository.js';

/** Which demand-desk tickets become complaints here: ticket types and business subjects, held as data. */
export const DESK_COMPLAINTS = intake;

/**
 * Complaints about enforcement against enterprises (涉企执法监督) that reach the demand desk as 投诉 or
 * 举报 on one of the configured subjects become complaints here, addressed to the unit the desk
 * dispatched the ticket to and linked by the ticket's id: a ticket is imported once (the unique
 * ticket_id makes a second run, or two at once, add nothing); a ticket not yet dispatched waits for
 * the next run. Each import is audited as the system and the unit is told. Run as the
 * `enforcement.desk-complaints` job.
 */
export async function importDeskComplaints(ctx: AppContext): Promise<{ imported: number; waiting: number }> {
  let imported = 0;
  let waiting = 0;
  for (let afterId = 0; ;) {
    const tickets = await deskTicketsAbout(ctx.db, { types: intake.types, subjectNames: intake.subjects, afterId, limit: 500 });
    if (!tickets.length) break;
    afterId = tickets[tickets.length - 1]!.id;
    const known = await complaintTicketIds(
      ctx.db,
      tickets.map((t) => t.id),
    );
    for (const t of tickets) {
      if (known.has(t.id)) continue;
      if (t.unitId === null) {
        waiting++;
        continue;
      }
      const unitId = t.unitId;
      await withTransaction(ctx.db, async (trx) => {
        const at = ctx.clock().toISOString();
        const summary = `【${t.code}】${t.description}`.slice(0, 500);
        const id = await insertRow(trx, 'enf_complaint', {
          unit_id: unitId,
          enterprise_id: t.enterpriseId,
          source: 'demand',
          summary,
          status: 'open',
          ticket_id: t.id,
          created_at: at,
          updated_at: at,
        });
        await audit(ctx, trx, SYSTEM_ACTOR, {
          action: 'enforcement.complaint.import',
          entity: 'enf_complaint',
          entityId: id,
          after: { ticketId: t.id, ticketCode: t.code, unitId, enterpriseId: t.enterpriseId, subject: t.subjectName },
        });
        await notify(ctx, trx, {
          unitIds: [unitId],
          unitRoles: ['unit_head', 'liaison'],
          title: '涉企执法投诉待处理（来自企业诉求专席）',
          body: summary,
          link: '/enforcement',
        });
      });
      imported++;
    }
  }
  return { imported, waiting };
}
