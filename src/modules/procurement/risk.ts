import type { Flag } from './tender.js';
import { SCREEN_NAMES, type ScreenName, type Screens } from './screens.js';
import modelJson from './risk-model.json' with { type: 'json' };

/**
 * The risk model, held as data (risk-model.json, written by calibrate.ts): a logistic regression
 * on the standardised screens and the number of Art. 40 signals in the tender, the cut-off that
 * makes a tender `suspect`, and the screen thresholds that raise a flag. A screen that is `null`
 * (too few bids) contributes nothing: its standardised value is taken as 0, the calibration mean.
 * calibrate.ts scores with these same functions, so the model and its validation cannot drift apart.
 */
export interface RiskFeature {
  name: ScreenName | 'art40';
  mean: number;
  sd: number;
  coef: number;
}

export interface ScreenThreshold {
  /** 'low': collusion pushes the screen down (cv, spd, ks); 'high': up (diffp, rd, …). */
  direction: 'low' | 'high';
  value: number;
}

export interface RiskModel {
  method: string;
  data: string;
  intercept: number;
  features: RiskFeature[];
  threshold: number;
  screenThresholds: Partial<Record<ScreenName, ScreenThreshold>>;
  validation: Record<string, number | string>;
}

export const riskModel = modelJson as RiskModel;

export function tenderRisk(model: RiskModel, screens: Screens, art40Signals: number): number {
  let z = model.intercept;
  for (const f of model.features) {
    z += f.coef * standardise(f.name === 'art40' ? art40Signals : screens[f.name], f.mean, f.sd);
  }
  return 1 / (1 + Math.exp(-z));
}

/** Standardised and clipped to ±4 sd so one extreme screen (RD of identical covers) cannot dominate. */
export function standardise(x: number | null, mean: number, sd: number): number {
  if (x === null || sd === 0) return 0;
  return Math.max(-4, Math.min(4, (x - mean) / sd));
}

/** What each screen measures, and what it suggests when it crosses its threshold one way or the other. */
const SCREEN_TEXT: Record<ScreenName, { zh: string; en: string; low: [string, string]; high: [string, string] }> = {
  cv: {
    zh: '报价变异系数',
    en: 'coefficient of variation of the bids',
    low: ['投标报价过于接近，竞争性招标中很少如此', 'the bids are closer together than competitive tenders show'],
    high: ['报价离散异常', 'the bids are unusually dispersed'],
  },
  spd: {
    zh: '报价极差率',
    en: 'spread of the bids',
    low: ['最高与最低报价差距异常小', 'the highest and lowest bids are unusually close'],
    high: ['最高与最低报价差距异常大', 'the highest and lowest bids are unusually far apart'],
  },
  diffp: {
    zh: '最低两家报价差率',
    en: 'difference between the two lowest bids',
    low: ['最低两家报价几乎相同', 'the two lowest bids are almost equal'],
    high: ['最低价与次低价差距异常大，其余报价可能是陪标', 'the lowest bid is far below the next: the others may be cover bids'],
  },
  rd: {
    zh: '相对距离',
    en: 'relative distance',
    low: ['最低价与次低价距离异常小', 'the lowest bid is unusually close to the next'],
    high: [
      '中标价与其余报价的距离远大于其余报价彼此之间的距离，陪标报价可能围绕中标价设置',
      'the lowest bid stands far from the others, which sit close together: cover bids placed above the winner',
    ],
  },
  rdnor: {
    zh: '标准化相对距离',
    en: 'normalised relative distance',
    low: ['最低价与次低价距离异常小', 'the lowest bid is unusually close to the next'],
    high: ['最低价与其余报价距离异常', 'the lowest bid stands apart from the others'],
  },
  rdalt: {
    zh: '替代相对距离',
    en: 'alternative relative distance',
    low: ['最低价与次低价距离异常小', 'the lowest bid is unusually close to the next'],
    high: ['最低价与其余报价距离异常', 'the lowest bid stands apart from the others'],
  },
  kurt: {
    zh: '报价峰度',
    en: 'kurtosis of the bids',
    low: ['报价分布异常平坦', 'the bids are spread unusually flat'],
    high: ['报价分布尖峰，多数报价挤在一起', 'the bids are peaked: most of them are squeezed together'],
  },
  skew: {
    zh: '报价偏度',
    en: 'skewness of the bids',
    low: [
      '多数报价集中在高位、一家明显偏低，是陪标的典型形态',
      'most bids sit high with one clearly lower, the usual shape of cover bidding',
    ],
    high: ['一家报价明显偏高', 'one bid is far above the others'],
  },
  ks: {
    zh: '均匀分布检验统计量',
    en: 'Kolmogorov–Smirnov statistic',
    low: ['报价分布过于均匀', 'the bids are spread too evenly'],
    high: ['报价分布明显偏离竞争性报价常见的分散形态', 'the bids depart from the even spread competitive bids show'],
  },
};

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** A flag for every screen beyond its threshold, saying which way and what that suggests. */
export function screenFlags(model: RiskModel, screens: Screens): Flag[] {
  const flags: Flag[] = [];
  for (const name of SCREEN_NAMES) {
    const t = model.screenThresholds[name];
    const x = screens[name];
    if (!t || x === null) continue;
    const fired = t.direction === 'low' ? x <= t.value : x >= t.value;
    if (!fired) continue;
    const text = SCREEN_TEXT[name];
    const [meaningZh, meaningEn] = text[t.direction];
    const cmp = t.direction === 'low' ? '≤' : '≥';
    flags.push({
      code: `SCREEN_${name.toUpperCase()}_${t.direction.toUpperCase()}`,
      why: `${text.zh} ${round(x)} ${cmp} 阈值 ${t.value}：${meaningZh}`,
      whyEn: `The ${text.en} is ${round(x)} ${cmp} the threshold ${t.value}: ${meaningEn}`,
      inputs: { [name]: round(x) },
      threshold: t.value,
    });
  }
  return flags;
}
