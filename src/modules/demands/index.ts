/**
 * The demand desk's public face: what other modules may use. The monthly bulletin takes
 * `demandsBulletinSection`.
 */
import type { Executor } from '../../db/database.js';
import { ticketsBySubjectNames } from './demands.repository.js';

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
/** The services demo seed issues an assistant a rating code the way the desk issues any. */
export { addRatingCode } from './ratings.service.js';
