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

export const materialBody = z.object({ name: plainText(200), shared: z.boolean().default(false), exempt: z.boolean().default(false) }).strict();

export const serviceBody = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9\-_.]{1,60}$/, '事项编码由字母、数字和 -_. 组成 / a code is letters, digits and -_.'),
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

export const ratesQuery = z.object({ date: isoDate.optional(), level: z.enum(SERVICE_LEVELS).optional(), countyId: idValue.optional() }).strict();
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
    code: z.string().trim().regex(/^[A-Za-z0-9\-_.]{1,60}$/, '编码由字母、数字和 -_. 组成 / a code is letters, digits and -_.'),
    name: plainText(200),
    kind: z.enum(PACKAGE_KINDS),
    mode: z.enum(PACKAGE_MODES),
    promisedDays: days,
    formFields: z.array(plainText(100)).max(200).default([]),
    materials: z.array(materialBody).max(200),
    members: z.array(z.object({ serviceCode: z.string().trim().min(1).max(60) }).strict()).min(1).max(50),
    before: z.object({ steps: z.number().int().min(0).max(1000), materials: z.number().int().min(0).max(1000), days, visits: z.number().int().min(0).max(100), feeFen: fen }).strict(),
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

export const stepBody = z.object({ result: z.enum(STEP_RESULTS), at: instant.optional(), note: z.string().trim().max(1000).nullable().default(null) }).strict();
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
  .object({ name: plainText(100), unitId: z.number().int().positive(), pointId: z.number().int().positive().nullable().default(null), phone: z.string().trim().max(40).nullable().default(null) })
  .strict();
export type AssistantBody = z.infer<typeof assistantBody>;

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

export const codeParam = z.object({ code: z.string().trim().min(1).max(60) }).strict();
export const rateParam = z.object({ flag: z.enum(SERVICE_FLAGS) }).strict();
export const caseStepParams = z.object({ id: idValue, stepId: idValue }).strict();
