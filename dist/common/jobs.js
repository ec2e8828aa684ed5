import { z } from "zod";
import { importCommitBody } from "./schemas/worklists-import.js";
const notificationIds = z.object({ ids: z.array(z.number().int().positive()).min(1) }).strict();
const JOBS = {
  "supervision.weekly-snapshot": {
    label: { zh: "\u5468\u7763\u67E5\u5FEB\u7167", en: "Weekly supervision snapshot" },
    payload: z.object({ weekOf: z.iso.date().optional() }).strict(),
    schedule: { cron: "0 8 * * 1" },
    retry: { attempts: 3, delaySeconds: 60 }
  },
  "supervision.bulletin-draft": {
    label: { zh: "\u6708\u901A\u62A5\u8349\u7A3F", en: "Monthly bulletin draft" },
    payload: z.object({}).strict(),
    schedule: { cron: "0 8 1 * *" },
    retry: { attempts: 3, delaySeconds: 60 }
  },
  "supervision.reminders": {
    label: { zh: "\u5230\u671F\u63D0\u9192\u4E0E\u7763\u529E\u5347\u7EA7", en: "Deadline reminders and escalation" },
    payload: z.object({ date: z.iso.date().optional() }).strict(),
    schedule: { cron: "0 9 * * *" },
    retry: { attempts: 3, delaySeconds: 60 }
  },
  "notifications.email": {
    label: { zh: "\u90AE\u4EF6\u901A\u77E5", en: "E-mail notifications" },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 }
  },
  "notifications.webhook": {
    label: { zh: "\u5DE5\u4F5C\u7FA4\u673A\u5668\u4EBA\u901A\u77E5", en: "Work-chat robot notifications" },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 }
  },
  "worklists.import": {
    label: { zh: "Excel \u6E05\u5355\u5BFC\u5165", en: "Work list import from Excel" },
    payload: importCommitBody,
    retry: { attempts: 2, delaySeconds: 5 }
  },
  "policies.match": {
    label: { zh: "\u60E0\u4F01\u653F\u7B56\u6279\u91CF\u5339\u914D", en: "Enterprise policy matching" },
    payload: z.object({ mode: z.enum(["full", "incremental"]) }).strict(),
    retry: { attempts: 2, delaySeconds: 30 }
  }
};
function isJobName(name) {
  return Object.hasOwn(JOBS, name);
}
export {
  JOBS,
  isJobName
};
//# sourceMappingURL=jobs.js.map
