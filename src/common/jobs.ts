import { z } from 'zod';
import { isoDate } from './schemas/date.js';
import { importCommitBody } from './schemas/worklists-import.js';

/** What every job declares besides its handler: shown to the admin, used by the runtime. */
export interface JobDeclaration {
  /** 中文名 / label shown in the admin page. */
  label: { zh: string; en: string };
  payload: z.ZodType;
  /** Attempts in all (1 = no retry) and the delay before each retry, doubled each time. */
  retry?: { attempts: number; delaySeconds: number };
  /** A default schedule (cron, Asia/Shanghai); the admin can change it, it is stored in `job_schedule`. */
  schedule?: { cron: string };
}

const notificationIds = z.object({ ids: z.array(z.number().int().positive()).min(1) }).strict();

/**
 * Every job of the platform: name, payload schema, retries and default schedule, declared once.
 * `enqueueJob(ctx, name, payload)` is checked against this table at compile time; each module hands
 * its handlers to the runtime at start-up (`JobHandlers`), so the runtime imports no module.
 * Default schedules (Asia/Shanghai): weekly snapshot Monday 08:00, bulletin draft on the 1st at
 * 08:00, reminders and escalation daily at 09:00, the notification digest daily at 08:30, the
 * overdue notice to the office daily at 09:05.
 */
export const JOBS = {
  'supervision.weekly-snapshot': {
    label: { zh: '周督查快照', en: 'Weekly supervision snapshot' },
    payload: z.object({ weekOf: isoDate.optional() }).strict(),
    schedule: { cron: '0 8 * * 1' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
  'supervision.bulletin-draft': {
    label: { zh: '月通报草稿', en: 'Monthly bulletin draft' },
    payload: z.object({}).strict(),
    schedule: { cron: '0 8 1 * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
  'supervision.reminders': {
    label: { zh: '到期提醒与督办升级', en: 'Deadline reminders and escalation' },
    payload: z.object({ date: isoDate.optional() }).strict(),
    schedule: { cron: '0 9 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
  'notifications.email': {
    label: { zh: '邮件通知', en: 'E-mail notifications' },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 },
  },
  'notifications.webhook': {
    label: { zh: '工作群机器人通知', en: 'Work-chat robot notifications' },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 },
  },
  'notifications.digest': {
    label: { zh: '每日消息汇总（邮件/工作群）', en: 'Daily notification digest (e-mail/work chat)' },
    payload: z.object({}).strict(),
    schedule: { cron: '30 8 * * *' },
    retry: { attempts: 4, delaySeconds: 60 },
  },
  'worklists.import': {
    label: { zh: 'Excel 清单导入', en: 'Work list import from Excel' },
    payload: importCommitBody,
    retry: { attempts: 2, delaySeconds: 5 },
  },
  'worklists.overdue-notice': {
    label: { zh: '逾期事项告知办公室', en: 'Tell the office of newly overdue items' },
    payload: z.object({ date: isoDate.optional() }).strict(),
    schedule: { cron: '5 9 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
  'policies.match': {
    label: { zh: '惠企政策批量匹配', en: 'Enterprise policy matching' },
    payload: z.object({ mode: z.enum(['full', 'incremental']) }).strict(),
    retry: { attempts: 2, delaySeconds: 30 },
  },
  'policies.notice-email': {
    label: { zh: '免申即享邮件告知', en: 'Auto-grant e-mail notices' },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 },
  },
  // finance
  'finance.desk-overdue': {
    label: { zh: '融资专班逾期问题列入督办', en: 'Put overdue financing-desk steps on the supervision ladder' },
    payload: z.object({}).strict(),
    schedule: { cron: '10 8 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
} satisfies Record<string, JobDeclaration>;

export type JobName = keyof typeof JOBS;
/** The payload a caller passes to `enqueueJob` (before defaults are applied). */
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]['payload']>;
/** The payload a handler receives (parsed, defaults applied). */
export type JobData<N extends JobName> = z.output<(typeof JOBS)[N]['payload']>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}
