import type { Generated } from 'kysely';

/** Tables of the services module (政务服务). */
export interface ServiceItemTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: string;
  unit_id: number;
  county_id: number | null;
  type: string;
  legal_days: number;
  promised_days: number;
  fee_fen: number;
  /** JSON: [{ name, shared, exempt }] */
  materials: string;
  online: number;
  fully_online: number;
  mobile: number;
  smart: number;
  hubao: number;
  regional: number;
  cross_province: number;
  park: number;
  park_basis: string | null;
  place: string | null;
  online_url: string | null;
  valid_from: string;
  valid_to: string | null;
  round_id: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceRoundTable {
  id: Generated<number>;
  name: string;
  effective_on: string;
  note: string | null;
  before_count: number;
  after_count: number;
  created_at: string;
}

export interface ServiceRoundChangeTable {
  id: Generated<number>;
  round_id: number;
  code: string;
  name: string;
  action: string;
  into_code: string | null;
  to_level: string | null;
  reason: string;
}

export interface ServicePackageTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  mode: string;
  promised_days: number;
  form_fields: string;
  materials: string;
  before_steps: number;
  before_materials: number;
  before_days: number;
  before_visits: number;
  before_fee_fen: number;
  after_steps: number;
  after_visits: number;
  after_fee_fen: number;
  place: string | null;
  online_url: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServicePackageMemberTable {
  id: Generated<number>;
  package_id: number;
  seq: number;
  service_code: string;
  unit_id: number;
}

export interface ServiceCaseTable {
  id: Generated<number>;
  package_id: number;
  applicant: string;
  submitted_at: string;
  finished_at: string | null;
  status: string;
  elapsed_minutes: number | null;
  late: Generated<number>;
  steps: number | null;
  documents: number | null;
  waived_fen: Generated<number>;
  version: Generated<number>;
  created_at: string;
}

export interface ServiceCaseStepTable {
  id: Generated<number>;
  case_id: number;
  seq: number;
  unit_id: number;
  service_code: string;
  started_at: string | null;
  finished_at: string | null;
  result: string | null;
  note: string | null;
}

export interface ServiceCaseDayTable {
  package_id: number;
  day: string;
  finished: number;
  late: number;
  elapsed_minutes: number;
  waived_fen: number;
}

export interface ServicePointTable {
  id: Generated<number>;
  kind: string;
  name: string;
  county_id: number;
  parent_id: number | null;
  all_in_one: Generated<number>;
  enterprise_zone: Generated<number>;
  address: string;
  hours: string;
  services: string;
  created_at: string;
}

export interface ServiceAssistantTable {
  id: Generated<number>;
  name: string;
  unit_id: number;
  point_id: number | null;
  phone: string | null;
  /** The demand desk's rating code (评价码) of this assistant: its cases are rated through it. */
  rating_code: string | null;
  created_at: string;
}

export interface ServiceAssistedCaseTable {
  id: Generated<number>;
  external_no: string | null;
  assistant_id: number;
  applicant: string;
  subject: string;
  channel: string;
  received_on: string;
  finished_on: string | null;
  result: string;
  service_id: number | null;
  package_id: number | null;
  rating: number | null;
  /** 'code' when the rating was recorded through the demand desk's rating code, 'own' otherwise. */
  rated_via: string | null;
  created_at: string;
}

export interface ServiceTables {
  service_item: ServiceItemTable;
  service_round: ServiceRoundTable;
  service_round_change: ServiceRoundChangeTable;
  service_package: ServicePackageTable;
  service_package_member: ServicePackageMemberTable;
  service_case: ServiceCaseTable;
  service_case_step: ServiceCaseStepTable;
  service_case_day: ServiceCaseDayTable;
  service_point: ServicePointTable;
  service_assistant: ServiceAssistantTable;
  service_assisted_case: ServiceAssistedCaseTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends ServiceTables {}
}
