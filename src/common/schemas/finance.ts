import { z } from 'zod';
import { plainText } from '../text.js';
import { isoDate } from './date.js';

/** Largest amount accepted: 10 trillion yuan, well inside the exact range of a double in fen. */
const MAX_YUAN = 10_000_000_000_000;

/** Yuan → integer fen from the decimal text, never through binary floating point. */
export function yuanToFen(text: string): number {
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/**
 * An amount in yuan as typed (a string, or a JSON number) with at most two decimals, stored as
 * integer fen. "1.005" is refused rather than rounded: a bank's figures are exact to the fen.
 */
export const yuan = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^\d+(\.\d+)?$/.test(s), '金额应为不带符号的数字 / an amount is a number without a sign')
  .refine((s) => !/\.\d{3,}$/.test(s), '金额最多保留两位小数（精确到分） / at most two decimals (fen)')
  .refine((s) => Number(s) <= MAX_YUAN, '金额过大 / the amount is too large')
  .transform(yuanToFen);

export const NEED_SOURCES = ['enterprise', 'office', 'ticket'] as const;
export const NEED_STATUSES = ['open', 'published', 'closed'] as const;
export const RESPONSES = ['pending', 'interested', 'declined', 'offered'] as const;
export type BankResponse = (typeof RESPONSES)[number];
export const LISTING_STAGES = ['cultivating', 'restructuring', 'coaching', 'filing', 'listed'] as const;
export type ListingStage = (typeof LISTING_STAGES)[number];
export const LISTING_SERVICES = ['policy_talk', 'financing_plan', 'coaching'] as const;

const version = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

export const bankBody = z.object({ name: plainText(120) }).strict();
export const bankView = z.object({ id: z.number(), name: z.string(), userIds: z.array(z.number()), version: z.number() });
export type BankView = z.infer<typeof bankView>;
export const bankUserBody = z.object({ userId: z.number().int().positive() }).strict();

export const projectBody = z.object({ name: plainText(200), countyCode: z.string().regex(/^\d{6}$/).nullable().optional() }).strict();

export const needBody = z
  .object({
    enterpriseId: z.number().int().positive().optional(),
    amount: yuan,
    termMonths: z.number().int().min(1).max(360),
    purpose: text(500),
    collateral: text(500),
    projectId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type NeedBody = z.infer<typeof needBody>;

/** The office publishes a need to banks and may file it under a major project at the same time. */
export const publishBody = z
  .object({ bankIds: z.array(z.number().int().positive()).min(1).max(50), projectId: z.number().int().positive().nullable().optional(), version })
  .strict();

export const respondBody = z
  .object({
    response: z.enum(['interested', 'declined', 'offered']),
    reason: text(500).optional(),
    offerAmount: yuan.optional(),
    version,
  })
  .strict()
  .superRefine((b, c) => {
    if (b.response === 'declined' && !b.reason) c.addIssue({ code: 'custom', path: ['reason'], message: '婉拒须说明原因 / a decline needs a reason' });
    if (b.response === 'offered' && b.offerAmount === undefined) c.addIssue({ code: 'custom', path: ['offerAmount'], message: '请填写授信意向金额 / state the amount offered' });
  });
export type RespondBody = z.infer<typeof respondBody>;

export const creditBody = z.object({ amount: yuan, on: isoDate, version }).strict();
export type CreditBody = z.infer<typeof creditBody>;

export const needQuery = z
  .object({ enterpriseId: z.coerce.number().int().positive().optional(), status: z.enum(NEED_STATUSES).optional(), projectId: z.coerce.number().int().positive().optional() })
  .strict();

export const eventBody = z
  .object({
    title: plainText(200),
    heldOn: isoDate,
    place: z.string().trim().max(200).nullable().optional(),
    bankIds: z.array(z.number().int().positive()).max(100).default([]),
    enterpriseIds: z.array(z.number().int().positive()).max(500).default([]),
    needIds: z.array(z.number().int().positive()).max(500).default([]),
  })
  .strict();
export type EventBody = z.infer<typeof eventBody>;
export const followupBody = z.object({ text: text(500), needId: z.number().int().positive().nullable().optional(), dueOn: isoDate.nullable().optional() }).strict();

export const deskBody = z
  .object({
    enterpriseId: z.number().int().positive(),
    problem: text(1000),
    memberUserId: z.number().int().positive(),
    bankId: z.number().int().positive(),
    presidentName: plainText(60),
    leadUnitId: z.number().int().positive(),
  })
  .strict();
export type DeskBody = z.infer<typeof deskBody>;
export const deskStepBody = z.object({ action: text(500), workdays: z.number().int().min(1).max(120) }).strict();
export const stepDoneBody = z.object({ doneOn: isoDate }).strict();

export const listingBody = z
  .object({ enterpriseId: z.number().int().positive(), stage: z.enum(LISTING_STAGES), exchange: z.string().trim().max(40).nullable().optional(), board: z.string().trim().max(40).nullable().optional() })
  .strict();
export const listingStageBody = z
  .object({
    stage: z.enum(LISTING_STAGES),
    on: isoDate,
    reason: z.string().trim().max(500).optional(),
    exchange: z.string().trim().max(40).nullable().optional(),
    board: z.string().trim().max(40).nullable().optional(),
    version,
  })
  .strict();
export type ListingStageBody = z.infer<typeof listingStageBody>;
export const listingServiceBody = z.object({ kind: z.enum(LISTING_SERVICES), on: isoDate, note: z.string().trim().max(500).optional() }).strict();
export const listingSubsidyBody = z.object({ resultId: z.number().int().positive(), amount: yuan, paidOn: isoDate, resultVersion: version }).strict();

export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式应为 YYYY-MM / a period is YYYY-MM');
export const regionStatBody = z.object({ period, balance: yuan, private: yuan, sme: yuan, source: text(300) }).strict();
export const returnsImportQuery = z.object({ mode: z.enum(['preview', 'commit']).default('preview') }).strict();

export const LISTING_STAGE_LABELS: Record<ListingStage, { zh: string; en: string }> = {
  cultivating: { zh: '培育', en: 'Cultivating' },
  restructuring: { zh: '股改', en: 'Joint-stock reform' },
  coaching: { zh: '辅导', en: 'Coaching' },
  filing: { zh: '申报', en: 'Filed' },
  listed: { zh: '上市', en: 'Listed' },
};
export const RESPONSE_LABELS: Record<BankResponse, { zh: string; en: string }> = {
  pending: { zh: '待回应', en: 'Awaiting answer' },
  interested: { zh: '有意向', en: 'Interested' },
  declined: { zh: '婉拒', en: 'Declined' },
  offered: { zh: '已提供方案', en: 'Offer made' },
};

// ---- what the API returns (shared with the web) ----
export interface PublicationView {
  id: number;
  needId: number;
  bankId: number;
  bankName: string;
  publishedAt: string;
  response: BankResponse;
  reason: string | null;
  offerFen: number | null;
  respondedAt: string | null;
  grantedFen: number | null;
  grantedOn: string | null;
  landedFen: number | null;
  landedOn: string | null;
  version: number;
}

export interface NeedView {
  id: number;
  enterprise: { id: number; name: string; uscc: string };
  amountFen: number;
  termMonths: number;
  purpose: string;
  collateral: string;
  project: { id: number; name: string } | null;
  source: string;
  sourceRef: string | null;
  status: string;
  createdAt: string;
  version: number;
  publications: PublicationView[];
  grantedFen: number;
  landedFen: number;
}


export interface EventResult {
  days: number;
  offers: number;
  grantedFen: number;
  landedFen: number;
}
export interface EventListView {
  id: number;
  title: string;
  heldOn: string;
  place: string | null;
  banks: number;
  enterprises: number;
  needs: number;
  results: EventResult[];
}
export interface ProjectView {
  id: number;
  name: string;
  countyCode: string | null;
  banks: { bankId: number; bankName: string; grantedFen: number; landedFen: number }[];
  grantedFen: number;
  landedFen: number;
}
export interface ProjectsView {
  items: ProjectView[];
  totals: { projects: number; withCredit: number; grantedFen: number; landedFen: number };
}
export interface DeskView {
  id: number;
  enterprise: { id: number; name: string };
  problem: string;
  member: { id: number; name: string };
  bank: { id: number; name: string };
  presidentName: string;
  leadUnitId: number;
  status: string;
  createdAt: string;
  steps: { id: number; action: string; deadline: string; doneOn: string | null; overdue: boolean; itemId: number | null }[];
}
export interface ListingView {
  id: number;
  enterprise: { id: number; name: string };
  stage: ListingStage;
  exchange: string | null;
  board: string | null;
  version: number;
  history: { kind: string; on: string; fromStage: string | null; toStage: string | null; note: string | null; amountFen: number | null; resultId: number | null }[];
  subsidyFen: number;
}
export interface LoanStat {
  period: string;
  banks: number;
  balanceFen: number;
  privateFen: number;
  smeFen: number;
  /** shares of the city's own balance */
  privateShare: number | null;
  smeShare: number | null;
  region: { balanceFen: number; privateFen: number; smeFen: number; source: string } | null;
  /** the city's figures as shares of the region's */
  balanceOfRegion: number | null;
  privateOfRegion: number | null;
  smeOfRegion: number | null;
  source: string;
}
export interface ReturnPreview {
  bank: { id: number; name: string } | null;
  period: string;
  rows: number;
  balanceFen: number;
  privateFen: number;
  smeFen: number;
  problems: { path?: string; message: string; row?: number; column?: string }[];
  imported: boolean;
}
