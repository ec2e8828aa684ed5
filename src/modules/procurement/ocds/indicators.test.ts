/**
 * Semantics the golden fixtures touch lightly, on small hand-made releases with hand-computed results.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, describeIndicator, explainResults, type IndicatorMeta, parseSettings } from './index.js';

const bid = (tenderer: string, amount: number, status = 'valid', currency = 'USD') => ({
  status,
  tenderers: [{ id: tenderer }],
  value: { amount, currency },
});
const release = (ocid: string, details: unknown[], extra: Record<string, unknown> = {}) => ({
  ocid,
  bids: { details },
  awards: [{ status: 'active', suppliers: [{ id: 'W' }] }],
  ...extra,
});

describe('computeIndicators', () => {
  it('skips excluded procurementMethodDetails, cancelled tenders and releases without an ocid', () => {
    const settings = parseSettings('[exclusions]\nprocurement_method_details = Framework|Lottery\n[R018]\n');
    const single = { numberOfTenderers: 1, procurementMethod: 'open' };
    const results = computeIndicators(
      [
        { ocid: 'kept', tender: single },
        { ocid: 'excluded', tender: { ...single, procurementMethodDetails: 'Lottery' } },
        { ocid: 'cancelled', tender: { ...single, status: 'cancelled' } },
        { tender: single },
        'not a release',
      ],
      settings,
    );
    expect(results).toEqual({ OCID: { kept: { R018: 1 } } });
  });

  it('compares only bids in the chosen currency (R036), or in the first currency seen', () => {
    // Lowest USD bid (50) is disqualified while a valid USD bid remains; the EUR bid is not comparable.
    const details = [bid('D', 50, 'disqualified'), bid('W', 100), bid('E', 10, 'valid', 'EUR')];
    expect(computeIndicators([release('usd', details)], parseSettings('currency = USD\n[R036]\n'))).toEqual({ OCID: { usd: { R036: 1 } } });
    expect(computeIndicators([release('usd', details)], parseSettings('[R036]\n'))).toEqual({ OCID: { usd: { R036: 1 } } });
    // In euros only E's valid bid counts: the lowest is not disqualified.
    expect(computeIndicators([release('usd', details)], parseSettings('currency = EUR\n[R036]\n'))).toEqual({});
  });

  it('leaves out methods without price competition (R028), or keeps only the listed ones', () => {
    const same = (ocid: string, details: string) =>
      release(ocid, [bid('A', 10), bid('B', 10)], { tender: { procurementMethodDetails: details } });
    const data = [same('auction', 'Auction'), same('lottery', 'Lottery')];
    const flagged = (ini: string) => Object.keys(computeIndicators(data, parseSettings(ini)).OCID ?? {});
    expect(flagged('[R028]\n')).toEqual(['auction', 'lottery']);
    expect(flagged('no_price_comparison_procurement_methods = Lottery\n[R028]\n')).toEqual(['auction']);
    expect(flagged('price_comparison_procurement_methods = Lottery\n[R028]\n')).toEqual(['lottery']);
  });

  it('flags a heavily discounted winning bid (R058) at a set threshold and reports its fence', () => {
    // Winner W bids 100, the next-lowest valid bid is 200: (200 − 100) / 100 = 1.
    const meta: IndicatorMeta = {};
    const results = computeIndicators(
      [release('far', [bid('W', 100), bid('L', 200), bid('M', 300)])],
      parseSettings('[R058]\nthreshold = 0.5\n'),
      { meta },
    );
    expect(results).toEqual({ OCID: { far: { R058: 1 } }, Tenderer: { W: { R058: 0 } } });
    expect(meta).toEqual({ R058: { upper_fence: 0.5 } });
  });

  it('computes the fences from the data when no threshold is set (R058: Q3 + 1.5 × IQR)', () => {
    // Ratios 0.01, 0.02, 0.03, 0.04, 2: Q1 (h = 1.6667) = 0.01667, Q3 (h = 4.3333) = 0.04 + 0.3333·1.96 = 0.69333,
    // fence = 0.69333 + 1.5 × 0.67667 = 1.70833: only the ratio 2 is at or above it.
    const data = [101, 102, 103, 104, 300].map((second, i) => release(`p${i}`, [bid('W', 100), bid('L', second)]));
    const meta: IndicatorMeta = {};
    expect(computeIndicators(data, parseSettings('[R058]\n'), { meta }).OCID).toEqual({ p4: { R058: 2 } });
    expect(meta.R058!.upper_fence).toBeCloseTo(1.708333, 5);
  });
});

describe('R003 submission period, counted like chrono', () => {
  const period = (ocid: string, startDate: string, endDate: string) => ({ ocid, tender: { tenderPeriod: { startDate, endDate } } });
  const flagged = (...releases: unknown[]) => Object.keys(computeIndicators(releases, parseSettings('[R003]\n')).OCID ?? {});

  it('counts whole days between instants, across time zones, and flags fewer than 15', () => {
    expect(
      flagged(
        period('14d23h59m59s', '2026-01-01T00:00:00Z', '2026-01-15T23:59:59Z'),
        period('15d', '2026-01-01T00:00:00Z', '2026-01-16T00:00:00+00:00'),
        // 00:00 in Beijing is 16:00 UTC the day before: exactly 15 days.
        period('15d-tz', '2026-01-01T00:00:00+08:00', '2026-01-15T16:00:00Z'),
        // One second short of 15 days, with fractions of a second.
        period('15d-minus', '2026-01-01T00:00:00.5Z', '2026-01-16T00:00:00.4Z'),
      ),
    ).toEqual(['14d23h59m59s', '15d-minus']);
  });

  it('skips dates that are not RFC 3339 date-times (no time zone, impossible dates)', () => {
    expect(
      flagged(
        period('date-only', '2026-01-01', '2026-01-02'),
        period('no-zone', '2026-01-01T00:00:00', '2026-01-02T00:00:00'),
        period('feb-30', '2026-02-30T00:00:00Z', '2026-03-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});

describe('R048 heterogeneous supplier', () => {
  it('counts distinct first digits of classification codes per single-supplier active award', () => {
    const award = (supplier: string, ...codes: string[]) => ({
      status: 'active',
      suppliers: [{ id: supplier }],
      items: codes.map((id) => ({ classification: { id } })),
    });
    const data = [
      { ocid: '1', awards: [award('S', '45233140', '45000000'), award('T', '71000000')] },
      { ocid: '2', awards: [award('S', '71356200'), { ...award('S', '90000000'), status: 'pending' }] },
      {
        ocid: '3',
        awards: [
          award('S', '33100000'),
          { status: 'active', suppliers: [{ id: 'S' }, { id: 'T' }], items: [{ classification: { id: '99' } }] },
        ],
      },
    ];
    // S: prefixes 45, 71, 33 in 3 processes (the pending award and the joint award do not count); T: 71 in 1.
    expect(computeIndicators(data, parseSettings('[R048]\nminimum_contracting_processes = 2\nthreshold = 3\n'))).toEqual({
      Tenderer: { S: { R048: 3 } },
    });
    // With all 8 digits S has 4 categories (45233140, 45000000, 71356200, 33100000).
    expect(computeIndicators(data, parseSettings('[R048]\nminimum_contracting_processes = 2\nthreshold = 4\ndigits = 8\n'))).toEqual({
      Tenderer: { S: { R048: 4 } },
    });
  });
});

describe('describeIndicator', () => {
  it('says what was found, against which threshold, in both languages', () => {
    const settings = parseSettings('[R024]\nthreshold = 0.05\n[R003]\n');
    const d = describeIndicator('R024', 0.004, settings);
    expect(d.title).toEqual({ zh: '中标价与次低价过于接近', en: 'Price close to winning bid' });
    expect(d.why.en).toContain('only 0.4% above the winning bid, at or below the set threshold of 5%');
    expect(d.why.zh).toContain('仅比中标价高 0.4%，不高于设定阈值 5%');
    expect(describeIndicator('R003', 1, settings).why.zh).toContain('不足 15 天');
    const fromData = describeIndicator('R038', 0.5, parseSettings('[R038]\n'), {
      group: 'Buyer',
      meta: { R038: { Buyer_upper_fence: 0.25 } },
    });
    expect(fromData.why.en).toContain(
      '50% of the bids received by this buyer were disqualified, at or above the fence of 25% computed from all the data',
    );
  });

  it('lists every result of a run with its reason', () => {
    const settings = parseSettings('[R058]\nthreshold = 0.5\n');
    const results = computeIndicators([release('far', [bid('W', 100), bid('L', 200)])], settings);
    const flags = explainResults(results, settings);
    expect(flags.map((f) => [f.group, f.id, f.code, f.value])).toEqual([
      ['OCID', 'far', 'R058', 1],
      ['Tenderer', 'W', 'R058', 0],
    ]);
    expect(flags[0].why.en).toContain('100% above the winning bid, at or above the set threshold of 50%');
  });
});
