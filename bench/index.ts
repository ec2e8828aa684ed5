import { moduleBenchmarks } from '../src/modules/index.js';
import type { Benchmark } from '../src/modules/manifest.js';

export type { Benchmark };

/** Every benchmark by name, declared in each module's manifest; figures are printed as one JSON line. */
export const benchmarks: Record<string, Benchmark> = moduleBenchmarks;
