import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { plainText } from '../text.js';
import { isoDate } from './date.js';
import { idValue } from './id.js';

/** Request and response shapes of the procurement module (串通投标预警); the web client imports them. */

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
};

export const idParam = z.object({ id: idValue }).strict();

export const flagView = z.object({
  code: z.string(),
  why: z.string(),
  whyEn: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  threshold: z.union([z.number(), z.string()]).optional(),
});
export type FlagView = z.infer<typeof flagView>;

const screen = z.number().nullable();
export const screensView = z.object({
  cv: screen,
  spd: screen,
  diffp: screen,
  rd: screen,
  rdnor: screen,
  rdalt: screen,
  kurt: screen,
  skew: screen,
  ks: screen,
});
export type ScreensView = z.infer<typeof screensView>;

export const problemView = z.object({ line: z.number(), column: z.string().optional(), message: z.string() });

export const tenderListItem = z.object({
  id: z.number(),
  key: z.string(),
  tenderId: z.string(),
  lotId: z.string().nullable(),
  title: z.string().nullable(),
  bidDate: z.string().nullable(),
  bidCount: z.number(),
  risk: z.number(),
  suspect: z.boolean(),
  flagCount: z.number(),
  flagCodes: z.array(z.string()),
  label: z.number().nullable(),
});
export type TenderListItem = z.infer<typeof tenderListItem>;

export const tenderListQuery = z
  .object({
    q: z.string().max(LIMITS.searchText.max).optional(),
    suspect: z.enum(['true', 'false']).optional(),
    flagged: z.enum(['true', 'false']).optional(),
    ...page,
  })
  .strict();
export const tenderList = z.object({ items: z.array(tenderListItem), total: z.number() });

export const bidView = z.object({
  bidderId: z.string(),
  bidderName: z.string().nullable(),
  amount: z.number(),
  winner: z.boolean(),
  meta: z.record(z.string(), z.string()),
});

export const groupRef = z.object({ id: z.number(), code: z.string(), risk: z.number(), members: z.number() });

export const tenderView = tenderListItem.extend({
  /** The buyer (招标人/采购人) as the source names it: its own red flags are on the parties page. */
  buyerId: z.string().nullable(),
  screens: screensView,
  flags: z.array(flagView),
  bids: z.array(bidView),
  groups: z.array(groupRef),
  cases: z.array(z.object({ id: z.number(), stage: z.string(), outcome: z.string().nullable() })),
  remoteEvaluation: z.boolean().nullable(),
});
export type TenderView = z.infer<typeof tenderView>;

export const importQuery = z
  .object({ dryRun: z.enum(['true', 'false']).optional(), format: z.enum(['csv', 'xlsx', 'ocds']).optional() })
  .strict();
export const importResult = z.object({
  dryRun: z.boolean(),
  filename: z.string(),
  format: z.string(),
  tenders: z.number(),
  bids: z.number(),
  suspect: z.number(),
  flagged: z.number(),
  pairs: z.number(),
  groups: z.number(),
  importId: z.number().nullable(),
  /** The most suspicious tenders of the file, for the preview. */
  top: z.array(z.object({ key: z.string(), bids: z.number(), risk: z.number(), suspect: z.boolean(), flagCodes: z.array(z.string()) })),
});
export type ImportResult = z.infer<typeof importResult>;

export const memberView = z.object({ bidderId: z.string(), name: z.string().nullable() });
export const groupView = z.object({
  id: z.number(),
  code: z.string(),
  members: z.array(memberView),
  tenders: z.number(),
  wins: z.record(z.string(), z.number()),
  risk: z.number(),
  flags: z.array(flagView),
});
export type GroupView = z.infer<typeof groupView>;
export const partyRoles = ['Buyer', 'ProcuringEntity'] as const;
export const partyFlagListQuery = z
  .object({ role: z.enum(partyRoles).optional(), party: z.string().max(200).optional(), ...page })
  .strict();
/** A buyer or procuring entity with its OCDS red flags (each with why, inputs and threshold). */
export const partyFlagList = z.object({
  /** `name` as the OCDS file gave it (parties, buyer or procuring entity); null when it gave none. */
  items: z.array(
    z.object({
      partyId: z.string(),
      name: z.string().nullable(),
      role: z.enum(partyRoles),
      flags: z.array(flagView),
      updatedAt: z.string(),
    }),
  ),
  total: z.number(),
});
export type PartyFlagList = z.infer<typeof partyFlagList>;
export const groupList = z.object({ items: z.array(groupView), total: z.number() });
export const groupListQuery = z.object({ bidder: z.string().max(60).optional(), ...page }).strict();

export const networkView = z.object({
  group: groupView,
  nodes: z.array(
    z.object({ id: z.string(), name: z.string(), member: z.boolean(), risk: z.number(), tenders: z.number(), wins: z.number() }),
  ),
  edges: z.array(z.object({ source: z.string(), target: z.string(), coBids: z.number(), flags: z.array(z.string()) })),
});
export type NetworkView = z.infer<typeof networkView>;

export const bidderParam = z.object({ bidderId: z.string().min(1).max(60) }).strict();
export const bidderView = z.object({
  bidderId: z.string(),
  name: z.string().nullable(),
  tenders: z.array(
    z.object({
      id: z.number(),
      key: z.string(),
      title: z.string().nullable(),
      bidDate: z.string().nullable(),
      amount: z.number(),
      winner: z.boolean(),
      risk: z.number(),
      suspect: z.boolean(),
      bidCount: z.number(),
    }),
  ),
  groups: z.array(groupRef),
  pairs: z.array(z.object({ other: z.string(), otherName: z.string().nullable(), coBids: z.number(), flags: z.array(flagView) })),
  /** The OCDS red flags about this party as a tenderer (cardinal-rs's Tenderer level), from the last OCDS file naming it. */
  redFlags: z.array(flagView),
});
export type BidderView = z.infer<typeof bidderView>;

export const CASE_STAGES = ['lead', 'verification', 'disposed'] as const;
export const CASE_OUTCOMES = ['referred', 'penalised', 'cleared'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const caseListItem = z.object({
  id: z.number(),
  subject: z.enum(['tender', 'group']),
  title: z.string(),
  stage: z.enum(CASE_STAGES),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  tenderId: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type CaseListItem = z.infer<typeof caseListItem>;
export const caseList = z.object({ items: z.array(caseListItem), total: z.number() });
export const caseListQuery = z.object({ stage: z.enum(CASE_STAGES).optional(), ...page }).strict();

export const caseView = caseListItem.extend({
  members: z.array(z.string()),
  events: z.array(
    z.object({ id: z.number(), kind: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.string() }),
  ),
});
export type CaseView = z.infer<typeof caseView>;

export const createCaseBody = z.union([
  z.object({ tenderId: z.number().int().positive(), note: plainText(2000).optional() }).strict(),
  z.object({ groupId: z.number().int().positive(), note: plainText(2000).optional() }).strict(),
]);
export type CreateCaseBody = z.infer<typeof createCaseBody>;
export const verifyCaseBody = z
  .object({
    unitId: z.number().int().positive(),
    workdays: z.number().int().min(1).max(60),
    note: plainText(2000).optional(),
    version: z.number().int().positive(),
  })
  .strict();
export const evidenceBody = z.object({ note: plainText(2000).min(1) }).strict();
export const outcomeBody = z
  .object({ outcome: z.enum(CASE_OUTCOMES), note: plainText(2000).min(1), version: z.number().int().positive() })
  .strict();

/** The four kinds of agency misconduct (招标代理"四类"违法违规行为) — the default checklist. */
export const DEFAULT_MISCONDUCT = ['collusion_assist', 'illegal_subcontract', 'false_materials', 'improper_fees'] as const;

export const campaignListItem = z.object({
  id: z.number(),
  name: z.string(),
  checklist: z.array(z.string()),
  projects: z.number(),
  checked: z.number(),
  amount: z.number(),
  problems: z.number(),
  verified: z.number(),
  createdAt: z.string(),
});
export type CampaignListItem = z.infer<typeof campaignListItem>;
export const campaignList = z.object({ items: z.array(campaignListItem) });
export const createCampaignBody = z
  .object({ name: plainText(200).min(1), checklist: z.array(plainText(40).min(1)).min(1).max(20).optional() })
  .strict();

export const campaignProjectBody = z
  .object({
    projects: z
      .array(
        z
          .object({
            code: plainText(100).min(1),
            name: plainText(300).min(1),
            agency: plainText(200).min(1),
            amount: z.number().nonnegative().max(1e12),
            checked: z.boolean().default(true),
            /** When it was checked (default: today, for a checked project); the bulletin counts it from then. */
            checkedOn: isoDate.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();
/** A problem found; with a unit (and deadline) it is also followed to rectification as a work-list problem item. */
export const campaignProblemBody = z
  .object({
    projectId: z.number().int().positive(),
    misconduct: z.string().min(1).max(40),
    description: plainText(2000).min(1),
    unitId: z.number().int().positive().optional(),
    deadline: isoDate.optional(),
  })
  .strict();
export const campaignProblemParams = z.object({ id: idValue, problemId: idValue }).strict();

export const campaignView = campaignListItem.extend({
  projects: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      agency: z.string(),
      amount: z.number(),
      checked: z.boolean(),
      checkedOn: z.string().nullable(),
      problems: z.number(),
    }),
  ),
  problems: z.array(
    z.object({
      id: z.number(),
      projectId: z.number(),
      projectCode: z.string(),
      agency: z.string(),
      misconduct: z.string(),
      description: z.string(),
      verified: z.boolean(),
      verifiedOn: z.string().nullable(),
      itemId: z.number().nullable(),
    }),
  ),
  byAgency: z.array(z.object({ agency: z.string(), projects: z.number(), problems: z.number(), verified: z.number() })),
  byMisconduct: z.array(z.object({ misconduct: z.string(), problems: z.number(), verified: z.number() })),
});
export type CampaignView = z.infer<typeof campaignView>;

export const campaignProjectsImportQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() }).strict();
/** A projects file read: its totals and first rows (preview), and after the commit the campaign as it now is. */
export const campaignProjectsImportResult = z.object({
  dryRun: z.boolean(),
  filename: z.string(),
  projects: z.number(),
  checked: z.number(),
  amount: z.number(),
  preview: z.array(
    z.object({
      line: z.number(),
      code: z.string(),
      name: z.string(),
      agency: z.string(),
      amount: z.number(),
      checked: z.boolean(),
      checkedOn: z.string().nullable(),
    }),
  ),
  campaign: campaignView.nullable(),
});
export type CampaignProjectsImportResult = z.infer<typeof campaignProjectsImportResult>;

export const figuresView = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      tendersScreened: z.number(),
      lotsFlagged: z.number(),
      biddersFlagged: z.number(),
      remoteEvaluations: z.number(),
      expertPool: z.number().nullable(),
    }),
  ),
});
export type FiguresView = z.infer<typeof figuresView>;
export const expertPoolParams = z
  .object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM / a month is YYYY-MM') })
  .strict();
export const expertPoolBody = z.object({ size: z.number().int().min(0).max(1_000_000), source: plainText(200).min(1) }).strict();
