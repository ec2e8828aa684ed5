import model from './credit-model.json' with { type: 'json' };
import type { CreditGrade } from './draw.js';

/**
 * Credit-risk grading (信用风险分类监管: 市场监管总局关于推进企业信用风险分类管理进一步提升监管效能的意见,
 * 国市监信发〔2022〕6号, four grades A–D, low to high risk, setting the draw ratio of "双随机" inspections;
 * 国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见, 国办发〔2020〕49号): the scoring
 * model is data (credit-model.json), this file only applies it.
 */
export const CREDIT_MODEL = model;
export const RECORD_KINDS = Object.keys(model.records) as (keyof typeof model.records)[];
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Complaints and reports found substantiated against an enterprise at the demand desk: the records the
 * `enforcement.desk-complaints` job writes (one per ticket), counted only within the look-back window.
 */
export const DESK_COMPLAINT_KIND = 'deskComplaint' satisfies RecordKind;
export const DESK_COMPLAINT_LOOK_BACK_DAYS: number = model.records.deskComplaint.lookBackDays;

export interface Contribution {
  factor: string;
  count: number;
  points: number;
}

export interface GradeOutcome {
  grade: CreditGrade;
  score: number;
  explanation: Contribution[];
}

export function gradeOfScore(score: number): CreditGrade {
  return model.grades.find((g) => score >= g.min)!.grade as CreditGrade;
}

/** One enterprise's grade from its counts of records in effect per kind and its tax grade. */
export function gradeEnterprise(counts: Partial<Record<RecordKind, number>>, taxGrade: string | null): GradeOutcome {
  const explanation: Contribution[] = [];
  let score = model.base;
  for (const kind of RECORD_KINDS) {
    const n = counts[kind] ?? 0;
    if (!n) continue;
    const points = n * model.records[kind].points;
    explanation.push({ factor: kind, count: n, points });
    score += points;
  }
  const tax = taxGrade ? (model.taxGrade as Record<string, number>)[taxGrade] : undefined;
  if (tax) {
    explanation.push({ factor: `tax:${taxGrade}`, count: 1, points: tax });
    score += tax;
  }
  return { grade: gradeOfScore(score), score, explanation };
}

/**
 * Grades many enterprises at once from columns (the bench's 5 000 000 records): `recordEnterprise[i]`
 * is the index of record i's enterprise, `recordKind[i]` its kind's index in RECORD_KINDS.
 * Returns the score per enterprise (the grade follows from gradeOfScore).
 */
export function scoreAll(n: number, recordEnterprise: Int32Array, recordKind: Uint8Array, taxPoints: Int16Array): Int32Array {
  const points = Int32Array.from(RECORD_KINDS.map((k) => model.records[k].points));
  const score = new Int32Array(n).fill(model.base);
  for (let i = 0; i < recordEnterprise.length; i++) score[recordEnterprise[i]!]! += points[recordKind[i]!]!;
  for (let e = 0; e < n; e++) score[e]! += taxPoints[e]!;
  return score;
}

/**
 * One line of a grade's explanation in plain words: the model's own sentence for a kind that has one
 * ("近一年被投诉并经查实 2 次（企业诉求专席）"), else the kind's name and count.
 */
export function describeContribution(c: Contribution): { zh: string; en: string } {
  const fill = (t: string) => t.replace('{count}', String(c.count));
  if (c.factor.startsWith('tax:')) return { zh: `纳税信用 ${c.factor.slice(4)} 级`, en: `Tax credit grade ${c.factor.slice(4)}` };
  const kind = (model.records as Record<string, { zh: string; en: string; explain?: { zh: string; en: string } }>)[c.factor];
  if (!kind) return { zh: c.factor, en: c.factor };
  if (kind.explain) return { zh: fill(kind.explain.zh), en: fill(kind.explain.en) };
  return { zh: `${kind.zh} ${c.count} 项`, en: `${kind.en} × ${c.count}` };
}
