/**
 * What each red flag means, in plain Chinese and English, for the page that says why a flag fired:
 * the value, the threshold or fence it crossed (from the settings, or from the data via
 * `computeIndicators(…, { meta })`), and why that pattern matters. Definitions follow cardinal-rs's
 * documentation of each indicator (docs/cli/indicators/R/*.md) and the OCP red-flags guide.
 */
import type { Group, IndicatorMeta, IndicatorResults } from './indicators.js';
import type { CardinalSettings, IndicatorCode } from './settings.js';

export interface IndicatorDescription {
  code: IndicatorCode;
  title: { zh: string; en: string };
  /** One sentence: what was found, against which threshold, and why it is a warning sign. */
  why: { zh: string; en: string };
}

export const INDICATOR_TITLES: Record<IndicatorCode, { zh: string; en: string }> = {
  R003: { zh: '投标截止期过短', en: 'Short submission period' },
  R018: { zh: '竞争性程序仅收到一份投标', en: 'Single bid received' },
  R024: { zh: '中标价与次低价过于接近', en: 'Price close to winning bid' },
  R025: { zh: '频繁投标却极少中标', en: 'Excessive unsuccessful bids' },
  R028: { zh: '不同投标人报价完全相同', en: 'Identical bid prices' },
  R030: { zh: '逾期提交的投标中标', en: 'Late bid won' },
  R035: { zh: '除中标人外其余投标均被否决', en: 'All except winning bid disqualified' },
  R036: { zh: '最低报价被否决', en: 'Lowest bid disqualified' },
  R038: { zh: '被否决投标比例过高', en: 'Excessive disqualified bids' },
  R048: { zh: '供应商中标品类异常宽泛', en: 'Heterogeneous supplier' },
  R058: { zh: '中标价远低于次低价', en: 'Heavily discounted bid' },
};

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('en-US')}%`;
const round = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10000) / 10000) : '—');

/** The threshold a flag was compared with: the setting if set, else the fence computed from the data. */
function limit(
  set: number | undefined,
  fence: number | undefined,
  format: (x: number) => string,
  kind: 'lower' | 'upper',
): { zh: string; en: string } {
  if (set !== undefined) return { zh: `设定阈值 ${format(set)}`, en: `the set threshold of ${format(set)}` };
  const rule =
    kind === 'lower'
      ? { zh: '下四分位数减 1.5 倍四分位距', en: 'Q1 − 1.5 × IQR' }
      : { zh: '上四分位数加 1.5 倍四分位距', en: 'Q3 + 1.5 × IQR' };
  if (fence === undefined) return { zh: `由全部数据计算的界限（${rule.zh}）`, en: `the fence computed from all the data (${rule.en})` };
  return {
    zh: `由全部数据计算的界限 ${format(fence)}（${rule.zh}）`,
    en: `the fence of ${format(fence)} computed from all the data (${rule.en})`,
  };
}

const GROUP_NAMES: Record<Group, { zh: string; en: string }> = {
  OCID: { zh: '该采购项目', en: 'this contracting process' },
  Buyer: { zh: '该采购人', en: 'this buyer' },
  ProcuringEntity: { zh: '该采购代理/组织单位', en: 'this procuring entity' },
  Tenderer: { zh: '该投标人', en: 'this tenderer' },
};

/**
 * Describes one result of `computeIndicators`: `value` is the result's number, `group` where it was
 * found (default OCID), `meta` the quartiles and fences of the same run.
 */
export function describeIndicator(
  code: IndicatorCode,
  value: number,
  settings: CardinalSettings,
  context: { group?: Group; meta?: IndicatorMeta } = {},
): IndicatorDescription {
  const group = context.group ?? 'OCID';
  const meta = context.meta?.[code] ?? {};
  const tenderer = group === 'Tenderer';
  let zh: string;
  let en: string;
  switch (code) {
    case 'R003': {
      const days = settings.R003?.threshold ?? 15;
      const byDetails = Object.entries(settings.R003?.procurementMethodDetails ?? {});
      const extra = byDetails.length
        ? {
            zh: `（部分采购方式另设：${byDetails.map(([k, v]) => `${k} ${v} 天`).join('、')}）`,
            en: ` (or as set per method: ${byDetails.map(([k, v]) => `${k} ${v} days`).join(', ')})`,
          }
        : { zh: '', en: '' };
      zh = `投标期（自招标开始至投标截止）不足 ${days} 天${extra.zh}。潜在投标人没有足够时间准备投标，竞争被压缩，可能有利于事先知情的投标人。`;
      en =
        `The submission period (tender period start to end) was shorter than ${days} days${extra.en}. Bidders ` +
        `had too little time to prepare, which restricts competition and can favour a bidder who knew in advance.`;
      break;
    }
    case 'R018':
      zh = '公开或邀请等竞争性程序中只收到一份投标。缺乏竞争时价格无从比较，可能是潜在投标人被劝退或与中标人事先约定。';
      en =
        'A competitive procedure (open or selective) received only one bid. Without competitors ' +
        'prices cannot be compared; others may have been discouraged or may have agreed to stay out.';
      break;
    case 'R024':
      if (tenderer) {
        zh = '该投标人是某一被标记项目的中标人或次低价投标人：两者报价差距异常小，可能是陪标人按约定报出略高于中标价的价格。';
        en =
          'This tenderer won, or was the runner-up, in a process flagged because the two prices ' +
          'were suspiciously close: a cover bidder may have priced just above the agreed winner.';
      } else {
        const l = limit(settings.R024?.threshold, meta.lower_fence, pct, 'lower');
        zh = `次低有效报价仅比中标价高 ${pct(value)}，不高于${l.zh}。报价如此接近，常见于串通投标中陪标人按约定略高于中标人报价。`;
        en =
          `The next-lowest valid bid was only ${pct(value)} above the winning bid, at or below ${l.en}. ` +
          `Prices this close are typical of cover bids placed just above an agreed winner.`;
      }
      break;
    case 'R025': {
      const p = settings.R025?.percentile ?? 75;
      const l = limit(settings.R025?.threshold, meta.lower_fence, pct, 'lower');
      zh = `该投标人参与投标的项目数位于全部投标人的第 ${p} 百分位及以上，但中标率仅 ${pct(value)}，不高于${l.zh}。频繁投标却很少中标，是陪标人的典型特征。`;
      en =
        `This tenderer bid in as many processes as the top ${100 - p}% of tenderers but won only ${pct(value)} of ` +
        `them, at or below ${l.en}. Bidding often and rarely winning is typical of a cover bidder supporting a cartel.`;
      break;
    }
    case 'R028':
      zh = tenderer
        ? '该投标人的报价与另一投标人在同一项目中的报价完全相同（金额和币种一致）。独立编制的报价几乎不可能完全一致。'
        : '该项目中不同投标人提交了完全相同的报价（金额和币种一致）。独立编制的报价几乎不可能完全一致，提示报价可能由同一人编制或事先协调。';
      en = tenderer
        ? 'This tenderer submitted exactly the same price as another tenderer in ' +
          'the same process. Independently prepared bids almost never match exactly.'
        : 'Different tenderers submitted exactly the same price (amount and currency) in this process. ' +
          'Independently prepared bids almost never match; the bids may have been prepared together.';
      break;
    case 'R030':
      zh = `${tenderer ? '该投标人' : '该项目中'}在投标截止时间之后提交的有效投标被授予合同。逾期投标本应被拒绝，中标说明程序可能被操纵。`;
      en =
        `A valid bid submitted after the submission deadline ${tenderer ? 'by this tenderer ' : ''}was ` +
        `awarded. A late bid should have been rejected; its award suggests the procedure was manipulated.`;
      break;
    case 'R035':
      zh = tenderer
        ? '该投标人是唯一有效投标人并中标，其他投标人均被否决。'
        : `中标人是唯一的有效投标人，其余 ${value} 家投标人均被否决（不少于设定的 ${Math.max(settings.R035?.threshold ?? 1, 1)} 家）。否决竞争对手可能被用来为预定的中标人扫清道路。`;
      en = tenderer
        ? 'This tenderer was the only valid bidder and won; all others were disqualified.'
        : `The winner was the only valid bidder; ${value} other tenderer(s) were disqualified (the threshold ` +
          `is ${Math.max(settings.R035?.threshold ?? 1, 1)}). Disqualifying competitors can clear the way for a chosen winner.`;
      break;
    case 'R036':
      zh = '报价最低的投标被否决，而较高报价的有效投标仍在。以否决最低价的方式让较高报价中标，可能意在照顾特定投标人。';
      en =
        'The lowest submitted bid was disqualified while higher valid bids remained. ' +
        'Disqualifying the cheapest bid can be a way to award a favoured, more expensive bidder.';
      break;
    case 'R038': {
      const l = limit(settings.R038?.threshold, meta[`${group}_upper_fence`], pct, 'upper');
      const who = GROUP_NAMES[group];
      const reason = tenderer
        ? {
            zh: '屡被否决的投标人可能是故意提交不合格投标，为他人制造竞争的假象。',
            en: 'A colluding bidder can mimic competition by submitting deliberately unqualified bids.',
          }
        : {
            zh: '否决比例异常高，可能是以资格审查排除竞争者、为预定的中标人让路。',
            en: 'A buyer can clear the way for a chosen bidder by disqualifying the others.',
          };
      zh = `${who.zh}${tenderer ? '提交' : '收到'}的投标中有 ${pct(value)} 被否决，不低于${l.zh}。${reason.zh}`;
      en =
        `${pct(value)} of the bids ${tenderer ? 'submitted by' : 'received by'} ${who.en} ` +
        `were disqualified, at or above ${l.en}. ${reason.en}`;
      break;
    }
    case 'R048': {
      const digits = settings.R048?.digits ?? 2;
      const l = limit(settings.R048?.threshold, meta.upper_fence, round, 'upper');
      zh = `该供应商中标的物项分属 ${value} 个不同品类（分类代码前 ${digits} 位），不低于${l.zh}。经营范围异常宽泛的供应商可能是空壳或挂靠公司。`;
      en =
        `This supplier was awarded items in ${value} distinct categories (first ${digits} digits of the ` +
        `classification), at or above ${l.en}. An unusually broad range of goods can mark a shell or front company.`;
      break;
    }
    case 'R058':
      if (tenderer) {
        zh = '该投标人在某一被标记项目中中标，且其报价远低于次低报价。';
        en = 'This tenderer won a process flagged because its winning bid was far below the next-lowest bid.';
      } else {
        const l = limit(settings.R058?.threshold, meta.upper_fence, pct, 'upper');
        zh = `次低有效报价比中标价高 ${pct(value)}，不低于${l.zh}。中标价异常低，可能是中标人事先掌握了内部信息，或以低价中标后再通过变更追加金额。`;
        en =
          `The next-lowest valid bid was ${pct(value)} above the winning bid, at or above ${l.en}. An abnormally ` +
          `low winning bid may reflect inside information, or a plan to recover the price through later amendments.`;
      }
      break;
  }
  return { code, title: INDICATOR_TITLES[code], why: { zh, en } };
}

export interface ExplainedFlag extends IndicatorDescription {
  group: Group;
  /** The ocid, buyer, procuring entity or tenderer identifier the flag is about. */
  id: string;
  value: number;
}

/** Every result of a run as a flag with its plain-language reason: what a page or a CLI lists. */
export function explainResults(results: IndicatorResults, settings: CardinalSettings, meta?: IndicatorMeta): ExplainedFlag[] {
  const flags: ExplainedFlag[] = [];
  for (const [group, ids] of Object.entries(results) as [Group, Record<string, Record<string, number>>][]) {
    for (const [id, codes] of Object.entries(ids)) {
      for (const [code, value] of Object.entries(codes) as [IndicatorCode, number][]) {
        flags.push({ group, id, value, ...describeIndicator(code, value, settings, { group, meta }) });
      }
    }
  }
  return flags;
}
