import { byName, defineModule } from '../manifest.js';

/** The in-app inbox, e-mail and work-chat delivery. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: async () => [(await import('./notifications.routes.js')).notificationRoutes],
  jobs: async () => {
    const { digestNotificationsJob, emailNotificationsJob, webhookNotificationsJob } = await import('./notifications.jobs.js');
    return byName([emailNotificationsJob, webhookNotificationsJob, digestNotificationsJob]);
  },
});
