import { describe, expect, it } from 'vitest';
import { mulAdd, quantile } from './stats.js';

describe('quantile (statrs, Hyndman–Fan type 8)', () => {
  // Expected values by hand, h = (n + 1/3)·tau + 1/3, and equal to R's quantile(x, p, type = 8).
  it('interpolates between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(17 / 12, 14); // h = 1.41667: 1 + 0.41667·(2 − 1)
    expect(quantile([4, 1, 3, 2], 0.75)).toBeCloseTo(43 / 12, 14); // h = 3.58333: 3 + 0.58333·(4 − 3)
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.75)).toBeCloseTo(97 / 12, 14); // h = 8.08333
  });

  it('returns the extremes at the ends and NaN without data', () => {
    expect(quantile([5], 0.25)).toBe(5);
    expect(quantile([2, 9, 4], 0)).toBe(2);
    expect(quantile([2, 9, 4], 1)).toBe(9);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('mulAdd (fused multiply-add, one rounding)', () => {
  it('keeps the low bits a separate multiply and add lose', () => {
    // 0.1 is 0x3FB999999999999A; 0.1 × 10 is exactly 1 + 2^-54, which rounds to 1 before the subtraction.
    expect(0.1 * 10 - 1).toBe(0);
    expect(mulAdd(0.1, 10, -1)).toBe(2 ** -54);
  });

  it('gives exact results where there is nothing to round, including the fences', () => {
    expect(mulAdd(3, -1.5, 5)).toBe(0.5);
    expect(mulAdd(0.25, 1.5, 0.5)).toBe(0.875);
    expect(mulAdd(-2, 3, 6)).toBe(0);
  });
});
