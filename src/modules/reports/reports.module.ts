import { defineModule } from '../manifest.js';

/** Shared output (charts, Word, PDF, Excel): no routes of its own, used by the other modules. */
export const reportsModule = defineModule({
  name: 'reports',
  benchmarks: { 'reports-docx': async () => (await import('../../../bench/reports-docx.js')).reportsDocx() },
});
