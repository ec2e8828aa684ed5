import { describe, expect, it } from 'vitest';
import { parseMethod } from './method.js';
import { forecastRanks, type PeerInput, positionOf } from './forecast.js';
import { loadMethod } from './method.js';

const comp = (id: string, worst: number, best: number) => ({
  id,
  name: { zh: id, en: id },
  unit: 'u',
  direction: best < worst ? 'lower_is_better' : 'higher_is_better',
  bounds: { worst, best, status: 'verified_from_data' },
  transform: { type: 'linear' },
  weight: 1,
  physicalRange: { min: 0 },
});
const method = parseMethod({
  id: 'toy',
  version: '1',
  name: { zh: 't', en: 't' },
  description: 'hand-checked example',
  sources: [],
  trustedBoundStatuses: ['verified_from_data'],
  scoreRange: { min: 0, max: 100 },
  overall: { id: 'overall', name: { zh: '总', en: 'overall' }, aggregation: 'weighted_mean' },
  topics: [
    { id: 't1', name: { zh: 't1', en: 't1' }, weight: 1, aggregation: 'weighted_mean', components: [comp('a', 10, 0), comp('b', 10, 0)] },
    { id: 't2', name: { zh: 't2', en: 't2' }, weight: 1, aggregation: 'weighted_mean', components: [comp('c', 0, 100)] },
  ],
});
const v = (x: number) => ({ variants: { '': { value: x } } });
const peer = (code: string, a: number, b: number, c: number): PeerInput => ({
  code,
  name: code,
  synthetic: true,
  topics: { t1: { components: { a: v(a), b: v(b) } }, t2: { components: { c: v(c) } } },
});

describe('rank forecast and gap analysis (hand-checked example)', () => {
  // F: t1 = mean(50, 0) = 25, t2 = 50 → 37.5.  P1: 100 and 80 → 90.  P2: 50 and 60 → 55.  P3: 0 and 20 → 10.
  const peers = [peer('F', 5, 10, 50), peer('P1', 0, 0, 80), peer('P2', 5, 5, 60), peer('P3', 10, 10, 20)];
  const f = forecastRanks(method, peers, 'F');

  it('scores and ranks every peer', () => {
    expect(f.peers.map((p) => [p.code, p.rank, p.score])).toEqual([
      ['P1', 1, 90],
      ['P2', 2, 55],
      ['F', 3, 37.5],
      ['P3', 4, 10],
    ]);
  });

  it('states the headline position: 3rd, 17.5 points behind 2nd and 52.5 behind 1st', () => {
    expect(positionOf(f)).toEqual({ rank: 3, peers: 4, score: 37.5, gapTo: { 1: 52.5, 2: 17.5 } });
    // At the top, nobody is ahead: no gap to any place.
    const top = forecastRanks(method, [peer('F', 0, 0, 100), peer('P1', 5, 5, 60)], 'F', [1]);
    expect(positionOf(top)).toEqual({ rank: 1, peers: 2, score: 100, gapTo: { 1: 0, 2: 0 } });
  });

  it('ranks components by overall gain per unit of improvement', () => {
    expect(f.gaps.map((g) => [g.component, g.overallShare, g.gainPerUnit, g.gainPerTenthOfRange, g.maxGain])).toEqual([
      ['b', 0.25, 2.5, 2.5, 25],
      ['a', 0.25, 2.5, 2.5, 12.5],
      ['c', 0.5, 0.5, 5, 25],
    ]);
  });

  it('finds the smallest, least-effort set for rank 2: raise c from 50 to 85', () => {
    const [rank2] = f.plans;
    expect(rank2).toMatchObject({ rank: 2, overtake: { code: 'P2', score: 55 }, reachable: true, algorithm: 'exact' });
    expect(rank2.neededGain).toBeCloseTo(17.5, 5);
    expect(rank2.improvements).toHaveLength(1);
    // b alone would also do (10 → 3) but costs 0.7 of its range; c costs 0.35.
    expect(rank2.improvements[0].component).toBe('c');
    expect(rank2.improvements[0].to).toBeCloseTo(85, 4);
    expect(rank2.effort).toBeCloseTo(0.35, 5);
  });

  it('needs all three components for rank 1 and says when a rank is out of reach', () => {
    const rank1 = f.plans[1];
    expect(rank1.improvements.map((i) => i.component).sort()).toEqual(['a', 'b', 'c']);
    expect(rank1.improvements.reduce((s, i) => s + i.overallGain, 0)).toBeCloseTo(52.5, 5);
    const c = rank1.improvements.find((i) => i.component === 'c')!;
    expect(c.to).toBe(100);
    const out = forecastRanks(method, [peer('F', 5, 10, 50), peer('P1', 0, 0, 100)], 'F', [1]);
    expect(out.plans[0]).toMatchObject({ reachable: false, improvements: [] });
    const first = forecastRanks(method, [peer('F', 0, 0, 100), peer('P1', 5, 5, 60)], 'F', [1]);
    expect(first.plans[0]).toMatchObject({ alreadyThere: true, neededGain: 0 });
  });

  it('falls back to greedy with a stated lower bound when the subsets are too many', () => {
    // 24 components of 4 topics, 100/24 points of headroom each: beating P by 50 points needs 13 of
    // them, and C(24, 13) subsets are far beyond the exact limit.
    const many = parseMethod({
      ...method,
      topics: [0, 1, 2, 3].map((t) => ({
        id: `t${t}`,
        name: { zh: 't', en: 't' },
        weight: 1,
        aggregation: 'weighted_mean',
        components: [0, 1, 2, 3, 4, 5].map((i) => comp(`c${i}`, 10, 0)),
      })),
    });
    const mk = (code: string, x: number): PeerInput => ({
      code,
      name: code,
      synthetic: true,
      topics: Object.fromEntries(many.topics.map((t) => [t.id, { components: Object.fromEntries(t.components.map((c) => [c.id, v(x)])) }])),
    });
    const g = forecastRanks(many, [mk('F', 10), mk('P', 5)], 'F', [1]);
    expect(g.plans[0].algorithm).toBe('greedy');
    expect(g.plans[0].improvements).toHaveLength(13);
    expect(g.plans[0].effort).toBeGreaterThanOrEqual(g.plans[0].effortLowerBound! - 1e-9);
  });

  it('ships a demo regional method whose bounds are flagged as not verified', () => {
    const demo = loadMethod('regional-demo');
    expect(demo.synthetic).toBe(true);
    expect(demo.topics.flatMap((t) => t.components).every((c) => !demo.trustedBoundStatuses.includes(c.bounds.status))).toBe(true);
  });
});
