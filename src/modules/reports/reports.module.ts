import { defineModule } from '../manifest.js';
import { reportErrors } from './reports.errors.js';

/** Shared output (charts, Word, PDF, Excel): no routes of its own, used by the other modules. */
export const reportsModule = defineModule({
  name: 'reports',
  errors: reportErrors,
  benchmarks: { 'reports-docx': async () => (await import('../../../bench/reports-docx.js')).reportsDocx() },
});
