import { jobRoutes } from "../jobs/jobs.routes.js";
import { calendarRoutes } from "./calendar/calendar.routes.js";
import { indicatorRoutes } from "./indicators/indicators.routes.js";
import { notificationJobHandlers } from "./notifications/notifications.jobs.js";
import { notificationRoutes } from "./notifications/notifications.routes.js";
import { auditRoutes } from "./org/audit.routes.js";
import { authRoutes } from "./org/auth.routes.js";
import { unitRoutes } from "./org/units.routes.js";
import { userRoutes } from "./org/users.routes.js";
import { policyJobHandlers } from "./policies/policies.jobs.js";
import { policyRoutes } from "./policies/policies.routes.js";
import { bulletinRoutes } from "./supervision/bulletin.routes.js";
import { dispatchRoutes } from "./supervision/dispatch.routes.js";
import { supervisionJobHandlers } from "./supervision/supervision.jobs.js";
import { supervisionRoutes } from "./supervision/supervision.routes.js";
import { worklistExportRoutes } from "./worklists/export/export.routes.js";
import { worklistJobHandlers } from "./worklists/import/import.jobs.js";
import { worklistImportRoutes } from "./worklists/import/import.routes.js";
import { worklistRoutes } from "./worklists/worklists.routes.js";
const moduleRoutes = [
  authRoutes,
  unitRoutes,
  userRoutes,
  auditRoutes,
  jobRoutes,
  notificationRoutes,
  calendarRoutes,
  worklistRoutes,
  worklistImportRoutes,
  worklistExportRoutes,
  indicatorRoutes,
  supervisionRoutes,
  bulletinRoutes,
  dispatchRoutes,
  policyRoutes
];
const moduleJobHandlers = {
  ...supervisionJobHandlers,
  ...notificationJobHandlers,
  ...worklistJobHandlers,
  ...policyJobHandlers
};
export {
  moduleJobHandlers,
  moduleRoutes
};
//# sourceMappingURL=index.js.map
