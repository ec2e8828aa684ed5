/** What the services API returns, as the pages read it. */

export interface Rates {
  date: string;
  total: number;
  rates: { flag: string; count: number; percent: number | null }[];
  limitCutPercent: number | null;
}

export interface Service {
  id: number;
  code: string;
  name: string;
  level: string;
  unitName: string;
  countyName: string | null;
  type: string;
  legalDays: number;
  promisedDays: number;
  feeFen: number;
  materials: { name: string; shared: boolean; exempt: boolean }[];
  flags: string[];
  validFrom: string;
}

export interface Figures {
  steps: number;
  materials: number;
  days: number;
  visits: number;
  feeFen: number;
}

export interface Package {
  id: number;
  code: string;
  name: string;
  mode: string;
  promisedDays: number;
  members: { seq: number; serviceCode: string; unitName: string }[];
  departments: number;
  before: Figures;
  after: Figures;
  reductions: Record<'steps' | 'materials' | 'days' | 'visits' | 'fees', number | null>;
}

export interface PackageStat {
  packageId: number;
  code: string;
  name: string;
  finished: number;
  late: number;
  avgDays: number | null;
  timeCut: number | null;
  lateShare?: number;
}

export interface Step {
  id: number;
  seq: number;
  unitId: number;
  unitName: string;
  serviceCode: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: string | null;
}

export interface Case {
  id: number;
  applicant: string;
  packageName: string;
  packageCode: string;
  status: string;
  submittedAt: string;
  finishedAt: string | null;
  elapsedMinutes: number;
  elapsed: { days: number; hours: number };
  promisedMinutes: number;
  late: boolean;
  steps: Step[];
}
