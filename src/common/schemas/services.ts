import { z } from 'zod';
import { plainText } from '../text.js';
import { isoDate } from './date.js';
import { idValue } from './id.js';

/** Request shapes of the services module (政务服务); the web client imports them. */

export const SERVICE_LEVELS = ['city', 'county', 'township'] as const;
export const SERVICE_TYPES = ['licence', 'confirmation', 'public_service', 'payment', 'inspection', 'other'] as const;
/** The channel flags of the catalogue, each a rate or a count in the report. */
export const SERVICE_FLAGS = ['online', 'fullyOnline', 'mobile', 'smart', 'hubao', 'regional', 'crossProvince', 'park'] as const;
export type ServiceFlag = (typeof SERVICE_FLAGS)[number];
export const PARK_BASES = ['agreement', 'entrust'] as const;
export const ROUND_ACTIONS = ['removed', 'merged', 'delegated'] as const;
export const PACKAGE_MODES = ['parallel', 'sequence'] as const;
export const PACKAGE_KINDS = ['startup', 'permit', 'vehicle', 'utilities', 'operation', 'other'] as const;
export const STEP_RESULTS = ['done', 'returned'] as const;
export const POINT_KINDS = ['centre', 'window', 'park', 'township', 'village', 'bank'] as const;
export const ASSIST_CHANNELS = ['mini_program', 'hall', 'park_visit', 'door'] as const;
export const ASSIST_RESULTS = ['done', 'in_progress', 'declined'] as const;

const days = z.number().min(0).max(3650);
const fen = z.number().int().min(0).max(1e12);
const optionalUrl = z.string().trim().url().max(300).nullable().optional();

export const materialBody = z
  .object({ name: plainText(200), shared: z.boolean().default(false), exempt: z.boolean().default(false) })
  .strict();

export const serviceBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9\-_.]{1,60}$/, '事项编码由字母、数字和 -_. 组成 / a code is letters, digits and -_.'),
    name: plainText(200),
    level: z.enum(SERVICE_LEVELS),
    unitId: z.number().int().positive(),
    countyId: z.number().int().positive().nullable().default(null),
    type: z.enum(SERVICE_TYPES),
    legalDays: z.number().int().min(0).max(3650),
    promisedDays: days,
    feeFen: fen.default(0),
    materials: z.array(materialBody).max(200).default([]),
    flags: z.array(z.enum(SERVICE_FLAGS)).default([]),
    parkBasis: z.enum(PARK_BASES).nullable().default(null),
    place: z.string().trim().max(200).nullable().default(null),
    onlineUrl: optionalUrl,
    validFrom: isoDate,
  })
  .strict();
export type ServiceBody = z.infer<typeof serviceBody>;
/** An edit of a service: the whole row again (the code stays), from a day on, against the version read. */
export const serviceEditBody = serviceBody.extend({ version: z.number().int().positive() }).strict();
export type ServiceEditBody = z.infer<typeof serviceEditBody>;

export const catalogueQuery = z
  .object({
    date: isoDate.optional(),
    level: z.enum(SERVICE_LEVELS).optional(),
    countyId: idValue.optional(),
    flag: z.enum(SERVICE_FLAGS).optional(),
    q: z.string().trim().max(50).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const ratesQuery = z
  .object({ date: isoDate.optional(), level: z.enum(SERVICE_LEVELS).optional(), countyId: idValue.optional() })
  .strict();
export type RatesQuery = z.infer<typeof ratesQuery>;

export const importQuery = z.object({ commit: z.enum(['0', '1']).default('0') }).strict();
export const publishRatesBody = z.object({ date: isoDate }).strict();

export const roundBody = z
  .object({
    name: plainText(200),
    effectiveOn: isoDate,
    note: z.string().trim().max(2000).nullable().default(null),
    changes: z
      .array(
        z
          .object({
            code: z.string().trim().min(1).max(60),
            action: z.enum(ROUND_ACTIONS),
            intoCode: z.string().trim().max(60).nullable().default(null),
            toLevel: z.enum(SERVICE_LEVELS).nullable().default(null),
            reason: plainText(500),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();
export type RoundBody = z.infer<typeof roundBody>;

export const packageBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9\-_.]{1,60}$/, '编码由字母、数字和 -_. 组成 / a code is letters, digits and -_.'),
    name: plainText(200),
    kind: z.enum(PACKAGE_KINDS),
    mode: z.enum(PACKAGE_MODES),
    promisedDays: days,
    formFields: z.array(plainText(100)).max(200).default([]),
    materials: z.array(materialBody).max(200),
    members: z
      .array(z.object({ serviceCode: z.string().trim().min(1).max(60) }).strict())
      .min(1)
      .max(50),
    before: z
      .object({
        steps: z.number().int().min(0).max(1000),
        materials: z.number().int().min(0).max(1000),
        days,
        visits: z.number().int().min(0).max(100),
        feeFen: fen,
      })
      .strict(),
    after: z.object({ steps: z.number().int().min(0).max(1000), visits: z.number().int().min(0).max(100), feeFen: fen }).strict(),
    place: z.string().trim().max(200).nullable().default(null),
    onlineUrl: optionalUrl,
  })
  .strict();
export type PackageBody = z.infer<typeof packageBody>;

const instant = z.iso.datetime({ offset: true });

export const caseBody = z
  .object({
    applicant: plainText(200),
    submittedAt: instant.optional(),
    steps: z.number().int().min(0).max(1000).nullable().default(null),
    documents: z.number().int().min(0).max(1000).nullable().default(null),
    waivedFen: fen.default(0),
  })
  .strict();
export type CaseBody = z.infer<typeof caseBody>;

export const stepBody = z
  .object({ result: z.enum(STEP_RESULTS), at: instant.optional(), note: z.string().trim().max(1000).nullable().default(null) })
  .strict();
export type StepBody = z.infer<typeof stepBody>;

export const periodQuery = z.object({ from: isoDate, to: isoDate }).strict();
export const missedItemBody = z.object({ from: isoDate, to: isoDate, deadline: isoDate }).strict();
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const summaryQuery = z.object({ date: isoDate.optional(), countyId: idValue.optional() }).strict();

export const pointBody = z
  .object({
    kind: z.enum(POINT_KINDS),
    name: plainText(200),
    countyId: z.number().int().positive(),
    parentId: z.number().int().positive().nullable().default(null),
    allInOne: z.boolean().default(false),
    enterpriseZone: z.boolean().default(false),
    address: plainText(300),
    hours: plainText(200),
    services: z.array(plainText(200)).max(500).default([]),
  })
  .strict();
export type PointBody = z.infer<typeof pointBody>;

export const assistantBody = z
  .object({
    name: plainText(100),
    unitId: z.number().int().positive(),
    pointId: z.number().int().positive().nullable().default(null),
    phone: z.string().trim().max(40).nullable().default(null),
    /** The demand desk's rating code (评价码) the assistant's cases are rated through, if it has one. */
    ratingCode: z.string().trim().max(20).nullable().default(null),
  })
  .strict();
export type AssistantBody = z.infer<typeof assistantBody>;
export const assistantRatingCodeBody = z.object({ ratingCode: assistantBody.shape.ratingCode }).strict();

export const assistedCaseBody = z
  .object({
    externalNo: z.string().trim().max(60).nullable().default(null),
    assistantId: z.number().int().positive(),
    applicant: plainText(200),
    subject: plainText(200),
    channel: z.enum(ASSIST_CHANNELS),
    receivedOn: isoDate,
    finishedOn: isoDate.nullable().default(null),
    result: z.enum(ASSIST_RESULTS),
    rating: z.number().int().min(1).max(5).nullable().default(null),
  })
  .strict();
export type AssistedCaseBody = z.infer<typeof assistedCaseBody>;
export const assistedRatingBody = z
  .object({ level: z.number().int().min(1).max(5), comment: z.string().trim().max(500).nullable().default(null) })
  .strict();
export const assistedListQuery = z
  .object({
    assistantId: idValue.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export const codeParam = z.object({ code: z.string().trim().min(1).max(60) }).strict();
export const rateParam = z.object({ flag: z.enum(SERVICE_FLAGS) }).strict();
export const caseStepParams = z.object({ id: idValue, stepId: idValue }).strict();

// ---- responses (the web's types are generated from these: npm run gen:api) ----

const detail = z.looseObject({ path: z.string().optional(), message: z.string() });
const material = z.object({ name: z.string(), shared: z.boolean(), exempt: z.boolean() });

export const serviceView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  countyId: z.number().nullable(),
  countyName: z.string().nullable(),
  type: z.string(),
  legalDays: z.number(),
  promisedDays: z.number(),
  feeFen: z.number(),
  materials: z.array(material),
  flags: z.array(z.enum(SERVICE_FLAGS)),
  parkBasis: z.string().nullable(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
});
export const cataloguePage = z.object({
  date: z.string(),
  items: z.array(serviceView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ratesView = z.object({
  date: z.string(),
  level: z.string().nullable(),
  countyId: z.number().nullable(),
  total: z.number(),
  rates: z.array(z.object({ flag: z.enum(SERVICE_FLAGS), count: z.number(), percent: z.number().nullable() })),
  limitCutPercent: z.number().nullable(),
});
export const catalogueImportView = z.object({
  file: z.string(),
  rows: z.number(),
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  problems: z.array(detail),
  preview: z.array(z.object({ row: z.number(), code: z.string(), name: z.string(), change: z.enum(['added', 'changed', 'unchanged']) })),
  imported: z.boolean(),
});
export const publishView = z.object({
  date: z.string(),
  values: z.array(
    z.object({ code: z.string(), unitId: z.number(), unitName: z.string(), value: z.number(), period: z.string(), source: z.string() }),
  ),
});
const roundBase = { id: z.number(), name: z.string(), effectiveOn: z.string(), beforeCount: z.number(), afterCount: z.number() };
export const roundView = z.object({ ...roundBase, note: z.string().nullable() });
export const roundCreatedView = z.object({ ...roundBase, changes: z.number() });
export const roundDiffView = z.object({
  ...roundBase,
  note: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  changes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      action: z.string(),
      intoCode: z.string().nullable(),
      toLevel: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});

const figures = { steps: z.number(), materials: z.number(), days: z.number(), visits: z.number(), feeFen: z.number() };
const cut = z.number().nullable();
export const packageView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  mode: z.string(),
  promisedDays: z.number(),
  formFields: z.array(z.string()),
  materials: z.array(material),
  members: z.array(z.object({ seq: z.number(), serviceCode: z.string(), unitId: z.number(), unitName: z.string() })),
  departments: z.number(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  before: z.object(figures),
  after: z.object(figures),
  reductions: z.object({ steps: cut, materials: cut, days: cut, visits: cut, fees: cut }),
});
const caseSummary = {
  id: z.number(),
  packageId: z.number(),
  applicant: z.string(),
  submittedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  elapsedMinutes: z.number(),
  elapsed: z.object({ days: z.number(), hours: z.number() }),
  promisedMinutes: z.number(),
  late: z.boolean(),
  waivedFen: z.number(),
  version: z.number(),
};
export const packageDetailView = packageView.extend({ cases: z.array(z.object(caseSummary)) });
export const caseView = z.object({
  ...caseSummary,
  packageCode: z.string(),
  packageName: z.string(),
  mode: z.string(),
  steps: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      serviceCode: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      result: z.string().nullable(),
      note: z.string().nullable(),
      elapsedMinutes: z.number(),
    }),
  ),
});
const packageStat = z.object({
  packageId: z.number(),
  code: z.string(),
  name: z.string(),
  finished: z.number(),
  late: z.number(),
  beforeDays: z.number(),
  promisedDays: z.number(),
  avgDays: z.number().nullable(),
  timeCut: cut,
  elapsedMinutes: z.number(),
  materialsCut: cut,
  waivedFen: z.number(),
});
export const packageStatsView = z.object({
  from: z.string(),
  to: z.string(),
  packages: z.array(packageStat),
  measuredPackages: z.number(),
  finished: z.number(),
  late: z.number(),
  averageTimeCut: cut,
  averageMaterialsCut: cut,
});
export const missedView = z.object({
  from: z.string(),
  to: z.string(),
  packages: z.array(
    packageStat.extend({
      lateShare: z.number(),
      lateCases: z.array(
        z.object({
          id: z.number(),
          applicant: z.string(),
          submittedAt: z.string(),
          finishedAt: z.string().nullable(),
          elapsedMinutes: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export const startupView = z.object({
  year: z.number(),
  cases: z.number(),
  averageDays: z.number().nullable(),
  averageSteps: z.number().nullable(),
  averageDocuments: z.number().nullable(),
  waivedFen: z.number(),
  packages: z.array(packageStat),
});

const pointCounts = {
  ...Object.fromEntries(POINT_KINDS.map((k) => [k, z.number()])),
  allInOneWindows: z.number(),
  enterpriseZones: z.number(),
} as Record<(typeof POINT_KINDS)[number] | 'allInOneWindows' | 'enterpriseZones', z.ZodNumber>;
export const coverageView = z.object({
  counties: z.array(z.object({ countyId: z.number(), countyName: z.string(), covered: z.boolean(), ...pointCounts })),
  total: z.object(pointCounts),
  allCovered: z.boolean(),
});
export const pointView = z.object({
  id: z.number(),
  kind: z.string(),
  name: z.string(),
  countyId: z.number(),
  countyName: z.string().optional(),
  parentId: z.number().nullable(),
  allInOne: z.boolean(),
  enterpriseZone: z.boolean(),
  address: z.string(),
  hours: z.string(),
  services: z.array(z.string()),
});
export const networkPage = z.object({ total: z.number(), items: z.array(pointView) });
export const assistantView = z.object({
  id: z.number(),
  name: z.string(),
  unitId: z.number(),
  unitName: z.string().optional(),
  pointId: z.number().nullable(),
  pointName: z.string().nullable().optional(),
  phone: z.string().nullable(),
  ratingCode: z.string().nullable(),
});
export const assistedCaseView = z.object({
  id: z.number(),
  externalNo: z.string().nullable(),
  assistantId: z.number(),
  assistantName: z.string(),
  applicant: z.string(),
  subject: z.string(),
  serviceCode: z.string().nullable(),
  packageCode: z.string().nullable(),
  channel: z.string(),
  receivedOn: z.string(),
  finishedOn: z.string().nullable(),
  result: z.string(),
  rating: z.number().nullable(),
  ratedVia: z.enum(['code', 'own']).nullable(),
});
export const assistedPage = z.object({ total: z.number(), items: z.array(assistedCaseView) });
export const assistedImportView = z.object({ imported: z.number(), skipped: z.number() });
export const monthlyView = z.object({
  year: z.number(),
  total: z.number(),
  byAssistant: z.array(
    z.object({
      month: z.string(),
      assistantId: z.number(),
      assistantName: z.string(),
      pointId: z.number().nullable(),
      cases: z.number(),
      done: z.number(),
      rating: z.number().nullable(),
    }),
  ),
  byPoint: z.array(z.object({ month: z.string(), pointId: z.number().nullable(), cases: z.number() })),
});
export const summaryView = z.object({
  dataDate: z.string(),
  countyId: z.number().nullable(),
  rates: ratesView,
  cityCatalogue: z.object({ inForce: z.number(), rounds: z.array(roundView) }),
  network: z
    .object({ ...pointCounts, covered: z.boolean() })
    .partial()
    .nullable(),
  assisted: z.object({ year: z.number(), cases: z.number(), assistants: z.number() }),
  packages: z.object({
    count: z.number(),
    promisedMaterialsCut: cut,
    promisedTimeCut: cut,
    measured: z.object({
      from: z.string(),
      to: z.string(),
      finished: z.number(),
      late: z.number(),
      averageTimeCut: cut,
      packages: z.number(),
    }),
  }),
  startup: z.object({
    year: z.number(),
    cases: z.number(),
    averageDays: z.number().nullable(),
    averageSteps: z.number().nullable(),
    averageDocuments: z.number().nullable(),
    waivedFen: z.number(),
  }),
});
export const serviceGuideView = z.object({
  kind: z.literal('service'),
  code: z.string(),
  name: z.string(),
  unitName: z.string(),
  countyName: z.string().nullable(),
  legalDays: z.number(),
  promisedDays: z.number(),
  feeFen: z.number(),
  materials: z.array(material),
  flags: z.array(z.enum(SERVICE_FLAGS)),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  inForce: z.boolean(),
});
export const packageGuideView = z.object({
  kind: z.literal('package'),
  code: z.string(),
  name: z.string(),
  departments: z.array(z.string()),
  promisedDays: z.number(),
  before: z.object(figures),
  after: z.object(figures),
  reductions: z.object({ steps: cut, materials: cut, days: cut, visits: cut, fees: cut }),
  materials: z.array(material),
  formFields: z.array(z.string()),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
});
