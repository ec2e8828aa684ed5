/**
 * Statistical screens for bid rigging, per tender (or lot), computed from the bid amounts alone.
 *
 * Sources (the definitions below follow them; the tests recompute worked examples by hand):
 * - Imhof, D. (2017/2019) "Simple statistical screens to detect bid rigging", FSES WP 484;
 *   Imhof, Karagök & Rutz (2018) "Screening for bid rigging — does it work?", J. Competition Law &
 *   Economics 14(2): coefficient of variation, kurtosis, percentage difference of the two lowest
 *   bids (DIFFP), relative distance RD = (b2 − b1) / σ(losing bids), skewness.
 * - Huber, M. & Imhof, D. (2019) "Machine learning with screens for detecting bid-rigging
 *   cartels", Int. J. Industrial Organization 65: spread SPD = (max − min) / min, the normalised
 *   relative distance RDNOR, the alternative relative distance RDALT and the Kolmogorov–Smirnov
 *   statistic against a uniform distribution (KSTEST).
 * - Bias-corrected sample skewness and excess kurtosis as in Joanes & Gill (1998), "Comparing
 *   measures of sample skewness and kurtosis", The Statistician 47(1) (the G1/G2 of SAS/Excel).
 *
 * Collusion typically lowers CV, SPD and KS (bids squeezed together, cover bids placed just above
 * the designated winner), raises DIFFP and RD (a gap between the winner and the covers) and makes
 * the distribution skewed and peaked. A screen is `null` when the tender has fewer bids than it
 * needs (MIN_BIDS) or its denominator is zero: a one-bid tender is not an error.
 */

export interface Screens {
  /** Coefficient of variation: sample standard deviation / mean. */
  cv: number | null;
  /** Spread: (highest − lowest) / lowest. */
  spd: number | null;
  /** Percentage difference between the two lowest bids: (b2 − b1) / b1. */
  diffp: number | null;
  /** Relative distance: (b2 − b1) / standard deviation of the losing bids b2..bn. */
  rd: number | null;
  /** Normalised relative distance: (b2 − b1) / mean gap between adjacent bids b1..bn. */
  rdnor: number | null;
  /** Alternative relative distance: (b2 − b1) / mean gap between adjacent losing bids b2..bn. */
  rdalt: number | null;
  /** Bias-corrected sample excess kurtosis (G2). */
  kurt: number | null;
  /** Bias-corrected sample skewness (G1). */
  skew: number | null;
  /** Kolmogorov–Smirnov statistic D against a uniform with the bids' mean and standard deviation. */
  ks: number | null;
}

export type ScreenName = keyof Screens;

/** The fewest bids each screen needs (below this the screen is `null`). */
export const MIN_BIDS: Record<ScreenName, number> = {
  cv: 3,
  spd: 3,
  diffp: 2,
  rd: 3, // two losing bids at least for their standard deviation
  rdnor: 3,
  rdalt: 3,
  kurt: 4, // G2 divides by (n − 2)(n − 3)
  skew: 3, // G1 divides by (n − 2)
  ks: 3,
};

export const SCREEN_NAMES = Object.keys(MIN_BIDS) as ScreenName[];

const NONE: Screens = { cv: null, spd: null, diffp: null, rd: null, rdnor: null, rdalt: null, kurt: null, skew: null, ks: null };

/** Finite or null: a zero denominator gives no screen value rather than Infinity/NaN. */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * The screens of one tender. `amounts` are the bid amounts (any order, all > 0); the array is
 * sorted in place when it is a Float64Array (the bench hands one over to save a copy).
 */
export function computeScreens(amounts: ArrayLike<number>): Screens {
  const n = amounts.length;
  if (n < 2) return { ...NONE };
  const b = amounts instanceof Float64Array ? amounts.sort() : Float64Array.from(amounts).sort();

  let sum = 0;
  for (let i = 0; i < n; i++) sum += b[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = b[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const variance = n > 1 ? m2 / (n - 1) : 0;
  const sd = Math.sqrt(variance);
  const b1 = b[0]!;
  const b2 = b[1]!;
  const bn = b[n - 1]!;
  const gap12 = b2 - b1;

  const out: Screens = { ...NONE };
  out.diffp = finite(gap12 / b1);
  if (n >= MIN_BIDS.cv) out.cv = finite(sd / mean);
  if (n >= MIN_BIDS.spd) out.spd = finite((bn - b1) / b1);
  if (n >= MIN_BIDS.rd) {
    // standard deviation of the losing bids b2..bn (sample, n − 2 degrees of freedom)
    let ls = 0;
    for (let i = 1; i < n; i++) ls += b[i]!;
    const lm = ls / (n - 1);
    let lv = 0;
    for (let i = 1; i < n; i++) lv += (b[i]! - lm) ** 2;
    const lsd = Math.sqrt(lv / (n - 2));
    out.rd = lsd > 0 ? finite(gap12 / lsd) : null;
  }
  // The sums of adjacent gaps telescope: Σ_{i=1}^{n−1}(b_{i+1} − b_i) = bn − b1.
  if (n >= MIN_BIDS.rdnor && bn > b1) out.rdnor = finite((gap12 * (n - 1)) / (bn - b1));
  if (n >= MIN_BIDS.rdalt && bn > b2) out.rdalt = finite((gap12 * (n - 2)) / (bn - b2));
  if (sd > 0) {
    // Joanes & Gill (1998): G1 = n/((n−1)(n−2)) Σ((x−x̄)/s)³, G2 = n(n+1)/((n−1)(n−2)(n−3)) Σ((x−x̄)/s)⁴ − 3(n−1)²/((n−2)(n−3))
    const s3 = variance * sd;
    const s4 = variance * variance;
    if (n >= MIN_BIDS.skew) out.skew = finite((n / ((n - 1) * (n - 2))) * (m3 / s3));
    if (n >= MIN_BIDS.kurt) {
      out.kurt = finite(((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * (m4 / s4) - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3)));
    }
    if (n >= MIN_BIDS.ks) out.ks = ksUniform(b, mean, sd);
  }
  return out;
}

/**
 * One-sample Kolmogorov–Smirnov statistic D = max_i max(i/n − F(b_i), F(b_i) − (i−1)/n) for the
 * sorted bids against the uniform distribution with the same mean and standard deviation, i.e. on
 * [mean − √3·s, mean + √3·s] (Huber & Imhof 2019 test the bids' distribution for uniformity).
 */
function ksUniform(sorted: Float64Array, mean: number, sd: number): number {
  const n = sorted.length;
  const lo = mean - Math.sqrt(3) * sd;
  const width = 2 * Math.sqrt(3) * sd;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = Math.min(1, Math.max(0, (sorted[i]! - lo) / width));
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
