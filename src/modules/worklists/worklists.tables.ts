import type { Generated } from 'kysely';

/** Tables of the worklists module (四表一单). */
export interface WorklistTable {
  id: Generated<number>;
  name: string;
  kind: string;
  description: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ItemTable {
  id: Generated<number>;
  list_id: number;
  kind: string;
  code: string;
  sort_order: number;
  area: string | null;
  content: string;
  measures: string | null;
  deadline: string | null;
  ongoing: number;
  status: string;
  percent: number;
  return_reason: string | null;
  tags_json: string;
  source_evaluation: string | null;
  rectification: string | null;
  level: string | null;
  max_score: number | null;
  self_score: number | null;
  scoring_rule: string | null;
  stage: string | null;
  closed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ItemPublicityTable {
  id: Generated<number>;
  item_id: number;
  level: string;
  outlet: string;
  date: string | null;
  link: string | null;
}

export interface ItemAssignmentTable {
  id: Generated<number>;
  item_id: number;
  unit_id: number;
  role: string;
}

export interface ItemReportTable {
  id: Generated<number>;
  item_id: number;
  unit_id: number;
  role: string;
  author_id: number | null;
  text: string;
  percent: number;
  status: string;
  head_id: number | null;
  head_note: string | null;
  reviewer_id: number | null;
  review_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvidenceBlobTable {
  id: Generated<number>;
  data: Buffer;
}

export interface ItemEvidenceTable {
  id: Generated<number>;
  item_id: number;
  report_id: number | null;
  unit_id: number | null;
  uploader_id: number | null;
  blob_id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface ItemExtensionTable {
  id: Generated<number>;
  item_id: number;
  unit_id: number | null;
  requester_id: number | null;
  reason: string;
  old_deadline: string | null;
  requested_deadline: string;
  status: string;
  decider_id: number | null;
  decision_note: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface ItemNoteTable {
  id: Generated<number>;
  item_id: number;
  /** 'instruction' | 'comment' */
  kind: string;
  author_id: number | null;
  text: string;
  created_at: string;
}

export interface ItemEventTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  type: string;
  actor_id: number | null;
  actor_name: string | null;
  data_json: string;
}

export interface ItemSavedFilterTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  filter_json: string;
  created_at: string;
}

/** Written by SQLite triggers only (see the migration); read by the listed-page cache (src/db/item-changes.ts). */
export interface ItemChangeTable {
  id: Generated<number>;
  item_id: number | null;
  reach: number;
}

/** Trigger-kept write counters of the tables behind a cache (src/db/change-stamp.ts counterStamp). */
export interface ChangeCounterTable {
  name: string;
  n: number;
}

export interface WorklistTables {
  worklist: WorklistTable;
  item: ItemTable;
  item_publicity: ItemPublicityTable;
  item_assignment: ItemAssignmentTable;
  item_report: ItemReportTable;
  evidence_blob: EvidenceBlobTable;
  item_evidence: ItemEvidenceTable;
  item_extension: ItemExtensionTable;
  item_note: ItemNoteTable;
  item_event: ItemEventTable;
  item_saved_filter: ItemSavedFilterTable;
  item_change: ItemChangeTable;
  change_counter: ChangeCounterTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends WorklistTables {}
}
