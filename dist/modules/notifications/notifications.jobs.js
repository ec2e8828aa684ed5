import { deliverByEmail, deliverByWebhook } from "./notifications.service.js";
const notificationJobHandlers = {
  "notifications.email": (ctx, p) => deliverByEmail(ctx, p.ids),
  "notifications.webhook": (ctx, p) => deliverByWebhook(ctx, p.ids)
};
export {
  notificationJobHandlers
};
//# sourceMappingURL=notifications.jobs.js.map
