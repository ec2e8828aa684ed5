import type { Generated } from 'kysely';

/** Tables of the policies module (enterprise registry, policy library, matching, payout). */
export interface EnterpriseTable {
  id: Generated<number>;
  uscc: string;
  name: string;
  legal_form: string | null;
  registered_on: string | null;
  capital: number | null;
  county_code: string | null;
  industry_code: string | null;
  size_class: string | null;
  employees: number | null;
  revenue: number | null;
  assets: number | null;
  rd_spending: number | null;
  tax_grade: string | null;
  figures_year: number | null;
  qualifications_json: string;
  tags_json: string;
  history_json: string;
  synthetic: number;
  match_stale: number;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  /** 法定代表人, as the registry records it. */
  legal_representative: string | null;
  /** 股东: JSON list of names or credit codes. */
  shareholders_json: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** What an enterprise was sent about one match, per channel ('inbox' | 'email' | 'sms'). */
export interface EnterpriseNoticeTable {
  id: Generated<number>;
  match_result_id: number;
  enterprise_id: number;
  channel: string;
  address: string | null;
  text: string;
  created_at: string;
  sent_at: string | null;
}

export interface EnterpriseUserTable {
  user_id: number;
  enterprise_id: number;
}

export interface PolicyTable {
  id: Generated<number>;
  title: string;
  department_unit_id: number | null;
  doc_number: string | null;
  effective_from: string | null;
  effective_to: string | null;
  body: string | null;
  link: string | null;
  area: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BenefitTable {
  id: Generated<number>;
  policy_id: number;
  code: string;
  name: string;
  amount: number | null;
  formula: string | null;
  cap: number | null;
  auto_grant: number;
  rule_text: string;
  examples_json: string;
  match_stale: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MatchResultTable {
  id: Generated<number>;
  enterprise_id: number;
  benefit_id: number;
  eligible: number;
  failed: number;
  /** the rule version the result was decided with (null: stored before versions were kept) */
  rule_version_id: number | null;
  amount: number | null;
  status: string;
  job_run_id: number | null;
  matched_at: string;
  notified_at: string | null;
  confirmed_at: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  paid_on: string | null;
  paid_amount: number | null;
  version: Generated<number>;
  updated_at: string;
}

/** A benefit's rule as it was when results were decided with it (explanations are computed from it). */
export interface BenefitRuleVersionTable {
  id: Generated<number>;
  benefit_id: number;
  rule_text: string;
  /** JSON object: code → text of the rules it refers to */
  refs_json: string;
  created_at: string;
}

export interface PolicyTables {
  enterprise: EnterpriseTable;
  enterprise_user: EnterpriseUserTable;
  policy: PolicyTable;
  benefit: BenefitTable;
  match_result: MatchResultTable;
  benefit_rule_version: BenefitRuleVersionTable;
  enterprise_notice: EnterpriseNoticeTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends PolicyTables {}
}
