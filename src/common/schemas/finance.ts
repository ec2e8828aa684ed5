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
export const bankView = z.object({
  id: z.number(),
  name: z.string(),
  userIds: z.array(z.number()),
  users: z.array(z.object({ id: z.number(), name: z.string() })),
  version: z.number(),
});
export type BankView = z.infer<typeof bankView>;
export const bankUserBody = z.object({ userId: z.number().int().positive() }).strict();
/** The users the office may pick: bank account managers to link, office or specialist staff as task-force members. */
export const financeUsersQuery = z.object({ role: z.enum(['bank', 'office', 'specialist']) }).strict();
export const financeUserView = z.object({ id: z.number(), name: z.string(), username: z.string(), unitName: z.string().nullable() });

export const projectBody = z
  .object({
    name: plainText(200),
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .optional(),
  })
  .strict();

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
  .object({
    bankIds: z.array(z.number().int().positive()).min(1).max(50),
    projectId: z.number().int().positive().nullable().optional(),
    version,
  })
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
    if (b.response === 'declined' && !b.reason)
      c.addIssue({ code: 'custom', path: ['reason'], message: '婉拒须说明原因 / a decline needs a reason' });
    if (b.response === 'offered' && b.offerAmount === undefined)
      c.addIssue({ code: 'custom', path: ['offerAmount'], message: '请填写授信意向金额 / state the amount offered' });
  });
export type RespondBody = z.infer<typeof respondBody>;

export const creditBody = z.object({ amount: yuan, on: isoDate, version }).strict();
export type CreditBody = z.infer<typeof creditBody>;

export const needQuery = z
  .object({
    enterpriseId: z.coerce.number().int().positive().optional(),
    status: z.enum(NEED_STATUSES).optional(),
    projectId: z.coerce.number().int().positive().optional(),
  })
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
export const followupBody = z
  .object({ text: text(500), needId: z.number().int().positive().nullable().optional(), dueOn: isoDate.nullable().optional() })
  .strict();

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
  .object({
    enterpriseId: z.number().int().positive(),
    stage: z.enum(LISTING_STAGES),
    exchange: z.string().trim().max(40).nullable().optional(),
    board: z.string().trim().max(40).nullable().optional(),
  })
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
export const listingServiceBody = z
  .object({ kind: z.enum(LISTING_SERVICES), on: isoDate, note: z.string().trim().max(500).optional() })
  .strict();
export const listingSubsidyBody = z
  .object({ resultId: z.number().int().positive(), amount: yuan, paidOn: isoDate, resultVersion: version })
  .strict();

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

// ---- what the API returns (the routes' response schemas; the web reads them through the typed client) ----
const fen = z.number().int();
export const publicationView = z.object({
  id: z.number(),
  needId: z.number(),
  bankId: z.number(),
  bankName: z.string(),
  publishedAt: z.string(),
  response: z.enum(RESPONSES),
  reason: z.string().nullable(),
  offerFen: fen.nullable(),
  respondedAt: z.string().nullable(),
  grantedFen: fen.nullable(),
  grantedOn: z.string().nullable(),
  landedFen: fen.nullable(),
  landedOn: z.string().nullable(),
  version: z.number(),
});
export type PublicationView = z.infer<typeof publicationView>;
export const needView = z.object({
  id: z.number(),
  enterprise: z.object({ id: z.number(), name: z.string(), uscc: z.string() }),
  amountFen: fen,
  termMonths: z.number(),
  purpose: z.string(),
  collateral: z.string(),
  project: z.object({ id: z.number(), name: z.string() }).nullable(),
  source: z.string(),
  sourceRef: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  version: z.number(),
  publications: z.array(publicationView),
  grantedFen: fen,
  landedFen: fen,
});
export type NeedView = z.infer<typeof needView>;
export const needList = z.object({ items: z.array(needView) });

export const eventResult = z.object({ days: z.number(), offers: z.number(), grantedFen: fen, landedFen: fen });
export type EventResult = z.infer<typeof eventResult>;
export const eventListView = z.object({
  id: z.number(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  banks: z.number(),
  enterprises: z.number(),
  needs: z.number(),
  results: z.array(eventResult),
});
export type EventListView = z.infer<typeof eventListView>;
const named = z.object({ id: z.number(), name: z.string() });
export const eventView = z.object({
  id: z.number(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  banks: z.array(named),
  enterprises: z.array(named),
  needs: z.array(z.object({ id: z.number(), enterpriseId: z.number(), purpose: z.string(), amountFen: fen })),
  followups: z.array(
    z.object({
      id: z.number(),
      needId: z.number().nullable(),
      text: z.string(),
      dueOn: z.string().nullable(),
      doneOn: z.string().nullable(),
    }),
  ),
  results: z.array(eventResult),
});

export const projectView = z.object({
  id: z.number(),
  name: z.string(),
  countyCode: z.string().nullable(),
  banks: z.array(z.object({ bankId: z.number(), bankName: z.string(), grantedFen: fen, landedFen: fen })),
  grantedFen: fen,
  landedFen: fen,
});
export type ProjectView = z.infer<typeof projectView>;
export const projectsView = z.object({
  items: z.array(projectView),
  totals: z.object({ projects: z.number(), withCredit: z.number(), grantedFen: fen, landedFen: fen }),
});
export type ProjectsView = z.infer<typeof projectsView>;

export const deskView = z.object({
  id: z.number(),
  enterprise: named,
  problem: z.string(),
  member: named,
  bank: named,
  presidentName: z.string(),
  leadUnitId: z.number(),
  status: z.string(),
  createdAt: z.string(),
  steps: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      deadline: z.string(),
      doneOn: z.string().nullable(),
      overdue: z.boolean(),
      itemId: z.number().nullable(),
    }),
  ),
});
export type DeskView = z.infer<typeof deskView>;

export const listingView = z.object({
  id: z.number(),
  enterprise: named,
  stage: z.enum(LISTING_STAGES),
  exchange: z.string().nullable(),
  board: z.string().nullable(),
  version: z.number(),
  history: z.array(
    z.object({
      kind: z.string(),
      on: z.string(),
      fromStage: z.string().nullable(),
      toStage: z.string().nullable(),
      note: z.string().nullable(),
      amountFen: fen.nullable(),
      resultId: z.number().nullable(),
    }),
  ),
  subsidyFen: fen,
});
export type ListingView = z.infer<typeof listingView>;

const share = z.number().nullable();
export const loanStat = z.object({
  period: z.string(),
  banks: z.number(),
  balanceFen: fen,
  privateFen: fen,
  smeFen: fen,
  /** shares of the city's own balance */
  privateShare: share,
  smeShare: share,
  region: z.object({ balanceFen: fen, privateFen: fen, smeFen: fen, source: z.string() }).nullable(),
  /** the city's figures as shares of the region's */
  balanceOfRegion: share,
  privateOfRegion: share,
  smeOfRegion: share,
  source: z.string(),
});
export type LoanStat = z.infer<typeof loanStat>;
export const loanStatList = z.object({ items: z.array(loanStat) });

export const returnPreview = z.object({
  bank: named.nullable(),
  period: z.string(),
  rows: z.number(),
  balanceFen: fen,
  privateFen: fen,
  smeFen: fen,
  problems: z.array(
    z.object({ path: z.string().optional(), message: z.string(), row: z.number().optional(), column: z.string().optional() }),
  ),
  imported: z.boolean(),
});
export type ReturnPreview = z.infer<typeof returnPreview>;
export const escalationResult = z.object({ escalated: z.number() });
export const indicatorsPosted = z.object({ period: z.string(), written: z.array(z.string()) });
