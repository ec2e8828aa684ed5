import type { Generated } from 'kysely';

/** Tables of the financing environment module (migration 202612036000-create-finance). Money in fen. */
export interface FinanceBankTable {
  id: Generated<number>;
  name: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FinanceBankUserTable {
  user_id: number;
  bank_id: number;
}

export interface FinanceProjectTable {
  id: Generated<number>;
  name: string;
  county_code: string | null;
  created_at: string;
}

export interface FinanceNeedTable {
  id: Generated<number>;
  enterprise_id: number;
  amount_fen: number;
  term_months: number;
  purpose: string;
  collateral: string;
  project_id: number | null;
  source: string;
  source_ref: string | null;
  status: string;
  filed_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FinancePublicationTable {
  id: Generated<number>;
  need_id: number;
  bank_id: number;
  published_at: string;
  response: string;
  reason: string | null;
  offer_fen: number | null;
  responded_at: string | null;
  responded_by: number | null;
  granted_fen: number | null;
  granted_on: string | null;
  landed_fen: number | null;
  landed_on: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface FinanceEventTable {
  id: Generated<number>;
  title: string;
  held_on: string;
  place: string | null;
  created_at: string;
}

export interface FinanceEventPartyTable {
  event_id: number;
  kind: string;
  ref_id: number;
}

export interface FinanceFollowupTable {
  id: Generated<number>;
  event_id: number;
  need_id: number | null;
  text: string;
  due_on: string | null;
  done_on: string | null;
  created_at: string;
}

export interface FinanceDeskTable {
  id: Generated<number>;
  enterprise_id: number;
  problem: string;
  member_user_id: number;
  bank_id: number;
  president_name: string;
  lead_unit_id: number;
  status: string;
  created_at: string;
}

export interface FinanceDeskStepTable {
  id: Generated<number>;
  desk_id: number;
  action: string;
  deadline: string;
  done_on: string | null;
  item_id: number | null;
  created_at: string;
}

export interface FinanceListingTable {
  id: Generated<number>;
  enterprise_id: number;
  stage: string;
  exchange: string | null;
  board: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FinanceListingEventTable {
  id: Generated<number>;
  listing_id: number;
  kind: string;
  on_date: string;
  from_stage: string | null;
  to_stage: string | null;
  note: string | null;
  match_result_id: number | null;
  amount_fen: number | null;
  created_at: string;
}

export interface FinanceLoanReturnTable {
  id: Generated<number>;
  bank_id: number;
  period: string;
  enterprise_id: number;
  balance_fen: number;
  private: number;
  sme: number;
  imported_at: string;
}

export interface FinanceRegionStatTable {
  period: string;
  balance_fen: number;
  private_fen: number;
  sme_fen: number;
  source: string;
  updated_at: string;
}

export interface FinanceTables {
  finance_bank: FinanceBankTable;
  finance_bank_user: FinanceBankUserTable;
  finance_project: FinanceProjectTable;
  finance_need: FinanceNeedTable;
  finance_publication: FinancePublicationTable;
  finance_event: FinanceEventTable;
  finance_event_party: FinanceEventPartyTable;
  finance_followup: FinanceFollowupTable;
  finance_desk: FinanceDeskTable;
  finance_desk_step: FinanceDeskStepTable;
  finance_listing: FinanceListingTable;
  finance_listing_event: FinanceListingEventTable;
  finance_loan_return: FinanceLoanReturnTable;
  finance_region_stat: FinanceRegionStatTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends FinanceTables {}
}
