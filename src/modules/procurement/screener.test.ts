import { describe, expect, it } from 'vitest';
import { Screener } from './screener.js';
import type { Bid, Tender } from './tender.js';

const tender = (id: string, bids: Bid[]): Tender => ({ id, tenderId: id, bids });
const bid = (bidderId: string, amount: number, meta?: Bid['meta'], winner?: boolean): Bid => ({ bidderId, amount, meta, winner });

describe('collusion signals', () => {
  it('flags the Art. 40 signals inside one tender and says who and why', () => {
    const s = new Screener();
    const r = s.add(
      tender('T1', [
        bid('A', 1_000_000, { machineId: 'PC-7', depositAccount: '6222-01' }),
        bid('B', 1_020_000, { machineId: 'pc-7 ', depositAccount: '6222-02', agent: '某代理' }),
        bid('C', 1_020_000, { machineId: 'PC-9', depositAccount: '6222-01', agent: '某代理' }),
      ]),
    );
    const codes = r.flags.map((f) => f.code).filter((c) => c.startsWith('ART'));
    expect(codes.sort()).toEqual(['ART40_IDENTICAL_PRICE', 'ART40_SAME_AGENT', 'ART40_SAME_DEPOSIT_ACCOUNT', 'ART40_SAME_MACHINE']);
    const machine = r.flags.find((f) => f.code === 'ART40_SAME_MACHINE')!;
    expect(machine.inputs).toEqual({ bidders: ['A', 'B'], values: ['PC-7'] });
    expect(machine.why).toContain('第四十条第（一）项');
    expect(r.flags.find((f) => f.code === 'ART40_SAME_DEPOSIT_ACCOUNT')!.why).toContain('第四十条第（六）项');
  });

  it('finds a constant price ratio and cover bidding across tenders', () => {
    const s = new Screener();
    // B always bids exactly 1.05 × A and loses to A; C bids at random and never wins.
    s.add(tender('T1', [bid('A', 100_000), bid('B', 105_000), bid('C', 131_000)]));
    s.add(tender('T2', [bid('A', 200_000), bid('B', 210_000), bid('C', 207_000)]));
    s.add(tender('T3', [bid('A', 300_000), bid('B', 315_000), bid('C', 390_000)]));
    const { pairs } = s.finish();
    const ab = pairs.find((p) => p.a === 'A' && p.b === 'B')!;
    const codes = ab.flags.map((f) => f.code).sort();
    expect(codes).toEqual(['ART39_COVER_BIDDING', 'ART40_CONSTANT_RATIO']);
    // ratios 1.05, 1.05, 1.05 → mean 1.05, CV 0
    expect(ab.flags.find((f) => f.code === 'ART40_CONSTANT_RATIO')!.inputs).toMatchObject({ commonTenders: 3, meanRatio: 1.05 });
    // margins 5 %, 5 %, 5 % → mean 0.05, sd 0
    expect(ab.flags.find((f) => f.code === 'ART39_COVER_BIDDING')!.inputs).toMatchObject({ losses: 3, meanMargin: 0.05 });
    // C's margins over A: 31 %, 3.5 %, 30 % — not similar, and C's ratios vary: no signal for A–C
    expect(pairs.find((p) => p.a === 'A' && p.b === 'C')).toBeUndefined();
  });

  it('sees winner rotation in a group linked by a shared agent', () => {
    const s = new Screener();
    const m = { agent: '同一代理' };
    // X, Y, Z take turns: each wins one of three tenders, the outsider O never wins
    s.add(tender('T1', [bid('X', 100, m, true), bid('Y', 110, m), bid('Z', 112, m), bid('O', 130)]));
    s.add(tender('T2', [bid('X', 120, m), bid('Y', 101, m, true), bid('Z', 119, m), bid('O', 125)]));
    s.add(tender('T3', [bid('X', 118, m), bid('Y', 121, m), bid('Z', 102, m, true), bid('O', 140)]));
    s.add(tender('T4', [bid('O', 90), bid('P', 95)]));
    const { groups } = s.finish();
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g.members.sort()).toEqual(['X', 'Y', 'Z']);
    expect(g.tenders).toBe(3);
    expect(g.wins).toEqual({ X: 1, Y: 1, Z: 1 });
    // 3 of 3 joint tenders won inside the group by 3 winners, top share 1/3
    expect(g.flags.map((f) => f.code)).toEqual(['ART39_WINNER_ROTATION']);
    expect(g.flags[0]!.inputs).toMatchObject({ jointTenders: 3, memberWins: 3, winners: 3 });
  });

  it('screens a one-bid tender without error and with null screens', () => {
    const r = new Screener().add(tender('T1', [bid('A', 5)]));
    expect(r.bids).toBe(1);
    expect(r.screens.cv).toBeNull();
    expect(r.flags).toEqual([]);
    expect(r.risk).toBe(0);
    expect(r.suspect).toBe(false);
  });

  it('scores a textbook cover-bidding tender above a competitive one', () => {
    const s = new Screener();
    const rigged = s.add(
      tender('R', [bid('A', 1_000_000), bid('B', 1_031_000), bid('C', 1_032_500), bid('D', 1_033_000), bid('E', 1_034_200)]),
    );
    const fair = s.add(
      tender('F', [bid('A', 1_000_000), bid('B', 1_070_000), bid('C', 1_160_000), bid('D', 1_050_000), bid('E', 1_240_000)]),
    );
    expect(rigged.risk).toBeGreaterThan(fair.risk);
    expect(rigged.suspect).toBe(true);
    expect(fair.suspect).toBe(false);
  });
});
