import { addDays, chinaDate } from '../../common/dates.js';
import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { deskFindingsWithdrawn, deskSubstantiatedFindings, deskTicketsAbout } from '../demands/index.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { registeredEnterprise, registryByIds } from '../policies/index.js';
import { regradeEnterprise } from './credit.service.js';
import { DESK_COMPLAINT_KIND, DESK_COMPLAINT_LOOK_BACK_DAYS } from './credit.js';
import intake from './desk-complaints.json' with { type: 'json' };
import { complaintTicketIds, creditRecordTicketIds, endCreditRecord, insertRow, ticketRecordsInEffect } from './enforcement.repository.js';

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
export async function importDeskComplaints(ctx: AppContext): Promise<{ imported: number; waiting: number; credit: DeskCreditSummary }> {
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
  return { imported, waiting, credit: await recordDeskFindings(ctx) };
}

export interface DeskCreditSummary {
  /** New credit records, one per ticket found substantiated against a registered enterprise. */
  recorded: number;
  /** Findings against an enterprise the registry does not hold yet: they count once it does. */
  unregistered: number;
  /** Records whose effect ended: the finding left the look-back window, or a later answer withdrew it. */
  ended: number;
}

const FINDING_WORDS: Record<string, string> = { substantiated: '查实', partly: '部分查实' };

/**
 * Complaints and reports the handling unit found substantiated (查实, or 部分查实, weighed the same)
 * against a named enterprise (被投诉（举报）企业) become credit records of the `deskComplaint` kind of
 * the scoring model, made by that unit (so it decides a credit repair), dated the day of the finding
 * and linked by the ticket: a ticket makes one record, however often this runs (the unique ticket_id
 * settles two runs at once), and a record ended by repair is never made again. Only findings within
 * the model's look-back window count: a record leaving it ends (on the day it leaves), as does one
 * whose ticket was answered again as not substantiated or now names another enterprise. Each change
 * is audited as the system and regrades that one enterprise, the way a record entered by hand does.
 */
export async function recordDeskFindings(ctx: AppContext): Promise<DeskCreditSummary> {
  const today = chinaDate(ctx.clock());
  // The window's first day: a finding of that day (China time) or later counts.
  const firstDay = addDays(today, 1 - DESK_COMPLAINT_LOOK_BACK_DAYS);
  const since = new Date(`${firstDay}T00:00:00+08:00`).toISOString();
  const summary: DeskCreditSummary = { recorded: 0, unregistered: 0, ended: 0 };

  for (let afterId = 0; ;) {
    const findings = await deskSubstantiatedFindings(ctx.db, { since, afterId, limit: 500 });
    if (!findings.length) break;
    afterId = findings[findings.length - 1]!.ticketId;
    const known = await creditRecordTicketIds(
      ctx.db,
      findings.map((f) => f.ticketId),
    );
    for (const f of findings) {
      if (known.has(f.ticketId)) continue;
      // The code may have been registered since the ticket named it.
      const enterpriseId = f.respondentEnterpriseId ?? (await registeredEnterprise(ctx.db, f.respondentUscc))?.id;
      if (enterpriseId === undefined) {
        summary.unregistered++;
        continue;
      }
      const occurredOn = chinaDate(new Date(f.foundAt));
      const record = {
        enterprise_id: enterpriseId,
        unit_id: f.unitId,
        kind: DESK_COMPLAINT_KIND,
        summary: `【${f.code}】被投诉（举报）经${FINDING_WORDS[f.finding]}（企业诉求专席）`,
        occurred_on: occurredOn,
        ticket_id: f.ticketId,
      };
      try {
        await withTransaction(ctx.db, async (trx) => {
          const id = await insertRow(trx, 'enf_credit_record', { ...record, created_at: ctx.clock().toISOString() });
          await audit(ctx, trx, SYSTEM_ACTOR, {
            action: 'enforcement.credit.record',
            entity: 'enf_credit_record',
            entityId: id,
            after: { ...record, finding: f.finding, via: 'enforcement.desk-complaints' },
          });
          await regradeEnterprise(ctx, trx, SYSTEM_ACTOR, enterpriseId, `record ${id} (ticket ${f.code})`);
        });
        summary.recorded++;
      } catch (err) {
        // Another run recorded this ticket first.
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }

  for (let afterId = 0; ;) {
    const records = await ticketRecordsInEffect(ctx.db, DESK_COMPLAINT_KIND, afterId, 500);
    if (!records.length) break;
    afterId = records[records.length - 1]!.id;
    const enterprises = await registryByIds(
      ctx.db,
      records.map((r) => r.enterprise_id),
    );
    const withdrawn = await deskFindingsWithdrawn(
      ctx.db,
      records.map((r) => ({ ticketId: r.ticket_id!, uscc: enterprises.get(r.enterprise_id)?.uscc ?? null })),
    );
    for (const r of records) {
      const expired = r.occurred_on < firstDay;
      if (!expired && !withdrawn.has(r.ticket_id!)) continue;
      // Out of the window: it stopped counting the day it left; withdrawn: today.
      const endedOn = expired ? addDays(r.occurred_on, DESK_COMPLAINT_LOOK_BACK_DAYS) : today;
      await withTransaction(ctx.db, async (trx) => {
        await endCreditRecord(trx, r.id, endedOn);
        await audit(ctx, trx, SYSTEM_ACTOR, {
          action: 'enforcement.credit.end',
          entity: 'enf_credit_record',
          entityId: r.id,
          before: { endedOn: null },
          after: { endedOn, why: expired ? 'lookBack' : 'findingWithdrawn', ticketId: r.ticket_id },
        });
        await regradeEnterprise(ctx, trx, SYSTEM_ACTOR, r.enterprise_id, `record ${r.id} ended`);
      });
      summary.ended++;
    }
  }
  return summary;
}
