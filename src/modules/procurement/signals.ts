import { BID_META_FIELDS, type Bid, type BidMeta, type Flag, type Tender } from './tender.js';

/**
 * Collusion signals from the Tendering Law regulations (招标投标法实施条例).
 *
 * Art. 40 — bids "deemed collusive" (视为串通), compared between two bidders of the same tender:
 *   (一) documents made by the same unit or person → same author / last saved by / machine / network id;
 *   (二) the same agent handles both bids; (三) the same project manager;
 *   (四) abnormally identical documents or prices, or prices in a regular pattern → identical
 *        amounts here, and across tenders a constant ratio or difference (PairStats);
 *   (六) deposits paid from the same account.
 * Art. 39 — collusion across tenders, judged on groups of bidders (groups.ts): (二) an agreed
 * winner → rotation of wins inside a group; (三) agreed losing → cover bidding, a member always
 * losing to the same competitor by a similar margin; (四) members of one organisation bidding
 * together → related parties: the same legal representative (from the imported file or the
 * enterprise registry) or a shareholder in common / one holding shares in the other (registry).
 */

export const ART39_RELATED_PARTIES = 'ART39_RELATED_PARTIES';

interface FieldRule {
  code: string;
  zh: string;
  en: string;
  article: string;
}

const META_RULES: Record<keyof BidMeta, FieldRule> = {
  author: { code: 'ART40_SAME_AUTHOR', zh: '投标文件作者相同', en: 'the bid documents have the same author', article: '40(1)' },
  lastSavedBy: {
    code: 'ART40_SAME_LAST_SAVED_BY',
    zh: '投标文件最后保存者相同',
    en: 'the bid documents were last saved by the same person',
    article: '40(1)',
  },
  software: { code: 'ART40_SAME_SOFTWARE', zh: '编制软件及版本相同', en: 'the same software made the documents', article: '40(1)' },
  machineId: {
    code: 'ART40_SAME_MACHINE',
    zh: '投标文件由同一台电脑（机器码）制作或上传',
    en: 'the bids were made or uploaded on the same machine',
    article: '40(1)',
  },
  networkId: {
    code: 'ART40_SAME_NETWORK',
    zh: '投标上传的网络地址（IP/MAC）相同',
    en: 'the bids came from the same network address',
    article: '40(1)',
  },
  agent: { code: 'ART40_SAME_AGENT', zh: '委托同一单位或个人办理投标事宜', en: 'the same agent handled both bids', article: '40(2)' },
  projectManager: {
    code: 'ART40_SAME_PROJECT_MANAGER',
    zh: '载明的项目负责人为同一人',
    en: 'the bids name the same project manager',
    article: '40(3)',
  },
  depositAccount: {
    code: 'ART40_SAME_DEPOSIT_ACCOUNT',
    zh: '投标保证金从同一账户转出',
    en: 'the deposits came from the same account',
    article: '40(6)',
  },
  legalRepresentative: {
    code: ART39_RELATED_PARTIES,
    zh: '法定代表人为同一人（关联企业）',
    en: 'the bidders share a legal representative (related parties)',
    article: '39(4)',
  },
};

/**
 * Software alone is common (most bidders use the centre's own tool), so it never fires by itself:
 * it is shown beside the other document signals as supporting detail.
 */
const SUPPORTING_ONLY = new Set<keyof BidMeta>(['software']);

export const ART40_IDENTICAL_PRICE = 'ART40_IDENTICAL_PRICE';
export const ART39_SHARED_SHAREHOLDER = 'ART39_SHARED_SHAREHOLDER';

/** Where a signal's value was read: the imported bids file or the enterprise registry. */
export type SignalSource = 'file' | 'registry';
const SOURCE_TEXT: Record<SignalSource, { zh: string; en: string }> = {
  file: { zh: '导入的投标文件', en: 'the imported bids file' },
  registry: { zh: '企业登记信息', en: 'the enterprise registry' },
};

/** A signal between two bidders of one tender. */
export interface TenderPairSignal {
  code: string;
  a: string;
  b: string;
  value: string | number;
  /** Set for the related-party signals, which may come from either source. */
  source?: SignalSource;
}

/**
 * The Art. 40 / related-party signals inside one tender: every metadata value shared by two or
 * more bidders, and identical bid amounts. Returns the tender's flags (one per code, naming the
 * bidders) and the pair signals (for the pairs list).
 */
export function tenderSignals(tender: Tender): { flags: Flag[]; pairs: TenderPairSignal[] } {
  const pairs: TenderPairSignal[] = [];
  const bids = tender.bids;
  const n = bids.length;
  if (n < 2) return { flags: [], pairs };
  // Tenders have a handful of bids: comparing every pair beats building a map per field.
  for (const field of BID_META_FIELDS) {
    if (SUPPORTING_ONLY.has(field)) continue;
    let values: (string | undefined)[] | null = null;
    for (let i = 0; i < n; i++) {
      const v = bids[i]!.meta?.[field];
      if (v) (values ??= new Array<string | undefined>(n))[i] = v.trim().toLowerCase() || undefined;
    }
    if (!values) continue;
    const code = META_RULES[field].code;
    const source = code === ART39_RELATED_PARTIES ? { source: 'file' as const } : {};
    samePairs(
      bids,
      (i, j) => values[i] !== undefined && values[i] === values[j],
      (a, b, i) => pairs.push({ code, a, b, value: bids[i]!.meta![field]!.trim(), ...source }),
    );
  }
  pairs.push(...registryPairs(bids));
  samePairs(
    bids,
    (i, j) => bids[i]!.amount === bids[j]!.amount,
    (a, b, i) => pairs.push({ code: ART40_IDENTICAL_PRICE, a, b, value: bids[i]!.amount }),
  );
  return { flags: pairs.length ? flagsOf(tender, pairs) : [], pairs };
}

/** Every pair of distinct bidders (i < j) for which `same` holds, named in id order. */
function samePairs(bids: Bid[], same: (i: number, j: number) => boolean, emit: (a: string, b: string, i: number) => void) {
  for (let i = 0; i < bids.length; i++) {
    for (let j = i + 1; j < bids.length; j++) {
      if (!same(i, j)) continue;
      const a = bids[i]!.bidderId;
      const b = bids[j]!.bidderId;
      if (a !== b) emit(a < b ? a : b, a < b ? b : a, i);
    }
  }
}

/**
 * Related parties as the enterprise registry records them: the same legal representative, a
 * shareholder in common, or one bidder among the other's shareholders (by credit code or name).
 */
function registryPairs(bids: Bid[]): TenderPairSignal[] {
  const out: TenderPairSignal[] = [];
  if (!bids.some((b) => b.registry)) return out;
  const norm = (s: string) => s.normalize('NFKC').trim().toUpperCase();
  const holders = bids.map((b) => new Set((b.registry?.shareholders ?? []).map(norm)));
  const reps = bids.map((b) => (b.registry?.legalRepresentative ? norm(b.registry.legalRepresentative) : undefined));
  samePairs(
    bids,
    (i, j) => reps[i] !== undefined && reps[i] === reps[j],
    (a, b, i) => out.push({ code: ART39_RELATED_PARTIES, a, b, value: bids[i]!.registry!.legalRepresentative!.trim(), source: 'registry' }),
  );
  const common = (i: number, j: number): string | undefined => {
    for (const h of holders[i]!) if (holders[j]!.has(h)) return h;
    const holdsOther = (x: number, y: number) =>
      holders[x]!.has(norm(bids[y]!.bidderId)) || (bids[y]!.bidderName && holders[x]!.has(norm(bids[y]!.bidderName!)));
    if (holdsOther(i, j)) return `${bids[j]!.bidderName ?? bids[j]!.bidderId} → ${bids[i]!.bidderName ?? bids[i]!.bidderId}`;
    if (holdsOther(j, i)) return `${bids[i]!.bidderName ?? bids[i]!.bidderId} → ${bids[j]!.bidderName ?? bids[j]!.bidderId}`;
    return undefined;
  };
  for (let i = 0; i < bids.length; i++) {
    for (let j = i + 1; j < bids.length; j++) {
      const a = bids[i]!.bidderId;
      const b = bids[j]!.bidderId;
      const value = a !== b ? common(i, j) : undefined;
      if (value) out.push({ code: ART39_SHARED_SHAREHOLDER, a: a < b ? a : b, b: a < b ? b : a, value, source: 'registry' });
    }
  }
  return out;
}

function flagsOf(tender: Tender, pairs: TenderPairSignal[]): Flag[] {
  const byCode = new Map<string, TenderPairSignal[]>();
  for (const p of pairs) {
    const list = byCode.get(p.code);
    if (list) list.push(p);
    else byCode.set(p.code, [p]);
  }
  const names = new Map(tender.bids.map((b) => [b.bidderId, b.bidderName ?? b.bidderId]));
  const flags: Flag[] = [];
  for (const [code, list] of byCode) {
    const rule = ruleOf(code)!;
    const who = [...new Set(list.flatMap((p) => [p.a, p.b]))];
    const values = [...new Set(list.map((p) => String(p.value)))];
    const sources = [...new Set(list.flatMap((p) => (p.source ? [p.source] : [])))];
    const from = sources.length
      ? {
          zh: `，来源：${sources.map((s) => SOURCE_TEXT[s].zh).join('、')}`,
          en: `, from ${sources.map((s) => SOURCE_TEXT[s].en).join(' and ')}`,
        }
      : { zh: '', en: '' };
    flags.push({
      code,
      why:
        `${who.map((id) => names.get(id)).join('、')}：${rule.zh}（${values.join('、')}${from.zh}），` +
        `属《招标投标法实施条例》第${articleZh(rule.article)}情形`,
      whyEn:
        `${who.map((id) => names.get(id)).join(', ')}: ${rule.en} (${values.join(', ')}${from.en}), ` +
        `a case of Art. ${rule.article} of the Tendering Law regulations`,
      inputs: sources.length ? { bidders: who, values, sources } : { bidders: who, values },
      threshold: 'same value for two or more bidders',
    });
  }
  return flags;
}

const IDENTICAL_PRICE_RULE: FieldRule = {
  code: ART40_IDENTICAL_PRICE,
  zh: '投标报价完全相同（投标文件异常一致）',
  en: 'the bid amounts are identical (abnormally identical bids)',
  article: '40(4)',
};

const SHARED_SHAREHOLDER_RULE: FieldRule = {
  code: ART39_SHARED_SHAREHOLDER,
  zh: '存在共同股东或相互持股（关联企业）',
  en: 'the bidders share a shareholder or one holds shares in the other (related parties)',
  article: '39(4)',
};

function ruleOf(code: string): FieldRule | undefined {
  if (code === ART40_IDENTICAL_PRICE) return IDENTICAL_PRICE_RULE;
  if (code === ART39_SHARED_SHAREHOLDER) return SHARED_SHAREHOLDER_RULE;
  return Object.values(META_RULES).find((r) => r.code === code);
}

/** The plain sentence of a per-tender signal code (for the pairs list). */
export function describeSignal(code: string): { zh: string; en: string } | null {
  const rule = ruleOf(code);
  return rule ? { zh: rule.zh, en: rule.en } : null;
}

const ZH_DIGITS = ['〇', '一', '二', '三', '四', '五', '六'];

/** '40(4)' → '四十条第（四）项'. */
function articleZh(article: string): string {
  const [, num, item] = /^(\d+)\((\d)\)$/.exec(article)!;
  const n = Number(num);
  return `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 ? ZH_DIGITS[n % 10] : ''}条第（${ZH_DIGITS[Number(item)]}）项`;
}
