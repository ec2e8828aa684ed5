import type { Generated } from 'kysely';

/** Tables of the procurement module (串通投标预警): imports, tenders and bids, pairs and groups, cases, campaigns. */

export interface ProcurementImportTable {
  id: Generated<number>;
  filename: string;
  format: string;
  tenders: number;
  bids: number;
  suspect: number;
  created_by: number | null;
  created_at: string;
}

export interface ProcurementTenderTable {
  id: Generated<number>;
  import_id: number;
  key: string;
  tender_id: string;
  lot_id: string | null;
  title: string | null;
  buyer_id: string | null;
  bid_date: string | null;
  month: string | null;
  bid_count: number;
  screens_json: string;
  flags_json: string;
  flag_count: number;
  risk_bp: number;
  suspect: number;
  remote_evaluation: number | null;
  label: number | null;
  created_at: string;
}

export interface ProcurementBidTable {
  id: Generated<number>;
  tender_pk: number;
  bidder_id: string;
  bidder_name: string | null;
  amount_fen: number;
  winner: number;
  meta_json: string | null;
}

export interface ProcurementPairTable {
  id: Generated<number>;
  bidder_a: string;
  bidder_b: string;
  co_bids: number;
  flags_json: string;
}

export interface ProcurementGroupTable {
  id: Generated<number>;
  code: string;
  members_json: string;
  tenders: number;
  wins_json: string;
  risk_bp: number;
  flags_json: string;
}

export interface ProcurementGroupMemberTable {
  group_id: number;
  bidder_id: string;
}

export interface ProcurementCaseTable {
  id: Generated<number>;
  subject: string;
  tender_pk: number | null;
  members_json: string | null;
  title: string;
  stage: string;
  outcome: string | null;
  unit_id: number | null;
  deadline: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProcurementCaseEventTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  note: string | null;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface ProcurementCampaignTable {
  id: Generated<number>;
  name: string;
  checklist_json: string;
  created_at: string;
  version: Generated<number>;
}

export interface ProcurementCampaignProjectTable {
  id: Generated<number>;
  campaign_id: number;
  code: string;
  name: string;
  agency: string;
  amount_fen: number;
  checked: number;
  /** YYYY-MM-DD (China) it was checked; null while unchecked. */
  checked_on: string | null;
}

export interface ProcurementCampaignProblemTable {
  id: Generated<number>;
  project_id: number;
  misconduct: string;
  description: string;
  verified: number;
  /** YYYY-MM-DD (China) it was verified; null until then. */
  verified_on: string | null;
  item_id: number | null;
  created_at: string;
}

export interface ProcurementExpertPoolTable {
  month: string;
  size: number;
  source: string;
  updated_at: string;
}

/** The OCDS red flags about a buyer, procuring entity or tenderer, from the last OCDS file naming it. */
export interface ProcurementPartyFlagTable {
  id: Generated<number>;
  import_id: number;
  party_id: string;
  flags_json: string;
  updated_at: string;
}

export interface ProcurementTables {
  procurement_import: ProcurementImportTable;
  procurement_tender: ProcurementTenderTable;
  procurement_bid: ProcurementBidTable;
  procurement_pair: ProcurementPairTable;
  procurement_group: ProcurementGroupTable;
  procurement_group_member: ProcurementGroupMemberTable;
  procurement_case: ProcurementCaseTable;
  procurement_case_event: ProcurementCaseEventTable;
  procurement_campaign: ProcurementCampaignTable;
  procurement_campaign_project: ProcurementCampaignProjectTable;
  procurement_campaign_problem: ProcurementCampaignProblemTable;
  procurement_expert_pool: ProcurementExpertPoolTable;
  procurement_party_flag: ProcurementPartyFlagTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends ProcurementTables {}
}
