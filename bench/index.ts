import { indicatorsImport } from './indicators-import.js';
import { policiesMatching } from './policies.js';
import { reportsDocx } from './reports-docx.js';
import { supervisionBulletin } from './supervision-bulletin.js';
import { supervisionWeekly } from './supervision-weekly.js';
import { unitsApi } from './units-api.js';
import { worklistsImport } from './worklists-import.js';
import { worklistsList } from './worklists-list.js';
import { worklistsMixed } from './worklists-mixed.js';

export type Benchmark = () => Promise<Record<string, unknown>>;

/** Every benchmark by name. A module adds its line here; figures are printed as one JSON line. */
export const benchmarks: Record<string, Benchmark> = {
  'units-api': unitsApi,
  policies: policiesMatching,
  'worklists-list': worklistsList,
  'worklists-mixed': worklistsMixed,
  'worklists-import': worklistsImport,
  'indicators-import': indicatorsImport,
  'supervision-bulletin': supervisionBulletin,
  'supervision-weekly': supervisionWeekly,
  'reports-docx': reportsDocx,
  // The name for the list API benchmark; the core engineer's worklists-list measures it.
  'worklists-list-api': worklistsList,
};
