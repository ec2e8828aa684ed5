import { riskModel, screenFlags, tenderRisk, type RiskModel } from './risk.js';
import { computeScreens, type Screens } from './screens.js';
import { describeSignal, tenderSignals, type TenderPairSignal } from './signals.js';
import type { Flag, Tender } from './tender.js';

/**
 * The screening engine: tenders go in one at a time (from a stream), each comes back at once with
 * its screens, flags, risk and yes/no; what spans tenders (pair statistics, co-bidding groups) is
 * accumulated in compact per-pair counters and judged in `finish()`. Memory grows with bidders
 * and bidder pairs, never with the file: a tender's bids are dropped once it is screened.
 */

export interface TenderResult {
  id: string;
  bids: number;
  screens: Screens;
  flags: Flag[];
  risk: number;
  suspect: boolean;
  /** The pairs of this tender with an Art. 40 signal (for storing; not part of the CLI output). */
  pairSignals: TenderPairSignal[];
}

export interface PairResult {
  a: string;
  b: string;
  coBids: number;
  flags: Flag[];
}

export interface GroupResult {
  id: string;
  members: string[];
  /** Tenders in which two or more members bid. */
  tenders: number;
  wins: Record<string, number>;
  risk: number;
  flags: Flag[];
}

/** Thresholds of the cross-tender signals (documented in the module README). */
export const PAIR_RULES = {
  /** A regular pattern needs this many tenders in common. */
  minCommonTenders: 3,
  /** Ratio b/a varying by at most 0.1 % (coefficient of variation) is "constant". */
  maxRatioCv: 0.001,
  /** A difference varying by at most 0.05 % of the bids' mean amount is "constant". */
  maxDifferenceSd: 0.0005,
  /** Cover bidding: lost to the same winner this often, never beat it, margin sd ≤ 1 point. */
  minCoverLosses: 3,
  maxCoverMarginSd: 0.01,
  /** Rotation: ≥ 3 joint tenders, ≥ 80 % won by members, ≥ 2 winners, none above 60 %. */
  minJointTenders: 3,
  minGroupWinShare: 0.8,
  maxTopWinnerShare: 0.6,
} as const;

interface PairStat {
  lo: number;
  hi: number;
  n: number;
  sumR: number;
  sumR2: number;
  sumD: number;
  sumD2: number;
  sumAmt: number;
  winsLo: number;
  winsHi: number;
  /** hi lost to lo as the winner: count, Σ margin, Σ margin². */
  coverHiN: number;
  coverHiS: number;
  coverHiS2: number;
  coverLoN: number;
  coverLoS: number;
  coverLoS2: number;
  /** Codes of the Art. 40 signals seen between the two, with counts. */
  tenderCodes: Record<string, number> | null;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export class Screener {
  private readonly bidderIndex = new Map<string, number>();
  private readonly bidderIds: string[] = [];
  private readonly bidderNames: (string | undefined)[] = [];
  private readonly bidderTenders: number[][] = [];
  private readonly tenderRisk: number[] = [];
  private readonly tenderWinner: number[] = [];
  /** Pair statistics by lower bidder index, then higher (small-integer keys keep the maps fast). */
  private readonly pairs: (Map<number, PairStat> | undefined)[] = [];

  constructor(private readonly model: RiskModel = riskModel) {}

  add(tender: Tender): TenderResult {
    const t = this.tenderRisk.length;
    // one bid per bidder: a repeated bidder keeps its lowest amount
    const byBidder = new Map<number, number>();
    let winner = -1;
    for (const bid of tender.bids) {
      const b = this.intern(bid.bidderId, bid.bidderName);
      const prev = byBidder.get(b);
      if (prev === undefined || bid.amount < prev) byBidder.set(b, bid.amount);
      if (bid.winner) winner = b;
    }
    const ids = [...byBidder.keys()];
    const amounts = Float64Array.from(byBidder.values());
    if (winner < 0 && ids.length > 0) {
      let best = 0;
      for (let i = 1; i < amounts.length; i++) if (amounts[i]! < amounts[best]!) best = i;
      winner = ids[best]!;
    }
    for (const b of ids) this.bidderTenders[b]!.push(t);
    this.tenderWinner.push(winner);

    const { flags: signalFlags, pairs: pairSignals } = tenderSignals(tender);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) this.updatePair(ids[i]!, amounts[i]!, ids[j]!, amounts[j]!, winner);
    }
    for (const s of pairSignals) {
      const stat = this.pair(this.bidderIndex.get(s.a)!, this.bidderIndex.get(s.b)!)!;
      stat.tenderCodes ??= {};
      stat.tenderCodes[s.code] = (stat.tenderCodes[s.code] ?? 0) + 1;
    }

    const screens = computeScreens(amounts.slice());
    const art40 = new Set(signalFlags.map((f) => f.code)).size;
    // Fewer than three bids cannot be screened: without an Art. 40 signal there is no evidence
    // either way, and the model's prior alone would read as a risk the tender never showed.
    const risk = ids.length < 3 && art40 === 0 ? 0 : tenderRisk(this.model, screens, art40);
    this.tenderRisk.push(risk);
    return {
      id: tender.id,
      bids: ids.length,
      screens,
      flags: [...screenFlags(this.model, screens), ...signalFlags],
      risk: round(risk),
      suspect: risk >= this.model.threshold,
      pairSignals,
    };
  }

  /** Pairs with a signal, and the groups they form, once every tender is in. */
  finish(): { pairs: PairResult[]; groups: GroupResult[] } {
    const pairs: PairResult[] = [];
    const parent = new Int32Array(this.bidderIds.length).map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    for (const stat of this.allPairs()) {
      const flags = this.pairFlags(stat);
      if (!flags.length) continue;
      pairs.push({ a: this.bidderIds[stat.lo]!, b: this.bidderIds[stat.hi]!, coBids: stat.n, flags });
      parent[find(stat.lo)] = find(stat.hi);
    }
    const components = new Map<number, number[]>();
    for (const p of pairs) {
      for (const id of [p.a, p.b]) {
        const b = this.bidderIndex.get(id)!;
        const root = find(b);
        const list = components.get(root) ?? [];
        if (!list.includes(b)) list.push(b);
        components.set(root, list);
      }
    }
    const groups = [...components.values()].map((members) => this.group(members));
    groups.sort((x, y) => y.risk - x.risk);
    groups.forEach((g, i) => (g.id = `G${i + 1}`));
    return { pairs, groups };
  }

  private intern(id: string, name?: string): number {
    let b = this.bidderIndex.get(id);
    if (b === undefined) {
      b = this.bidderIds.length;
      this.bidderIndex.set(id, b);
      this.bidderIds.push(id);
      this.bidderNames.push(name);
      this.bidderTenders.push([]);
    } else if (name && !this.bidderNames[b]) this.bidderNames[b] = name;
    return b;
  }

  private pair(a: number, b: number): PairStat | undefined {
    return a < b ? this.pairs[a]?.get(b) : this.pairs[b]?.get(a);
  }

  private *allPairs(): Iterable<PairStat> {
    for (const map of this.pairs) if (map) yield* map.values();
  }

  private updatePair(a: number, amountA: number, b: number, amountB: number, winner: number) {
    const swap = a > b;
    const lo = swap ? b : a;
    const hi = swap ? a : b;
    const aLo = swap ? amountB : amountA;
    const aHi = swap ? amountA : amountB;
    const map = (this.pairs[lo] ??= new Map());
    let s = map.get(hi);
    if (!s) {
      s = {
        lo,
        hi,
        n: 0,
        sumR: 0,
        sumR2: 0,
        sumD: 0,
        sumD2: 0,
        sumAmt: 0,
        winsLo: 0,
        winsHi: 0,
        coverHiN: 0,
        coverHiS: 0,
        coverHiS2: 0,
        coverLoN: 0,
        coverLoS: 0,
        coverLoS2: 0,
        tenderCodes: null,
      };
      map.set(hi, s);
    }
    const r = aHi / aLo;
    const d = aHi - aLo;
    s.n++;
    s.sumR += r;
    s.sumR2 += r * r;
    s.sumD += d;
    s.sumD2 += d * d;
    s.sumAmt += aLo + aHi;
    if (winner === lo) {
      s.winsLo++;
      const m = aHi / aLo - 1;
      s.coverHiN++;
      s.coverHiS += m;
      s.coverHiS2 += m * m;
    } else if (winner === hi) {
      s.winsHi++;
      const m = aLo / aHi - 1;
      s.coverLoN++;
      s.coverLoS += m;
      s.coverLoS2 += m * m;
    }
  }

  private name(b: number): string {
    return this.bidderNames[b] ?? this.bidderIds[b]!;
  }

  private pairFlags(s: PairStat): Flag[] {
    const flags: Flag[] = [];
    const A = this.name(s.lo);
    const B = this.name(s.hi);
    for (const [code, count] of Object.entries(s.tenderCodes ?? {})) {
      const text = describeSignal(code);
      flags.push({
        code,
        why: `${A} 与 ${B}：${text?.zh ?? code}，共 ${count} 个标段`,
        whyEn: `${A} and ${B}: ${text?.en ?? code}, in ${count} tender(s)`,
        inputs: { tenders: count },
        threshold: 1,
      });
    }
    const R = PAIR_RULES;
    if (s.n >= R.minCommonTenders) {
      const meanR = s.sumR / s.n;
      const cvR = sd(s.sumR, s.sumR2, s.n) / meanR;
      if (Math.abs(meanR - 1) > 0.001 && cvR <= R.maxRatioCv) {
        flags.push({
          code: 'ART40_CONSTANT_RATIO',
          why: `${B} 的报价在 ${s.n} 个共同投标中始终约为 ${A} 的 ${round(meanR, 4)} 倍（比值变异系数 ${round(cvR, 6)} ≤ ${R.maxRatioCv}），投标报价呈规律性差异（第四十条第（四）项）`,
          whyEn:
            `In ${s.n} common tenders ${B} always bid about ${round(meanR, 4)} × ${A} (ratio ` +
            `CV ${round(cvR, 6)} ≤ ${R.maxRatioCv}): prices in a regular pattern, Art. 40(4)`,
          inputs: { commonTenders: s.n, meanRatio: round(meanR, 6), ratioCv: round(cvR, 8) },
          threshold: R.maxRatioCv,
        });
      }
      const meanD = s.sumD / s.n;
      const sdD = sd(s.sumD, s.sumD2, s.n);
      const scale = s.sumAmt / (2 * s.n);
      if (Math.abs(meanD) > R.maxDifferenceSd * scale && sdD <= R.maxDifferenceSd * scale) {
        flags.push({
          code: 'ART40_CONSTANT_DIFFERENCE',
          why:
            `${B} 与 ${A} 的报价在 ${s.n} 个共同投标中始终相差约 ${round(meanD, 2)}（标准差 ${round(sdD, 2)}，` +
            `不超过平均报价的 ${R.maxDifferenceSd * 100}%），投标报价呈规律性差异（第四十条第（四）项）`,
          whyEn:
            `In ${s.n} common tenders ${B}'s bid differs from ${A}'s by about ${round(meanD, 2)} (sd ${round(sdD, 2)}, ` +
            `within ${R.maxDifferenceSd * 100}% of the mean bid): prices in a regular pattern, Art. 40(4)`,
          inputs: { commonTenders: s.n, meanDifference: round(meanD, 2), differenceSd: round(sdD, 4) },
          threshold: round(R.maxDifferenceSd * scale, 2),
        });
      }
    }
    this.coverFlag(flags, s.coverHiN, s.coverHiS, s.coverHiS2, s.winsHi, B, A);
    this.coverFlag(flags, s.coverLoN, s.coverLoS, s.coverLoS2, s.winsLo, A, B);
    return flags;
  }

  private coverFlag(flags: Flag[], n: number, sum: number, sum2: number, loserWins: number, loser: string, winner: string) {
    const R = PAIR_RULES;
    if (n < R.minCoverLosses || loserWins > 0) return;
    const mean = sum / n;
    const spread = sd(sum, sum2, n);
    if (spread > R.maxCoverMarginSd) return;
    flags.push({
      code: 'ART39_COVER_BIDDING',
      why:
        `${loser} 在与 ${winner} 共同投标时 ${n} 次落标、从未中标，且每次高出 ${round(mean * 100, 2)}%（标准差 ${round(spread * 100, 2)} ` +
        `个百分点 ≤ ${R.maxCoverMarginSd * 100}），疑似陪标（第三十九条）`,
      whyEn:
        `${loser} lost to ${winner} ${n} times, never won against it, each time ${round(mean * 100, 2)}% higher ` +
        `(sd ${round(spread * 100, 2)} points ≤ ${R.maxCoverMarginSd * 100}): likely cover bidding, Art. 39`,
      inputs: { losses: n, meanMargin: round(mean, 6), marginSd: round(spread, 6) },
      threshold: R.maxCoverMarginSd,
    });
  }

  private group(members: number[]): GroupResult {
    const count = new Map<number, number>();
    for (const b of members) for (const t of this.bidderTenders[b]!) count.set(t, (count.get(t) ?? 0) + 1);
    const memberSet = new Set(members);
    const wins: Record<string, number> = {};
    let joint = 0;
    let memberWins = 0;
    let riskSum = 0;
    for (const [t, c] of count) {
      if (c < 2) continue;
      joint++;
      riskSum += this.tenderRisk[t]!;
      const w = this.tenderWinner[t]!;
      if (memberSet.has(w)) {
        memberWins++;
        const id = this.bidderIds[w]!;
        wins[id] = (wins[id] ?? 0) + 1;
      }
    }
    const flags: Flag[] = [];
    const R = PAIR_RULES;
    const winners = Object.values(wins);
    const top = winners.length ? Math.max(...winners) : 0;
    if (
      joint >= R.minJointTenders &&
      memberWins / joint >= R.minGroupWinShare &&
      winners.length >= 2 &&
      top / memberWins <= R.maxTopWinnerShare
    ) {
      flags.push({
        code: 'ART39_WINNER_ROTATION',
        why:
          `该组 ${members.length} 家投标人共同参与 ${joint} 个标段，组内中标 ${memberWins} ` +
          `个（${round((memberWins / joint) * 100, 1)}% ≥ ${R.minGroupWinShare * 100}%），由 ${winners.length} ` +
          `家轮流中标、单家最多占 ${round((top / memberWins) * 100, 1)}%（≤ ${R.maxTopWinnerShare * 100}%），疑似约定中标人轮流坐庄（第三十九条第（二）项）`,
        whyEn:
          `The group's ${members.length} bidders met in ${joint} tenders and won ${memberWins} ` +
          `(${round((memberWins / joint) * 100, 1)}% ≥ ${R.minGroupWinShare * 100}%), shared ` +
          `among ${winners.length} winners with at most ${round((top / memberWins) * 100, 1)}% ` +
          `each (≤ ${R.maxTopWinnerShare * 100}%): likely rotation of an agreed winner, Art. 39(2)`,
        inputs: { members: members.length, jointTenders: joint, memberWins, winners: winners.length, topShare: round(top / memberWins) },
        threshold: `${R.minGroupWinShare} / ${R.maxTopWinnerShare}`,
      });
    }
    return {
      id: '',
      members: members.map((b) => this.bidderIds[b]!),
      tenders: joint,
      wins,
      risk: joint ? round(riskSum / joint) : 0,
      flags,
    };
  }
}

function sd(sum: number, sum2: number, n: number): number {
  if (n < 2) return 0;
  return Math.sqrt(Math.max(0, (sum2 - (sum * sum) / n) / (n - 1)));
}
