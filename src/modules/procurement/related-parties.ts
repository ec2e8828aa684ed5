import type { Executor } from '../../db/database.js';
import { registryOwnership, type RegistryOwnership } from '../policies/index.js';
import type { Tender } from './tender.js';

/**
 * The enterprise registry's side of the related-party signal (Art. 39): bidders identified by a
 * unified social credit code get their registered legal representative and shareholders attached
 * before screening. Lookups are cached per bidder (bidders recur across tenders) and made in
 * batches, so a large import costs one query per few hundred new bidders, not one per bid.
 */

const USCC_AT_END = /([0-9A-HJ-NPQRTUWXY]{18})$/;

/** The credit code inside a bidder id (`9115…`, or an OCDS id such as `CN-USCC-9115…`). */
export function usccOfBidder(bidderId: string): string | undefined {
  return USCC_AT_END.exec(bidderId.trim().toUpperCase())?.[1];
}

/** Attaches the registry's facts to the tenders' bids, reading through `db` (a transaction inside one). */
export type RegistryAttacher = (tenders: Tender[], db: Executor) => Promise<void>;

export function registryAttacher(): RegistryAttacher {
  const cache = new Map<string, RegistryOwnership | null>();
  return async (tenders, db) => {
    const missing = new Set<string>();
    for (const t of tenders)
      for (const b of t.bids) {
        const uscc = usccOfBidder(b.bidderId);
        if (uscc && !cache.has(uscc)) missing.add(uscc);
      }
    if (missing.size) {
      const found = await registryOwnership(db, [...missing]);
      for (const uscc of missing) cache.set(uscc, found.get(uscc) ?? null);
    }
    for (const t of tenders)
      for (const b of t.bids) {
        const uscc = usccOfBidder(b.bidderId);
        const owner = uscc ? cache.get(uscc) : null;
        if (owner) b.registry = { legalRepresentative: owner.legalRepresentative ?? undefined, shareholders: owner.shareholders };
      }
  };
}
