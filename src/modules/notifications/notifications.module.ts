import { defineModule } from '../manifest.js';
import { notificationJobs } from './notifications.job-table.js';

/** The in-app inbox, e-mail and work-chat delivery. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: async () => [(await import('./notifications.routes.js')).notificationRoutes],
  jobs: { table: notificationJobs, handlers: async () => (await import('./notifications.jobs.js')).notificationJobHandlers },
});
