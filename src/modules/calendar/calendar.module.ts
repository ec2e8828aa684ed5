import { defineModule, permissionsIn } from '../manifest.js';

/** The working-day calendar: the smallest complete module, and the example to copy. */
export const calendarModule = defineModule({
  name: 'calendar',
  routes: async () => [(await import('./calendar.routes.js')).calendarRoutes],
  permissions: permissionsIn('calendar'),
});
