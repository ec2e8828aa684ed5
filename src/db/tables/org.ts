import type { Generated } from 'kysely';

/** Tables of the org module. */
export interface UnitTable {
  id: Generated<number>;
  name: string;
  kind: string;
  parent_id: number | null;
  division_code: string | null;
  status: string;
  merged_into_id: number | null;
  sort_order: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UnitAliasTable {
  id: Generated<number>;
  unit_id: number;
  alias: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  unit_id: number | null;
  password_hash: string;
  must_change_password: number;
  locale: string;
  status: string;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface OrgTables {
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
}
