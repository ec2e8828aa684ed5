import type { Generated } from 'kysely';

/** Tables of the supervision module (督查督办): settings, notices, weekly snapshots, bulletins, dispatch meetings. */

/** One row per setting key ('escalation', 'score'); the value is validated JSON. */
export interface SupervisionSettingTable {
  key: string;
  value_json: string;
  version: Generated<number>;
  updated_at: string;
}

/**
 * One step of the reminder/escalation ladder that fired for an item's lead unit:
 * kind 'reminder' | 'notice' (督办单) | 'bulletin' (通报) | 'summons' (约谈).
 * Unique on (item, unit, kind, offset, deadline): a step fires once per deadline; an extension starts a new ladder.
 */
export interface SupervisionNoticeTable {
  id: Generated<number>;
  item_id: number;
  unit_id: number;
  kind: string;
  /** working days relative to the deadline: negative before it, positive after it */
  offset_days: number;
  deadline: string;
  /** the working day the step falls on */
  due_on: string;
  /** 督办〔2026〕12号 for notices; null for the other kinds */
  number: string | null;
  reply_due: string | null;
  reply_text: string | null;
  replied_at: string | null;
  replied_by: number | null;
  status: string;
  created_at: string;
}

export interface WeeklySnapshotTable {
  id: Generated<number>;
  /** the Monday the snapshot was taken (YYYY-MM-DD); it covers the seven days before */
  week_of: string;
  taken_at: string;
  /** the score settings in force, frozen with the rows */
  score_json: string;
  totals_json: string;
}

export interface WeeklySnapshotRowTable {
  id: Generated<number>;
  snapshot_id: number;
  unit_id: number;
  unit_name: string;
  assigned: number;
  closed: number;
  in_progress: number;
  overdue: number;
  stale: number;
  late_reports: number;
  returns: number;
  score: number;
  rank: number;
  /** 'red' | 'black' | null */
  board: string | null;
}

export interface BulletinTable {
  id: Generated<number>;
  /** YYYY-MM */
  month: string;
  status: string;
  title: string;
  doc_number: string;
  /** the editable commentary: basic situation, progress by area, problems, next steps */
  commentary_json: string;
  /** the frozen figures the document is made from */
  data_json: string;
  generated_at: string;
  published_at: string | null;
  published_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DispatchMeetingTable {
  id: Generated<number>;
  date: string;
  /** 'mayor' | 'task_force' | 'special' */
  type: string;
  title: string;
  chair: string;
  topics_json: string;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DispatchMeetingUnitTable {
  meeting_id: number;
  unit_id: number;
}

/** A decision (议定事项) of a meeting, supervised as an item of the meetings' work list. */
export interface DispatchDecisionTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number;
  sort_order: number;
}

export interface SupervisionTables {
  supervision_setting: SupervisionSettingTable;
  supervision_notice: SupervisionNoticeTable;
  weekly_snapshot: WeeklySnapshotTable;
  weekly_snapshot_row: WeeklySnapshotRowTable;
  bulletin: BulletinTable;
  dispatch_meeting: DispatchMeetingTable;
  dispatch_meeting_unit: DispatchMeetingUnitTable;
  dispatch_decision: DispatchDecisionTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends SupervisionTables {}
}
