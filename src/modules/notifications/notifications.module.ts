import { defineModule } from '../manifest.js';

/** The in-app inbox, e-mail and work-chat delivery. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: async () => [(await import('./notifications.routes.js')).notificationRoutes],
  jobs: async () => (await import('./notifications.jobs.js')).notificationJobHandlers,
});
