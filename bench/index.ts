import { unitsApi } from './units-api.js';
import { worklistsList } from './worklists-list.js';

export type Benchmark = () => Promise<Record<string, unknown>>;

/** Every benchmark by name. A module adds its line here; figures are printed as one JSON line. */
export const benchmarks: Record<string, Benchmark> = {
  'units-api': unitsApi,
  'worklists-list': worklistsList,
};
