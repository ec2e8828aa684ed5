import type { Bilingual, ExplainNodeView } from '../../common/schemas/policies.js';

/*
 * Reading a stored explanation tree: its one-line outcome, the conditions that failed at the top,
 * and which of them the enterprise can act on. Explanations stored before conditions had sentences
 * carry "中文 / English" strings; they are read as such.
 */

/** A bilingual value, or a legacy "中文 / English" string split into its halves. */
export function asBilingual(v: Bilingual | string | undefined): Bilingual {
  if (v === undefined) return { zh: '', en: '' };
  if (typeof v !== 'string') return v;
  const k = v.indexOf(' / ');
  return k < 0 ? { zh: v, en: v } : { zh: v.slice(0, k), en: v.slice(k + 3) };
}

export function sentenceOf(n: ExplainNodeView): Bilingual {
  return n.sentence ?? { zh: n.text, en: n.text };
}

/** The conditions of the rule's top level that failed (the items of nested ANDs flattened). */
export function failingConditions(n: ExplainNodeView): ExplainNodeView[] {
  if (n.pass) return [];
  if (n.kind === 'and') return (n.children ?? []).flatMap(failingConditions);
  return [n];
}

/** "满足全部条件" or "未满足：注册地在新城区；上年营业收入增长不低于20%". */
export function outcomeOf(n: ExplainNodeView): Bilingual {
  if (n.pass) return { zh: '满足全部条件', en: 'Meets every condition' };
  const s = failingConditions(n).map(sentenceOf);
  return { zh: `未满足：${s.map((x) => x.zh).join('；')}`, en: `Not met: ${s.map((x) => x.en).join('; ')}` };
}

/**
 * The failing conditions of a near miss when the enterprise can act on every one of them
 * (figures, qualifications); undefined when one of them is its industry, place or age.
 */
export function actionableGap(n: ExplainNodeView): ExplainNodeView[] | undefined {
  const failing = failingConditions(n);
  return failing.length && failing.every((f) => f.actionable === true) ? failing : undefined;
}
