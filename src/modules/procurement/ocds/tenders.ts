/**
 * A compiled release → the procurement module's tender shape: one tender per lot where the
 * release has lots (`tender.lots`), else one for the whole release, each with its submitted bids
 * (OCDS bids extension, `bids.details`). Invited and withdrawn bids are not bids that were made,
 * so they are left out; pending, valid and disqualified bids stay, with their status.
 */
import type { OcdsErrorDetail } from './errors.js';
import { isObject, type Json } from './releases.js';

export interface OcdsBid {
  /** The tenderer's identifier; a consortium's members' identifiers sorted and joined with "+"; '' if a tenderer has none. */
  bidderId: string;
  bidderName?: string;
  /** As published (a negative amount is kept for the caller to refuse); null when absent or not a number. */
  amount: number | null;
  currency?: string;
  date?: string;
  winner?: boolean;
  /** OCDS bidStatus: pending, valid, disqualified (or absent in unprepared data). */
  status?: string;
}

export interface OcdsTender {
  /** The release's ocid. */
  id: string;
  lotId?: string;
  title?: string;
  buyerId?: string;
  procurementMethod?: string;
  bids: OcdsBid[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** OCDS identifiers may be published as numbers; they are compared as strings. */
const ident = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The bidStatus codelist of the OCDS bids extension (codelists/bidStatus.csv). */
export const BID_STATUSES = ['invited', 'pending', 'valid', 'disqualified', 'withdrawn'] as const;
const BID_STATUS_SET = new Set<string>(BID_STATUSES);

/** Awards still standing: cancelled, unsuccessful and pending awards name no winner. */
const standing = (award: Json) => !['cancelled', 'unsuccessful', 'pending'].includes(text(award.status) ?? '');

/**
 * Bad bids do not stop the mapping, so that a preview can list every problem of a file: a bidder
 * without an identifier gets `bidderId: ''`, an amount that is not a number becomes `null`, a
 * negative one is kept. Each is also reported to `onProblem`, with its path inside the release.
 */
export function ocdsToTenders(release: Record<string, unknown>, onProblem?: (problem: OcdsErrorDetail) => void): OcdsTender[] {
  const ocid = ident(release.ocid);
  if (ocid === undefined) {
    onProblem?.({
      path: 'ocid',
      message: 'the release has no ocid, so its bids cannot be told apart from others',
      messageZh: '发布缺少 ocid，无法区分其投标',
    });
    return [];
  }
  const bidsObject = isObject(release.bids) ? release.bids : undefined;
  if (!bidsObject || !Array.isArray(bidsObject.details)) return [];
  const tender = isObject(release.tender) ? release.tender : {};
  const names = new Map<string, string>();
  for (const party of list(release.parties)) {
    if (isObject(party) && ident(party.id) && text(party.name)) names.set(ident(party.id)!, text(party.name)!);
  }

  // Who won which lot ('' = the whole tender, for awards without relatedLots).
  const winners = new Map<string, Set<string>>();
  for (const award of list(release.awards)) {
    if (!isObject(award) || !standing(award)) continue;
    const lots = list(award.relatedLots)
      .map(ident)
      .filter((l) => l !== undefined);
    for (const lot of lots.length ? lots : ['']) {
      const set = winners.get(lot) ?? new Set<string>();
      for (const supplier of list(award.suppliers)) if (isObject(supplier) && ident(supplier.id)) set.add(ident(supplier.id)!);
      winners.set(lot, set);
    }
  }
  const won = (ids: string[], lot: string) => ids.some((id) => winners.get(lot)?.has(id) || winners.get('')?.has(id));

  const bids: { bid: OcdsBid; memberIds: string[]; lots: string[] }[] = [];
  bidsObject.details.forEach((detail, i) => {
    if (!isObject(detail)) return;
    const status = text(detail.status);
    if (status === 'invited' || status === 'withdrawn') return;
    const at = `bids.details[${i}]`;
    const report = (path: string, en: string, zh: string) =>
      onProblem?.({ path, message: `${ocid}: ${path} ${en}`, messageZh: `${ocid}：${path} ${zh}` });
    if (status !== undefined && !BID_STATUS_SET.has(status)) {
      report(
        `${at}.status`,
        `"${status}" is not a bid status (${BID_STATUSES.join(', ')})`,
        `“${status}”不是规定的投标状态（${BID_STATUSES.join('、')}）`,
      );
    }
    const tenderers = list(detail.tenderers);
    if (tenderers.length === 0) report(`${at}.tenderers`, 'names no bidder', '未列明投标人');
    const memberIds = tenderers.map((t, j) => {
      const id = isObject(t) ? ident(t.id) : undefined;
      if (id === undefined) report(`${at}.tenderers[${j}].id`, 'is missing: a bidder needs an identifier', '缺失：投标人须有标识');
      return id ?? '';
    });
    const value = isObject(detail.value) ? detail.value : {};
    const raw = value.amount;
    const amount = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    if (raw !== undefined && raw !== null && (amount === null || amount < 0)) {
      report(`${at}.value.amount`, `must be a number ≥ 0, not ${JSON.stringify(raw)}`, `应为不小于 0 的数，而不是 ${JSON.stringify(raw)}`);
    }
    const memberNames = tenderers.map((t, j) => (isObject(t) ? text(t.name) : undefined) ?? names.get(memberIds[j]));
    const bid: OcdsBid = { bidderId: memberIds.length && memberIds.every((id) => id) ? [...memberIds].sort().join('+') : '', amount };
    if (memberNames.every((n) => n !== undefined)) bid.bidderName = memberNames.join('、');
    if (text(value.currency)) bid.currency = text(value.currency);
    if (text(detail.date)) bid.date = text(detail.date);
    if (status) bid.status = status;
    bids.push({
      bid,
      memberIds,
      lots: list(detail.relatedLots)
        .map(ident)
        .filter((l) => l !== undefined),
    });
  });

  const base = {
    id: ocid,
    ...(text(tender.title) ? { title: text(tender.title) } : {}),
    ...(isObject(release.buyer) && ident(release.buyer.id) ? { buyerId: ident(release.buyer.id) } : {}),
    ...(text(tender.procurementMethod) ? { procurementMethod: text(tender.procurementMethod) } : {}),
  };
  const lots = list(tender.lots)
    .filter(isObject)
    .filter((l) => ident(l.id) !== undefined);
  if (lots.length === 0) {
    // Without lots, a supplier of any standing award won the tender.
    const anyAward = new Set([...winners.values()].flatMap((set) => [...set]));
    return [{ ...base, bids: bids.map(({ bid, memberIds }) => ({ ...bid, winner: memberIds.some((id) => anyAward.has(id)) })) }];
  }
  return lots.map((lot) => {
    const lotId = ident(lot.id)!;
    // A bid that names no lot is taken to be for every lot (OCDS leaves relatedLots out then).
    const forLot = bids.filter((b) => b.lots.length === 0 || b.lots.includes(lotId));
    return {
      ...base,
      lotId,
      ...(text(lot.title) ? { title: text(lot.title) } : {}),
      bids: forLot.map(({ bid, memberIds }) => ({ ...bid, winner: won(memberIds, lotId) })),
    };
  });
}
