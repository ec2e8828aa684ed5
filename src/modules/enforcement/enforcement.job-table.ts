import { z } from 'zod';
import { defineJobs } from '../../common/jobs.js';

/** The enforcement module's jobs; handlers in enforcement.jobs.ts. */
export const enforcementJobs = defineJobs({
  // Nightly: tax credit grades and records arrive every day, and the next draw uses the grades.
  'enforcement.regrade': {
    label: { zh: '企业信用风险分类评定', en: 'Credit-risk grading of every enterprise' },
    payload: z.object({}).strict(),
    retry: { attempts: 2, delaySeconds: 60 },
    schedule: { cron: '30 2 * * *' },
  },
  // Daily, early: results whose publication deadline has come are on the public page that morning.
  'enforcement.publish-due': {
    label: { zh: '抽查结果到期自动公示', en: 'Publish inspection results at their deadline' },
    payload: z.object({}).strict(),
    retry: { attempts: 3, delaySeconds: 300 },
    schedule: { cron: '10 0 * * *' },
  },
  // Daily, before the working day: whoever must act on a passed rectification deadline finds it in the morning's inbox.
  'enforcement.rectify-overdue': {
    label: { zh: '整改期限已过提醒负责部门和办公室', en: 'Tell the department and the office of passed rectification deadlines' },
    payload: z.object({}).strict(),
    retry: { attempts: 3, delaySeconds: 300 },
    schedule: { cron: '20 0 * * *' },
  },
  // Every quarter of an hour: a complaint about enforcement reaches the department the same morning,
  // and a complaint found substantiated against an enterprise reaches its credit grade.
  'enforcement.desk-complaints': {
    label: {
      zh: '导入企业诉求专席的涉企执法投诉，查实的投诉举报计入被投诉企业信用',
      en: 'Import enforcement complaints from the demand desk; substantiated complaints count in the credit grade',
    },
    payload: z.object({}).strict(),
    retry: { attempts: 3, delaySeconds: 120 },
    schedule: { cron: '*/15 * * * *' },
  },
});

type EnforcementJobs = typeof enforcementJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends EnforcementJobs {}
}
