import { countyLabel, resolveCounty } from '../counties.js';
import { checkIndustryCode } from '../industry.js';
import type { CmpOp, DurationUnit, Expr, Literal } from './ast.js';
import type { Resolved } from './check.js';
import { addDuration, fromDays } from '../../../common/dates.js';
import { FIELDS } from './fields.js';
import { foldConstant, subConditions } from './walk.js';

/**
 * Rules in the words of a policy document. The enterprise never sees rule code: every condition is
 * turned into a sentence ("注册地在新城区", "上年营业收入增长不低于20%") with proper names (county,
 * industry, size class) and units (万元, 人, %), in Chinese and English.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

type Unit = 'money' | 'people' | 'percent' | 'date' | 'none';

/** What each field is called in a sentence, and the unit of its figures. */
export const FIELD_WORDS: Record<string, Bilingual & { unit: Unit }> = {
  uscc: { zh: '统一社会信用代码', en: 'unified social credit code', unit: 'none' },
  name: { zh: '企业名称', en: 'enterprise name', unit: 'none' },
  legalForm: { zh: '企业类型', en: 'legal form', unit: 'none' },
  registeredOn: { zh: '成立日期', en: 'registration date', unit: 'date' },
  capital: { zh: '注册资本', en: 'registered capital', unit: 'money' },
  county: { zh: '注册地', en: 'registered location', unit: 'none' },
  industry: { zh: '所属行业', en: 'industry', unit: 'none' },
  sizeClass: { zh: '企业规模', en: 'size class', unit: 'none' },
  employees: { zh: '从业人数', en: 'number of employees', unit: 'people' },
  revenue: { zh: '营业收入', en: 'operating revenue', unit: 'money' },
  assets: { zh: '资产总额', en: 'total assets', unit: 'money' },
  rdSpending: { zh: '研发费用', en: 'R&D spending', unit: 'money' },
  taxGrade: { zh: '纳税信用等级', en: 'tax credit grade', unit: 'none' },
};

/**
 * Conditions an enterprise can act on: figures it can improve and qualifications it can obtain.
 * Its industry, location, registration date, legal form or size class it cannot change for a
 * benefit, so a near miss on those is no near miss at all.
 */
const ACTIONABLE_FIELDS = new Set(['capital', 'employees', 'revenue', 'assets', 'rdSpending', 'taxGrade']);

/** Figures are those of the last full year, as policies state them ("上年营业收入"). */
const YEAR_ZH = ['上年', '前年', '大前年'];
const YEAR_EN = ['last year’s', 'the previous year’s', 'three years ago the'];

const SIZE_WORDS: Record<string, Bilingual> = {
  大: { zh: '大型', en: 'large' },
  中: { zh: '中型', en: 'medium' },
  小: { zh: '小型', en: 'small' },
  微: { zh: '微型', en: 'micro' },
};
const UNIT_WORDS: Record<DurationUnit, Bilingual> = {
  year: { zh: '年', en: 'year' },
  month: { zh: '个月', en: 'month' },
  day: { zh: '天', en: 'day' },
};

const trim = (v: number, digits: number) => String(Number(v.toFixed(digits)));

function dateZh(iso: string): string {
  return iso ? `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '';
}

/** A figure with its unit: 2000 万元 / CNY 20,000,000; 0.2 → 20%; 50 人 / 50 people. */
export function formatValue(v: number, unit: Unit): Bilingual {
  if (Number.isNaN(v)) return { zh: '无数据', en: 'no data' };
  switch (unit) {
    case 'percent':
      return { zh: `${trim(v * 100, 2)}%`, en: `${trim(v * 100, 2)}%` };
    case 'money':
      return { zh: `${trim(v, 2)}万元`, en: `CNY ${Math.round(v * 10_000).toLocaleString('en-US')}` };
    case 'people':
      return { zh: `${trim(v, 0)}人`, en: `${trim(v, 0)} ${v === 1 ? 'person' : 'people'}` };
    case 'date': {
      const iso = fromDays(v);
      return { zh: dateZh(iso), en: iso };
    }
    default:
      return { zh: trim(v, 4), en: trim(v, 4) };
  }
}

interface Subject extends Bilingual {
  unit: Unit;
}

/** The thing a condition talks about ("上年营业收入增长"), with the unit its values carry. */
function subject(e: Expr, today: number, inArith = false): Subject {
  switch (e.type) {
    case 'field': {
      const w = FIELD_WORDS[e.name]!;
      const yearly = FIELDS[e.name]!.yearly && !inArith;
      return { zh: `${yearly ? YEAR_ZH[0] : ''}${w.zh}`, en: `${yearly ? `${YEAR_EN[0]} ` : ''}${w.en}`, unit: w.unit };
    }
    case 'call': {
      const f = e.args[0]?.type === 'field' ? FIELD_WORDS[e.args[0].name]! : { zh: '', en: '', unit: 'none' as Unit };
      const n = e.args[1]?.type === 'num' ? e.args[1].value : 1;
      if (e.name === 'growth') {
        return n === 1
          ? { zh: `上年${f.zh}增长`, en: `growth of ${f.en} last year`, unit: 'percent' }
          : { zh: `近${n}年${f.zh}年均增长`, en: `average yearly growth of ${f.en} over ${n} years`, unit: 'percent' };
      }
      if (e.name === 'avg') return { zh: `近${n}年平均${f.zh}`, en: `average ${f.en} over the last ${n} years`, unit: f.unit };
      return { zh: `${YEAR_ZH[n] ?? `${n + 1}年前`}${f.zh}`, en: `${YEAR_EN[n] ?? `${n + 1} years ago the`} ${f.en}`, unit: f.unit };
    }
    case 'arith': {
      const yearly = [e.left, e.right].some((x) => x.type === 'field' && FIELDS[x.name]!.yearly);
      const l = subject(e.left, today, true);
      const r = subject(e.right, today, true);
      const pre = yearly && !inArith ? { zh: '上年', en: 'last year’s ' } : { zh: '', en: '' };
      if (e.op === '/') return { zh: `${pre.zh}${l.zh}占${r.zh}的比例`, en: `${pre.en}${l.en} as a share of ${r.en}`, unit: 'percent' };
      if (e.op === '+') return { zh: `${pre.zh}${l.zh}与${r.zh}之和`, en: `${pre.en}${l.en} plus ${r.en}`, unit: l.unit };
      if (e.op === '-') return { zh: `${pre.zh}${l.zh}减${r.zh}`, en: `${pre.en}${l.en} minus ${r.en}`, unit: l.unit };
      return { zh: `${pre.zh}${l.zh}乘以${r.zh}`, en: `${pre.en}${l.en} times ${r.en}`, unit: l.unit === 'none' ? r.unit : l.unit };
    }
    case 'neg': {
      const s = subject(e.expr, today, inArith);
      return { zh: `负${s.zh}`, en: `minus ${s.en}`, unit: s.unit };
    }
    default: {
      const v = foldConstant(e, today);
      const text = e.type === 'str' ? e.value : v === undefined ? '' : trim(v, 4);
      return { zh: text, en: text, unit: 'none' };
    }
  }
}

/** A constant on the rule's side, in the unit of the subject it is compared with. */
function constant(e: Expr, unit: Unit, today: number): Bilingual {
  const v = foldConstant(e, today);
  if (v === undefined) return subject(e, today);
  return formatValue(v, unit);
}

const NUMBER_WORDS: Record<CmpOp, Bilingual> = {
  '>=': { zh: '不低于', en: 'is at least' },
  '>': { zh: '高于', en: 'is more than' },
  '<=': { zh: '不高于', en: 'is at most' },
  '<': { zh: '低于', en: 'is less than' },
  '==': { zh: '为', en: 'is' },
  '!=': { zh: '不为', en: 'is not' },
};
const PEOPLE_WORDS: Record<CmpOp, Bilingual> = {
  ...NUMBER_WORDS,
  '>=': { zh: '不少于', en: 'is at least' },
  '>': { zh: '多于', en: 'is more than' },
  '<=': { zh: '不超过', en: 'is at most' },
  '<': { zh: '少于', en: 'is fewer than' },
};
const DATE_WORDS: Record<CmpOp, Bilingual> = {
  '>=': { zh: '不早于', en: 'is on or after' },
  '>': { zh: '晚于', en: 'is after' },
  '<=': { zh: '不晚于', en: 'is on or before' },
  '<': { zh: '早于', en: 'is before' },
  '==': { zh: '为', en: 'is' },
  '!=': { zh: '不为', en: 'is not' },
};

/** A categorical value as people name it: county and industry names, 小型, A级. */
function categorical(field: string, value: string): Bilingual {
  const type = FIELDS[field]!.type;
  if (type === 'county') {
    const name = countyLabel(resolveCounty(value) ?? value);
    return { zh: name, en: name };
  }
  if (type === 'industry') {
    const r = checkIndustryCode(value, { names: true });
    const name = r.ok ? r.name : value;
    return { zh: name, en: r.ok ? `${name} (${r.code})` : value };
  }
  if (field === 'sizeClass') return SIZE_WORDS[value] ?? { zh: value, en: value };
  if (field === 'taxGrade') return { zh: `${value}级`, en: value };
  if (type === 'string') return { zh: `“${value}”`, en: `“${value}”` };
  return { zh: value, en: value };
}

/** "A或B"; after a negation "A、B" ("不在A、B"), which cannot be misread as "not A, or B". */
function joinOr(items: Bilingual[], negated = false): Bilingual {
  const last = items[items.length - 1]?.en ?? '';
  const en =
    items.length > 1
      ? `${items
          .slice(0, -1)
          .map((x) => x.en)
          .join(', ')} or ${last}`
      : last;
  return { zh: items.map((x) => x.zh).join(negated ? '、' : '或'), en };
}

/** "注册地在新城区" / "所属行业为…" / "企业类型为…": how a categorical field is said to equal a set. */
function membership(field: string, values: Bilingual, negated: boolean, under = false): Bilingual {
  const w = FIELD_WORDS[field]!;
  const type = FIELDS[field]!.type;
  const not = negated ? 'is not' : 'is';
  if (type === 'county') {
    return { zh: `${w.zh}${negated ? '不在' : '在'}${values.zh}`, en: `${negated ? 'not registered' : 'registered'} in ${values.en}` };
  }
  if (type === 'industry') {
    const zh = `${w.zh}${negated ? '不' : ''}${under ? '属于' : '为'}${values.zh}`;
    return { zh, en: `industry ${not} ${under ? 'within ' : ''}${values.en}` };
  }
  if (field === 'sizeClass') return { zh: `${negated ? '不是' : '是'}${values.zh}企业`, en: `${not} a ${values.en} enterprise` };
  return { zh: `${w.zh}${negated ? '不是' : '为'}${values.zh}`, en: `${w.en} ${negated ? 'is not' : 'is'} ${values.en}` };
}

function durationWords(amount: number, unit: DurationUnit): Bilingual {
  const u = UNIT_WORDS[unit];
  return { zh: `${amount}${u.zh}`, en: `${amount} ${u.en}${amount === 1 ? '' : 's'}` };
}

/** One condition of a checked rule as a sentence; `today` (days since epoch) fixes relative dates. */
export function describeCondition(c: Resolved, today: number): Bilingual {
  const s = phrase(c, today);
  return { zh: s.zh, en: capital(s.en) };
}

function phrase(c: Resolved, today: number): Bilingual {
  switch (c.type) {
    case 'and':
    case 'or': {
      const parts = c.items.map((x) => {
        const s = phrase(x, today);
        // A group inside a group is bracketed so that "A and (B or C)" keeps its meaning.
        return x.type === 'and' || x.type === 'or' ? { zh: `（${s.zh}）`, en: `(${s.en})` } : s;
      });
      return c.type === 'and'
        ? { zh: parts.map((p) => p.zh).join('，且'), en: parts.map((p) => p.en).join(', and ') }
        : { zh: parts.map((p) => p.zh).join('，或'), en: `either ${parts.map((p) => p.en).join(', or ')}` };
    }
    case 'not': {
      const s = phrase(c.item, today);
      return { zh: `不符合：${s.zh}`, en: `not: ${s.en}` };
    }
    case 'ref':
      return phrase(c.body, today);
    case 'cmp': {
      if (c.left.type === 'field' && c.right.type === 'str' && FIELDS[c.left.name]!.type !== 'number') {
        return membership(c.left.name, categorical(c.left.name, c.right.value), c.op === '!=');
      }
      const s = subject(c.left, today);
      const words = s.unit === 'date' ? DATE_WORDS : s.unit === 'people' ? PEOPLE_WORDS : NUMBER_WORDS;
      const v = constant(c.right, s.unit, today);
      return { zh: `${s.zh}${words[c.op].zh}${v.zh}`, en: `${s.en} ${words[c.op].en} ${v.en}` };
    }
    case 'between': {
      const s = subject(c.value, today);
      const lo = constant(c.low, s.unit, today);
      const hi = constant(c.high, s.unit, today);
      return { zh: `${s.zh}在${lo.zh}至${hi.zh}之间`, en: `${s.en} is between ${lo.en} and ${hi.en}` };
    }
    case 'in':
    case 'under': {
      if (c.value.type === 'field' && FIELDS[c.value.name]!.type !== 'number') {
        const name = c.value.name;
        const neg = c.type === 'in' && c.negated;
        return membership(
          name,
          joinOr(
            c.list.map((l: Literal) => categorical(name, String(l.value))),
            neg,
          ),
          neg,
          c.type === 'under',
        );
      }
      const s = subject(c.value, today);
      const neg = c.type === 'in' && c.negated;
      const values = joinOr(
        c.list.map((l) => constant(l, s.unit, today)),
        neg,
      );
      return { zh: `${s.zh}${neg ? '不是' : '为'}${values.zh}`, en: `${s.en} ${neg ? 'is not' : 'is'} ${values.en}` };
    }
    case 'within': {
      const d = durationWords(c.amount, c.unit);
      if (c.value.type === 'field' && c.value.name === 'registeredOn') {
        return { zh: `成立不满${d.zh}`, en: `registered within the last ${d.en}` };
      }
      const s = subject(c.value, today);
      return { zh: `${s.zh}在近${d.zh}内`, en: `${s.en} is within the last ${d.en}` };
    }
    case 'test': {
      const e = c.expr as Extract<Expr, { type: 'call' }>;
      const arg = (e.args[0] as { value: string }).value;
      if (e.name === 'tag') return { zh: `属于“${arg}”`, en: `is marked “${arg}”` };
      const on = e.args[1] ? foldConstant(e.args[1], today) : undefined;
      const at = on === undefined ? undefined : formatValue(on, 'date');
      return at
        ? { zh: `${at.zh}持有有效的“${arg}”资质`, en: `holds a valid “${arg}” qualification on ${at.en}` }
        : { zh: `持有有效的“${arg}”资质`, en: `holds a valid “${arg}” qualification` };
    }
  }
}

function capital(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** The period a "within" condition asks for, as dates. */
export function withinRange(today: number, amount: number, unit: DurationUnit): Bilingual {
  const from = formatValue(addDuration(today, -amount, unit), 'date');
  const to = formatValue(today, 'date');
  return { zh: `${from.zh}至${to.zh}`, en: `${from.en} to ${to.en}` };
}

/**
 * True when the enterprise itself can change the outcome of every condition under `c`: it can
 * obtain a qualification or raise a figure of the current year. A ceiling ("revenue < 2000") or a
 * past year's figure (prev) it cannot meet by improving, so those are not counted.
 */
export function isActionable(c: Resolved): boolean {
  switch (c.type) {
    case 'and':
    case 'or':
    case 'not':
    case 'ref':
      return subConditions(c).every(isActionable);
    case 'test': {
      const e = c.expr as Extract<Expr, { type: 'call' }>;
      return e.name === 'has';
    }
    default: {
      if (c.type === 'cmp' && c.right.type !== 'str' && (c.op === '<' || c.op === '<=' || c.op === '==')) return false;
      const fields: string[] = [];
      let past = false;
      const collect = (e: Expr): void => {
        if (e.type === 'field') fields.push(e.name);
        else if (e.type === 'call') {
          if (e.name === 'prev') past = true;
          e.args.forEach(collect);
        } else if (e.type === 'arith') [e.left, e.right].forEach(collect);
        else if (e.type === 'neg') collect(e.expr);
      };
      collect(c.type === 'cmp' ? c.left : c.value);
      if (c.type === 'cmp') collect(c.right);
      return !past && fields.length > 0 && fields.every((f) => ACTIONABLE_FIELDS.has(f));
    }
  }
}
