/**
 * The shapes the screening engine works on, whatever the source (CSV, trading-centre workbook,
 * OCDS): one tender or lot with its bids, each bid carrying the e-bidding system's document
 * metadata when the source has it (the Art. 40 signals compare those fields between bidders).
 */

/** Document and bidding metadata of one bid, as the trading centre's e-bidding system records it. */
export interface BidMeta {
  author?: string;
  lastSavedBy?: string;
  software?: string;
  machineId?: string;
  networkId?: string;
  depositAccount?: string;
  agent?: string;
  projectManager?: string;
  legalRepresentative?: string;
}

export const BID_META_FIELDS = [
  'author',
  'lastSavedBy',
  'software',
  'machineId',
  'networkId',
  'depositAccount',
  'agent',
  'projectManager',
  'legalRepresentative',
] as const satisfies readonly (keyof BidMeta)[];

export interface Bid {
  bidderId: string;
  bidderName?: string;
  amount: number;
  date?: string;
  /** Set when the source says who won; otherwise the lowest bid is taken as the winner. */
  winner?: boolean;
  meta?: BidMeta;
  /** What the enterprise registry says of the bidder (added at import; never stored with the bid). */
  registry?: BidderRegistry;
}

/** The bidder's legal representative and shareholders in the enterprise registry. */
export interface BidderRegistry {
  legalRepresentative?: string | undefined;
  shareholders?: string[] | undefined;
}

export interface Tender {
  /** Unique key of the screened unit: the tender id, or `tenderId/lotId` for a lot. */
  id: string;
  tenderId: string;
  lotId?: string;
  title?: string;
  buyerId?: string;
  /** YYYY-MM-DD of the bids (the month figures use it). */
  date?: string;
  /** Evaluated remotely across regions (远程异地评标), when the source says. */
  remoteEvaluation?: boolean;
  bids: Bid[];
}

export function tenderKey(tenderId: string, lotId?: string): string {
  return lotId ? `${tenderId}/${lotId}` : tenderId;
}

/** Why a flag fired: both languages, its inputs and the threshold it crossed. */
export interface Flag {
  code: string;
  why: string;
  whyEn: string;
  inputs: Record<string, unknown>;
  threshold?: number | string;
}
