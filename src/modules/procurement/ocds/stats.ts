/**
 * The two numeric primitives cardinal-rs uses for its fences, reproduced bit for bit so that
 * borderline values are flagged exactly as upstream flags them.
 */

/**
 * The tau-th quantile as the Rust crate statrs computes it (`OrderStatistics::quantile`, used by
 * `lower_quartile`, `upper_quartile` and `percentile`): Hyndman–Fan definition 8,
 * h = (n + 1/3)·tau + 1/3, linear interpolation between the order statistics around h.
 * NaN for no data, as statrs returns.
 */
export function quantile(values: readonly number[], tau: number): number {
  const n = values.length;
  if (n === 0 || !(tau >= 0 && tau <= 1)) return NaN;
  const h = (n + 1 / 3) * tau + 1 / 3;
  const hf = Math.trunc(h);
  const sorted = [...values].sort((a, b) => a - b);
  if (hf <= 0 || tau === 0) return sorted[0];
  if (hf >= n || tau === 1) return sorted[n - 1];
  const a = sorted[hf - 1];
  const b = sorted[hf];
  return a + (h - hf) * (b - a);
}

/** x = mantissa · 2^exponent exactly (x finite). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mantissa |= 1n << 52n;
  return { mantissa: sign * mantissa, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/**
 * Fused multiply-add a·b + c with a single rounding, like Rust's `f64::mul_add`, which cardinal-rs
 * uses for its fences (q1 − 1.5·IQR and q3 + 1.5·IQR). JavaScript has no FMA, and `a*b+c` rounds
 * twice, so a value lying exactly on a fence could be flagged differently. The exact sum is formed
 * as a BigInt and rounded once (BigInt → Number rounds to nearest, ties to even).
 */
export function mulAdd(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || a === 0 || b === 0) return a * b + c;
  const x = decompose(a);
  const y = decompose(b);
  const z = decompose(c);
  const productExponent = x.exponent + y.exponent;
  const e = Math.min(productExponent, z.exponent);
  const sum = ((x.mantissa * y.mantissa) << BigInt(productExponent - e)) + (z.mantissa << BigInt(z.exponent - e));
  if (sum === 0n) return a * b + c; // exact zero: keep IEEE's sign rules
  const rounded = Number(sum);
  // Scaling by a power of two is exact while the result stays normal (always so for fences of ratios).
  return e >= -1022 ? rounded * 2 ** e : rounded * 2 ** (e + 1022) * 2 ** -1022;
}
