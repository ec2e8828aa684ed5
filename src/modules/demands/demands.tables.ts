import type { Generated } from 'kysely';

/** Tables of the demands module (enterprise demand desk, Open311 clients). */
export interface DemandSubjectTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  sort_order: Generated<number>;
  active: Generated<number>;
}

export interface DemandRouteRuleTable {
  id: Generated<number>;
  subject_id: number;
  county_code: string | null;
  unit_id: number;
  updated_at: string;
}

export interface DemandDeadlineTable {
  key: string;
  amount: number;
  version: Generated<number>;
  updated_at: string;
}

export interface DemandTable {
  id: Generated<number>;
  code: string;
  external_code: string | null;
  idempotency_key: string | null;
  channel: string;
  type: string;
  subject_id: number;
  county_code: string | null;
  address: string | null;
  uscc: string | null;
  enterprise_id: number | null;
  enterprise_name: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  description: string;
  status: string;
  unit_id: number | null;
  month: string;
  received_at: string;
  sign_due_at: string | null;
  due_at: string | null;
  dispatched_at: string | null;
  signed_at: string | null;
  answered_at: string | null;
  answer: string | null;
  followed_up_at: string | null;
  closed_at: string | null;
  signed_on_time: number | null;
  closed_on_time: number | null;
  first_contact: Generated<number>;
  reopen_count: Generated<number>;
  handling_hours: number | null;
  rating: number | null;
  /** When the current rating was given; with reopened_at, what the figures of a past period count. */
  rated_at: string | null;
  /** The first 重办 (a bad rating reopened the ticket). */
  reopened_at: string | null;
  rating_code_hash: string | null;
  extension_days: Generated<number>;
  pending_extension_days: number | null;
  pending_extension_reason: string | null;
  merged_into_id: number | null;
  specialist_id: number | null;
  open311_client_id: number | null;
  open311_token: string | null;
  /** 投诉/举报: the enterprise complained about (被投诉（举报）企业), by credit code; the id null while the registry does not know it. */
  respondent_uscc: string | null;
  respondent_enterprise_id: number | null;
  respondent_name: string | null;
  /** The handling unit's finding on a complaint or report: substantiated / partly / unsubstantiated. */
  finding: string | null;
  found_at: string | null;
  overdue_notified: Generated<number>;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DemandEventTable {
  id: Generated<number>;
  demand_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  unit_id: number | null;
  note: string | null;
  at: string;
}

export interface DemandAttachmentTable {
  id: Generated<number>;
  demand_id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  uploader_id: number | null;
  created_at: string;
}

export interface DemandRatingCodeTable {
  id: Generated<number>;
  code: string;
  kind: string;
  name: string;
  unit_id: number;
  user_id: number | null;
  created_at: string;
  retired_at: string | null;
}

export interface DemandRatingTable {
  id: Generated<number>;
  demand_id: number | null;
  rating_code_id: number | null;
  unit_id: number;
  month: string;
  level: number;
  comment: string | null;
  code_hash: string | null;
  at: string;
}

export interface DemandKnowledgeTable {
  id: Generated<number>;
  subject_id: number | null;
  question: string;
  answer: string;
  keywords: Generated<string>;
  policy_id: number | null;
  /** the service (service_item) this answer is about; its public guide is found by the service's code */
  service_id: number | null;
  version: Generated<number>;
  updated_at: string;
}

export interface DemandKeyEnterpriseTable {
  id: Generated<number>;
  uscc: string;
  specialist_id: number;
  chief_id: number | null;
  updated_at: string;
}

export interface DemandVisitTable {
  id: Generated<number>;
  uscc: string;
  kind: string;
  visitor_id: number;
  visited_on: string;
  notes: string;
  created_at: string;
}

export interface Open311ClientTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface DemandTables {
  demand_subject: DemandSubjectTable;
  demand_route_rule: DemandRouteRuleTable;
  demand_deadline: DemandDeadlineTable;
  demand: DemandTable;
  demand_event: DemandEventTable;
  demand_attachment: DemandAttachmentTable;
  demand_rating_code: DemandRatingCodeTable;
  demand_rating: DemandRatingTable;
  demand_knowledge: DemandKnowledgeTable;
  demand_key_enterprise: DemandKeyEnterpriseTable;
  demand_visit: DemandVisitTable;
  open311_client: Open311ClientTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends DemandTables {}
}
