import type { Generated } from 'kysely';

/** Tables of the enforcement module (法治环境). */
interface Stamped {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EnfMatterTable extends Stamped {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  type: string;
  legal_basis: string;
}

export interface EnfCheckItemTable {
  id: Generated<number>;
  matter_id: number;
  code: string;
  name: string;
}

export interface EnfOfficerTable extends Stamped {
  id: Generated<number>;
  unit_id: number;
  name: string;
  cert_no: string | null;
  cert_valid_to: string | null;
}

export interface EnfRecusalTable {
  id: Generated<number>;
  unit_id: number;
  enterprise_id: number;
  reason: string;
}

export interface EnfDocumentTable extends Stamped {
  id: Generated<number>;
  unit_id: number;
  title: string;
  doc_number: string;
  issued_on: string | null;
  reviews_json: Generated<string>;
  outcome: string | null;
  reviewed_on: string | null;
}

export interface EnfPlanTable extends Stamped {
  id: Generated<number>;
  name: string;
  kind: string;
  unit_ids_json: string;
  item_codes_json: string;
  filter_json: string;
  quotas_json: string;
  officer_ids_json: string;
  officers_per_visit: number;
  window_from: string;
  window_to: string;
  off_site: number;
  data_source: string | null;
  publish_days: number;
  status: string;
  commitment: string | null;
  snapshot_hash: string | null;
  snapshot_json: string | null;
  seed: string | null;
  committed_at: string | null;
  drawn_at: string | null;
  results_published_at: string | null;
  created_by: number;
}

export interface EnfVisitTable {
  id: Generated<number>;
  plan_id: number;
  enterprise_id: number;
  position: number;
  grade: string;
  item_codes_json: string;
  officer_ids_json: string;
}

export interface EnfResultTable extends Stamped {
  id: Generated<number>;
  plan_id: number;
  enterprise_id: number;
  item_code: string;
  outcome: string;
  note: string;
  inspected_on: string;
  off_site: number;
  rectify_due: string | null;
  rectified_on: string | null;
  waiver_reason: string | null;
  recorded_by: number;
}

/** A passed rectification deadline the department and the office were told of (one row per result and deadline). */
export interface EnfRectifyNoticeTable {
  result_id: number;
  rectify_due: string;
  notified_at: string;
}

export interface EnfWaiverTable {
  id: Generated<number>;
  unit_id: number;
  item_code: string;
  kind: string;
  description: string;
  created_at: string;
}

export interface EnfCreditRecordTable {
  id: Generated<number>;
  enterprise_id: number;
  unit_id: number | null;
  kind: string;
  summary: string;
  occurred_on: string;
  ended_on: string | null;
  created_at: string;
  /** The demand-desk ticket whose substantiated finding made it (unique), null for every other record. */
  ticket_id: Generated<number | null>;
}

export interface EnfCreditGradeTable {
  enterprise_id: number;
  grade: string;
  score: number;
  explanation_json: string;
  computed_at: string;
}

export interface EnfRepairTable extends Stamped {
  id: Generated<number>;
  record_id: number;
  enterprise_id: number;
  reason: string;
  status: string;
  review_note: string | null;
  applied_by: number;
  reviewed_by: number | null;
}

export interface EnfComplaintTable extends Stamped {
  id: Generated<number>;
  unit_id: number;
  enterprise_id: number | null;
  source: string;
  summary: string;
  status: string;
  outcome: string | null;
  /** The demand-desk ticket it was imported from (unique), null when entered here. */
  ticket_id: Generated<number | null>;
}

export interface EnforcementTables {
  enf_matter: EnfMatterTable;
  enf_check_item: EnfCheckItemTable;
  enf_officer: EnfOfficerTable;
  enf_recusal: EnfRecusalTable;
  enf_document: EnfDocumentTable;
  enf_plan: EnfPlanTable;
  enf_visit: EnfVisitTable;
  enf_result: EnfResultTable;
  enf_rectify_notice: EnfRectifyNoticeTable;
  enf_waiver: EnfWaiverTable;
  enf_credit_record: EnfCreditRecordTable;
  enf_credit_grade: EnfCreditGradeTable;
  enf_repair: EnfRepairTable;
  enf_complaint: EnfComplaintTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends EnforcementTables {}
}
