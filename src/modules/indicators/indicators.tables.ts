import type { Generated } from 'kysely';

/** Tables of the indicators module. */
export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  /** 'indicator' (national level 1), 'sub_indicator', 'kpi' */
  kind: string;
  parent_id: number | null;
  /** policy | government | law | market | finance (the work report's five environments) */
  environment: string;
  lifecycle_group: string | null;
  unit_of_measure: string | null;
  direction: string | null;
  physical_min: number | null;
  physical_max: number | null;
  note: string | null;
  source: string | null;
  sort_order: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  indicator_id: number;
  unit_id: number;
  period: string;
  value: number;
  source: string;
  evidence: string | null;
  synthetic: number;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  unit_id: number;
  period: string;
  target: number;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorPeerValueTable {
  id: Generated<number>;
  method_id: string;
  period: string;
  peer_code: string;
  peer_name: string;
  topic_id: string;
  component_id: string;
  value: number;
  source: string;
  synthetic: number;
  created_at: string;
}

export interface IndicatorTables {
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  indicator_target: IndicatorTargetTable;
  indicator_peer_value: IndicatorPeerValueTable;
}

// The platform's database type gains this module's tables by declaration merging (see src/db/schema.ts).
declare module '../../db/schema.js' {
  interface DB extends IndicatorTables {}
}
