import type { Generated } from 'kysely';

/** Tables of the job scheduler (src/jobs), the notification inbox and the working-day calendar admin. */
export interface JobScheduleTable {
  name: string;
  cron: string;
  enabled: number;
  next_run_at: string | null;
  last_run_at: string | null;
  last_run_id: number | null;
  last_status: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface JobRunTable {
  id: Generated<number>;
  name: string;
  payload_json: string;
  status: string;
  /** The schedule slot (ISO instant) a scheduled run stands for; unique per job, null for manual runs. */
  slot: string | null;
  attempts: number;
  max_attempts: number;
  progress_done: number;
  progress_total: number | null;
  message: string | null;
  result_json: string | null;
  error: string | null;
  actor_id: number | null;
  enqueued_at: string;
  run_after: string;
  started_at: string | null;
  finished_at: string | null;
  /** Refreshed by the process running it; a stale heartbeat means that process died. */
  heartbeat_at: string | null;
  /** host:pid of the process that claimed the run. */
  worker: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  /** One of NOTIFICATION_KINDS (src/common/schemas/notifications.ts). */
  kind: Generated<string>;
  /** 1 while the message waits for the daily e-mail/robot digest. */
  pending_digest: Generated<number>;
}

export interface UserContactTable {
  user_id: number;
  email: string | null;
  updated_at: string;
  /** 'digest' (routine messages once a day) or 'immediate'. */
  delivery: Generated<string>;
}

/** The deadline of an item the office has been told is overdue (once per item and deadline). */
export interface ItemOverdueNoticeTable {
  item_id: number;
  deadline: string;
  notified_at: string;
}

export interface CalendarDayTable {
  id: Generated<number>;
  date: string;
  type: string;
  name: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface JobsTables {
  job_schedule: JobScheduleTable;
  job_run: JobRunTable;
  notification: NotificationTable;
  user_contact: UserContactTable;
  item_overdue_notice: ItemOverdueNoticeTable;
  calendar_day: CalendarDayTable;
}
