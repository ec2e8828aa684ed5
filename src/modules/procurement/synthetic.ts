import type { BidMeta, Tender } from './tender.js';

/**
 * Synthetic tenders, competitive or collusive, for the risk model's calibration set, the bench
 * file and the demo data. Clearly invented: bidders are named 示例投标人. The collusive patterns
 * follow what the screening literature observed in real cartels (Imhof 2019; Huber & Imhof 2019):
 * a designated winner with a higher mark-up and cover bids placed a few per cent above it, bids
 * squeezed together, or a cartel of part of the bidders next to competitive outsiders.
 */

/** Mulberry32: a small seeded generator, so every synthetic set is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

const uniform = (rng: () => number, lo: number, hi: number) => lo + (hi - lo) * rng();

export type Pattern = 'competitive' | 'cover' | 'compressed' | 'partial';

/**
 * Bid amounts (yuan, whole fen) of one tender with `n` bidders and engineer's estimate `estimate`.
 * The first amount is the designated winner's in the collusive patterns.
 */
export function syntheticAmounts(rng: () => number, pattern: Pattern, n: number, estimate: number): number[] {
  const competitive = () => estimate * Math.exp(0.06 * normal(rng)) * (1 + uniform(rng, 0.03, 0.12));
  const fen = (x: number) => Math.round(x * 100) / 100;
  if (pattern === 'competitive') return Array.from({ length: n }, () => fen(competitive()));
  if (pattern === 'compressed') {
    const level = estimate * (1 + uniform(rng, 0.08, 0.16));
    return Array.from({ length: n }, () => fen(level * (1 + 0.008 * normal(rng))));
  }
  const winner = estimate * Math.exp(0.04 * normal(rng)) * (1 + uniform(rng, 0.08, 0.16));
  const cover = () => winner * (1 + uniform(rng, 0.02, 0.06));
  if (pattern === 'cover') return [fen(winner), ...Array.from({ length: n - 1 }, () => fen(cover()))];
  // partial: about half the bidders are the cartel, the rest bid competitively
  const members = Math.max(2, Math.floor(n / 2));
  return [
    fen(winner),
    ...Array.from({ length: members - 1 }, () => fen(cover())),
    ...Array.from({ length: n - members }, () => fen(competitive())),
  ];
}

/** One labelled synthetic tender, with document metadata that cartels share more often. */
export function syntheticTender(rng: () => number, index: number, pattern: Pattern, bidderPool: number): Tender {
  const n = 3 + Math.floor(rng() * 10);
  const estimate = Math.round(uniform(rng, 2e5, 2e7));
  const amounts = syntheticAmounts(rng, pattern, n, estimate);
  const ids = new Set<number>();
  while (ids.size < n) ids.add(Math.floor(rng() * bidderPool));
  const bidders = [...ids];
  const meta: BidMeta[] = bidders.map((b) => ({ machineId: `M${b}`, depositAccount: `622200${String(b).padStart(8, '0')}` }));
  const shareChance = pattern === 'competitive' ? 0.02 : 0.25;
  if (rng() < shareChance) meta[1]!.machineId = meta[0]!.machineId;
  const id = `SYN-${String(index).padStart(6, '0')}`;
  return {
    id,
    tenderId: id,
    bids: amounts.map((amount, i) => ({ bidderId: `B${bidders[i]}`, bidderName: `示例投标人${bidders[i]}`, amount, meta: meta[i]! })),
  };
}
