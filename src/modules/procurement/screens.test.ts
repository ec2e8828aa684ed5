import { describe, expect, it } from 'vitest';
import { computeScreens } from './screens.js';

describe('bid-rigging screens', () => {
  it('gives the hand-computed values for four evenly spaced bids', () => {
    // bids 100, 110, 120, 130: mean 115, deviations −15, −5, 5, 15
    // Σd² = 500, s² = 500/3, s = 12.909944; CV = 12.909944/115 = 0.1122604
    // SPD = (130 − 100)/100 = 0.3; DIFFP = (110 − 100)/100 = 0.1
    // losing bids 110, 120, 130: sd = √((100 + 0 + 100)/2) = 10 → RD = 10/10 = 1
    // RDNOR = 10 / ((130 − 100)/3) = 1; RDALT = 10 / ((130 − 110)/2) = 1
    // symmetric → G1 = 0; Σd⁴ = 102 500, s⁴ = 27 777.78, ratio 3.69:
    // G2 = 4·5/(3·2·1)·3.69 − 3·3²/(2·1) = 12.3 − 13.5 = −1.2
    // KS against uniform on 115 ± √3·s = [92.6393, 137.3607]: F = 0.164590, 0.388197, 0.611803, 0.835410;
    // D = max(0.25 − 0.164590, 0.164590 − 0, 0.5 − 0.388197, 0.388197 − 0.25, …) = 0.164590
    const s = computeScreens([130, 100, 120, 110]);
    expect(s.cv).toBeCloseTo(0.1122604, 6);
    expect(s.spd).toBeCloseTo(0.3, 12);
    expect(s.diffp).toBeCloseTo(0.1, 12);
    expect(s.rd).toBeCloseTo(1, 12);
    expect(s.rdnor).toBeCloseTo(1, 12);
    expect(s.rdalt).toBeCloseTo(1, 12);
    expect(s.skew).toBeCloseTo(0, 12);
    expect(s.kurt).toBeCloseTo(-1.2, 10);
    expect(s.ks).toBeCloseTo(0.16459, 5);
  });

  it('matches an independent computation (SciPy 1.17) for a cover-bidding pattern', () => {
    // A winner at 100 and covers at 120–123. Expected values computed outside this code with
    // numpy/scipy: std(ddof=1)/mean, stats.skew(bias=False), stats.kurtosis(bias=False),
    // stats.kstest(b, uniform(loc=mean − √3·s, scale=2√3·s).cdf).statistic
    // By hand: mean 117.2, Σd² = 374.8, s² = 93.7, s = 9.679876, CV = 0.0825928;
    // losing bids 120..123: sd = 1.290994, RD = 20/1.290994 = 15.49193;
    // RDNOR = 20/(23/4) = 3.478261; RDALT = 20/(3/3) = 20
    const s = computeScreens([100, 120, 121, 122, 123]);
    expect(s.cv).toBeCloseTo(0.0825928, 6);
    expect(s.spd).toBeCloseTo(0.23, 12);
    expect(s.diffp).toBeCloseTo(0.2, 12);
    expect(s.rd).toBeCloseTo(15.491933, 5);
    expect(s.rdnor).toBeCloseTo(3.478261, 5);
    expect(s.rdalt).toBeCloseTo(20, 10);
    expect(s.skew).toBeCloseTo(-2.161842, 5);
    expect(s.kurt).toBeCloseTo(4.735896, 5);
    expect(s.ks).toBeCloseTo(0.383502, 5);
  });

  it('leaves a screen null when the tender has too few bids, and one bid is not an error', () => {
    expect(Object.values(computeScreens([250_000])).every((v) => v === null)).toBe(true);
    const two = computeScreens([100, 104]);
    expect(two.diffp).toBeCloseTo(0.04, 12);
    expect([two.cv, two.spd, two.rd, two.kurt, two.skew, two.ks]).toEqual([null, null, null, null, null, null]);
    const three = computeScreens([100, 104, 110]);
    expect(three.skew).not.toBeNull();
    expect(three.kurt).toBeNull(); // needs four
  });

  it('gives null rather than Infinity when the losing bids are identical', () => {
    const s = computeScreens([100, 120, 120, 120]);
    expect(s.rd).toBeNull();
    expect(s.rdalt).toBeNull();
    expect(s.rdnor).toBeCloseTo(3, 12); // 20 / (20/3)
  });
});
