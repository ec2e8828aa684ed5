/**
 * The demand desk's public face: what other modules may use. The monthly bulletin takes
 * `demandsBulletinSection`.
 */
import type { Executor } from '../../db/database.js';
import { findingsOf, substantiatedFindings, ticketsBySubjectNames } from './demands.repository.js';
import type { DemandFinding } from '../../common/schemas/demands.js';

export { demandsBulletinSection } from './bulletin.js';
/** The leaders' cockpit takes `demandCockpitFigures`. */
export { demandCockpitFigures } from './cockpit.js';
/**
 * Assisted service (services module) rates its cases through an assistant's rating code, so they
 * count where the desk counts window and specialist ratings.
 */
export { findRatingCodeByText, recordCodeRating } from './ratings.service.js';

/** A ticket as another module imports it: no contact or personal data. */
export interface DeskTicket {
  id: number;
  code: string;
  type: string;
  subjectName: string;
  enterpriseId: number | null;
  /** The unit it was dispatched to; null until the desk dispatches it. */
  unitId: number | null;
  description: string;
  receivedAt: string;
}

/** Tickets of the given types (`complaint`, `report` …) about the named subjects, in id order after `afterId`. */
export async function deskTicketsAbout(
  db: Executor,
  f: { types: string[]; subjectNames: string[]; afterId?: number; limit?: number },
): Promise<DeskTicket[]> {
  const rows = await ticketsBySubjectNames(db, { ...f, afterId: f.afterId ?? 0, limit: f.limit ?? 1000 });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    type: r.type,
    subjectName: r.subject_name,
    enterpriseId: r.enterprise_id,
    unitId: r.unit_id,
    description: r.description,
    receivedAt: r.received_at,
  }));
}
/**
 * A complaint or report the handling unit found substantiated (查实) or partly substantiated (部分查实)
 * against a named enterprise (被投诉（举报）企业) — never the complaining one. What the credit grade reads.
 */
export interface DeskFinding {
  ticketId: number;
  code: string;
  /** The unit that handled it and made the finding. */
  unitId: number | null;
  respondentUscc: string;
  /** The registry's id of the enterprise complained about, null while the registry does not hold its code. */
  respondentEnterpriseId: number | null;
  respondentName: string | null;
  finding: Exclude<DemandFinding, 'unsubstantiated'>;
  /** When the finding was made (the answer's instant, ISO). */
  foundAt: string;
}

/** Substantiated findings made since `since` (ISO instant), in ticket id order after `afterId`. */
export async function deskSubstantiatedFindings(
  db: Executor,
  f: { since: string; afterId?: number; limit?: number },
): Promise<DeskFinding[]> {
  const rows = await substantiatedFindings(db, { since: f.since, afterId: f.afterId ?? 0, limit: f.limit ?? 1000 });
  return rows.map((r) => ({
    ticketId: r.id,
    code: r.code,
    unitId: r.unit_id,
    respondentUscc: r.respondent_uscc!,
    respondentEnterpriseId: r.respondent_enterprise_id,
    respondentName: r.respondent_name,
    finding: r.finding as DeskFinding['finding'],
    foundAt: r.found_at!,
  }));
}

/**
 * Of these tickets, those whose finding no longer stands against the given enterprise code: answered
 * again after a reopen as not substantiated, or their respondent changed. Their credit records end.
 */
export async function deskFindingsWithdrawn(db: Executor, against: { ticketId: number; uscc: string | null }[]): Promise<Set<number>> {
  const now = new Map(
    (
      await findingsOf(
        db,
        against.map((a) => a.ticketId),
      )
    ).map((r) => [r.id, r]),
  );
  return new Set(
    against
      .filter((a) => {
        const r = now.get(a.ticketId);
        return !r || (r.finding !== 'substantiated' && r.finding !== 'partly') || (a.uscc !== null && r.respondent_uscc !== a.uscc);
      })
      .map((a) => a.ticketId),
  );
}

/** The services demo seed issues an assistant a rating code the way the desk issues any. */
export { addRatingCode } from './ratings.service.js';
