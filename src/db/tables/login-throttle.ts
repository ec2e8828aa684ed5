/** Failed logins per account and client address (org module, see auth.service.ts). */
export interface LoginThrottleTable {
  user_id: number;
  client: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface LoginThrottleTables {
  login_throttle: LoginThrottleTable;
}
