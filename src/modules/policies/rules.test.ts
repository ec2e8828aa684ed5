import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { checkIndustryCode } from './industry.js';
import { checkRule } from './rules/check.js';
import { Columns, type EnterpriseFacts } from './rules/columns.js';
import { compileRule } from './rules/compile.js';
import { toDays } from '../../common/dates.js';
import { recordOf, toJsonLogic } from './rules/translate.js';
import { sizeClassOf } from './size-class.js';
import { rng, syntheticFacts, syntheticUscc } from './synthetic.js';
import { checkUscc, usccCheckChar } from './uscc.js';

const today = toDays('2026-03-02');
const check = (text: string, rules: Record<string, string> = {}) => checkRule(text, { today, lookupRule: (c) => rules[c] });
const problemOf = (text: string, rules?: Record<string, string>) => {
  const r = check(text, rules);
  if (r.ok) throw new Error(`expected a problem in: ${text}`);
  return r.problems[0]!;
};

describe('USCC (GB 32100-2015)', () => {
  it('accepts a code whose check digit and division code are right', () => {
    const code = syntheticUscc(1, '150105', '有限责任公司');
    expect(checkUscc(code)).toEqual({ ok: true, uscc: code, divisionCode: '150105' });
    expect(checkUscc(` ${code.toLowerCase()} `).ok).toBe(true);
    // A published example from another province: only its province prefix is checked.
    expect(checkUscc('91350100M000100Y43').ok).toBe(true);
  });

  it('rejects a wrong check digit and says which one is expected', () => {
    const code = syntheticUscc(2, '150102', '有限责任公司');
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const r = checkUscc(wrong);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(`校验位应为“${code[17]}”`);
  });

  it('rejects a wrong length, forbidden letters, a bad authority code and an unknown division', () => {
    expect(checkUscc('91150105MA0N0000').ok).toBe(false);
    const r = checkUscc('91150105MA0N00000I');
    expect(!r.ok && r.reason).toContain('第 18 位');
    expect(checkUscc('Z1150105MA0N00000X').ok).toBe(false);
    const first = '911599990000000AB';
    expect(checkUscc(first + usccCheckChar(first))).toMatchObject({ ok: false, reason: expect.stringContaining('内蒙古') });
    const foreign = '919900000000000AB';
    expect(checkUscc(foreign + usccCheckChar(foreign)).ok).toBe(false);
  });
});

describe('industry codes (GB/T 4754-2017) and size classes', () => {
  it('normalises codes and rejects codes that do not exist', () => {
    expect(checkIndustryCode('3911')).toMatchObject({ ok: true, code: 'C3911', section: 'C', division: '39' });
    expect(checkIndustryCode('c39')).toMatchObject({ ok: true, code: 'C39' });
    expect(checkIndustryCode('C99')).toMatchObject({ ok: false, reason: expect.stringContaining('不存在') });
    expect(checkIndustryCode('B39')).toMatchObject({ ok: false, reason: expect.stringContaining('属于门类 C') });
    expect(checkIndustryCode('Z').ok).toBe(false);
    expect(checkIndustryCode('C39X').ok).toBe(false);
  });

  it('classifies by the 2017 thresholds: all bounds for large/medium/small, micro otherwise', () => {
    expect(sizeClassOf('C39', { employees: 1200, revenue: 50_000, assets: null })).toBe('大');
    expect(sizeClassOf('C39', { employees: 1200, revenue: 30_000, assets: null })).toBe('中');
    expect(sizeClassOf('C39', { employees: 120, revenue: 6800, assets: null })).toBe('小');
    expect(sizeClassOf('C39', { employees: 10, revenue: 6800, assets: null })).toBe('微');
    expect(sizeClassOf('F52', { employees: 60, revenue: 600, assets: null })).toBe('中');
    expect(sizeClassOf('I65', { employees: 15, revenue: 60, assets: null })).toBe('小');
    expect(sizeClassOf('L72', { employees: 20, revenue: null, assets: 50 })).toBe('微');
  });
});

describe('rule checking', () => {
  it('locates a syntax error', () => {
    const p = problemOf('employees > 10 and\n  revenue >= ');
    expect(p).toMatchObject({ kind: 'syntax', line: 2, column: 14 });
  });

  it('reports an empty rule', () => {
    expect(problemOf('  # only a comment\n')).toMatchObject({ kind: 'empty', line: 1, column: 1 });
  });

  it('locates an unknown field and a type mismatch', () => {
    expect(problemOf('employees > 10 and turnover > 5')).toMatchObject({ kind: 'unknown_field', line: 1, column: 20, start: 19, end: 27 });
    expect(problemOf('taxGrade >= "B"')).toMatchObject({ kind: 'type', column: 1 });
    expect(problemOf('revenue > "many"')).toMatchObject({ kind: 'type' });
    expect(problemOf('registeredOn > 5')).toMatchObject({ kind: 'type' });
    expect(problemOf('employees')).toMatchObject({ kind: 'type' });
  });

  it('rejects unknown values: an industry code that does not exist, a county, a qualification', () => {
    expect(problemOf('industry under ["C", "C99"]')).toMatchObject({ kind: 'unknown_value', column: 22 });
    expect(problemOf('county in ["海淀区"]')).toMatchObject({ kind: 'unknown_value' });
    expect(problemOf('has("不存在的资质")')).toMatchObject({ kind: 'unknown_value' });
    expect(problemOf('taxGrade == "E"')).toMatchObject({ kind: 'unknown_value' });
  });

  it('finds contradictory (never reachable) conditions', () => {
    expect(problemOf('employees > 100 and revenue > 0 and employees < 50')).toMatchObject({ kind: 'contradiction', column: 37 });
    expect(problemOf('employees between 300 and 10')).toMatchObject({ kind: 'contradiction' });
    expect(problemOf('taxGrade in ["A", "B"] and taxGrade == "C"')).toMatchObject({ kind: 'contradiction' });
    expect(problemOf('industry under "C" and industry under "F51"')).toMatchObject({ kind: 'contradiction' });
    expect(problemOf('registeredOn within 3 years and registeredOn < 2020-01-01')).toMatchObject({ kind: 'contradiction' });
    expect(check('industry under "C" and industry under "C39"').ok).toBe(true);
  });

  it('detects circular and unknown rule references', () => {
    const rules = { A: 'rule("B") and employees > 1', B: 'rule("A")' };
    const circular = checkRule('rule("B")', { today, lookupRule: (c) => (rules as Record<string, string>)[c], selfCode: 'A' });
    expect(circular.ok).toBe(false);
    expect(!circular.ok && circular.problems[0]).toMatchObject({ kind: 'circular', line: 1, column: 1 });
    expect(problemOf('rule("NOPE")')).toMatchObject({ kind: 'unknown_rule' });
    expect(checkRule('rule("X") and revenue > 1', { today, lookupRule: () => 'employees > 3' }).ok).toBe(true);
  });
});

const base: EnterpriseFacts = {
  uscc: 'x',
  name: 'A（演示）',
  legalForm: '有限责任公司',
  registeredOn: '2024-05-01',
  capital: 100,
  countyCode: '150105',
  industryCode: 'C39',
  sizeClass: '小',
  employees: 50,
  revenue: 1200,
  assets: 800,
  rdSpending: 60,
  taxGrade: 'A',
  qualifications: [{ kind: '高新技术企业', from: '2024-12-01', to: '2027-11-30' }],
  tags: ['民营企业'],
  history: { revenue: [1000, 800] },
};

describe('compiled matching and explanations', () => {
  const rule =
    'industry under "C" and growth(revenue) >= 10% and registeredOn within 3 years\nand has("高新技术企业") and county ' +
    'in ["赛罕区", "新城区"] and taxGrade in ["A", "B"]\nand employees between 10 and 300 and rdSpending / revenue >= 3%';
  const cols = Columns.from([
    base,
    { ...base, industryCode: 'F51' },
    { ...base, qualifications: [{ kind: '高新技术企业', from: '2020-01-01', to: '2022-12-31' }], countyCode: '150121' },
    { ...base, history: {} },
  ]);
  const checked = check(rule);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const compiled = compileRule(checked.rule, cols, today, rule);

  it('matches exactly the enterprises that meet every condition', () => {
    const out = new Int32Array(4);
    expect([...out.slice(0, compiled.matchAll(out))]).toEqual([0]);
    expect([0, 1, 2, 3].map((i) => compiled.test(i))).toEqual([true, false, false, false]);
    expect([1, 2, 3].map((i) => compiled.failures(i, 9))).toEqual([1, 2, 1]);
  });

  it('explains each condition with the value, the comparison and pass/fail', () => {
    const why = compiled.explain(1);
    expect(why.pass).toBe(false);
    const failing = why.children!.filter((c) => !c.pass);
    expect(failing).toEqual([
      expect.objectContaining({
        kind: 'cond',
        text: 'industry under "C"',
        sentence: { zh: '所属行业属于制造业', en: 'Industry is within 制造业 (C)' },
        label: { zh: '所属行业', en: 'industry' },
        actual: { zh: '批发业', en: '批发业 (F51)' },
        actionable: false,
        line: 1,
        column: 1,
      }),
    ]);
    const growth = why.children!.find((c) => c.text.startsWith('growth'))!;
    expect(growth).toMatchObject({
      pass: true,
      actual: { zh: '20%', en: '20%' },
      sentence: { zh: '上年营业收入增长不低于10%' },
      actionable: true,
    });
    const expired = compiled.explain(2).children!.find((c) => c.text.startsWith('has'))!;
    expect(expired).toMatchObject({
      pass: false,
      actual: { zh: '2020年1月1日至2022年12月31日', en: '2020-01-01 to 2022-12-31' },
      expected: { zh: '2026年3月2日有效', en: 'valid on 2026-03-02' },
    });
    const missing = compiled.explain(3).children!.find((c) => c.text.startsWith('growth'))!;
    expect(missing).toMatchObject({ pass: false, actual: { zh: '无数据', en: 'no data' } });
  });

  it('agrees with json-logic-js on a synthetic sample (the benchmark’s oracle)', () => {
    const r = rng(3);
    const sample = Columns.from(Array.from({ length: 400 }, (_, i) => syntheticFacts(r, i, today)));
    const texts = [
      'industry under ["C", "I65"] and employees >= 5 and (has("高新技术企业") or has("科技型中小企业"))',
      'county in ["赛罕区", "回民区", "武川县"] and taxGrade in ["A", "B"] and not tag("外资企业")',
      'registeredOn within 5 years and sizeClass in ["小", "微"] and revenue between 50 and 5000',
      'growth(revenue) >= 5% and rdSpending / revenue >= 1% and registeredOn < today - 2 years',
    ];
    for (const text of texts) {
      const c = check(text);
      if (!c.ok) throw new Error(text);
      const comp = compileRule(c.rule, sample, today, text);
      const logic = toJsonLogic(c.rule, today) as jsonLogic.RulesLogic;
      let matches = 0;
      for (let i = 0; i < sample.n; i++) {
        const mine = comp.test(i);
        matches += mine ? 1 : 0;
        expect(Boolean(jsonLogic.apply(logic, recordOf(sample, i)))).toBe(mine);
      }
      expect(matches).toBeGreaterThan(0);
    }
  });

  it('finds in bulk (the filters of stages.ts) exactly the rows json-logic-js accepts, boundaries included', () => {
    const r = rng(5);
    const sample = Columns.from(Array.from({ length: 3000 }, (_, i) => syntheticFacts(r, i, today)));
    const texts = [
      // strict and inclusive bounds on integer counts, where many enterprises sit exactly on the bound
      'employees > 20 and employees < 100',
      'employees >= 20 and employees <= 100 and employees != 50',
      'employees == 20 or employees == 21',
      '10 < employees and 300 >= employees',
      'revenue between 100 and 2000 and assets >= 0.5',
      'registeredOn > today - 5 years and registeredOn <= 2025-06-30',
      'registeredOn within 18 months and not tag("外资企业")',
      'county not in ["赛罕区", "回民区"] and industry under ["C", "F51", "I"]',
      'sizeClass in ["中", "小"] and taxGrade not in ["C"] and legalForm in ["有限责任公司"]',
      'has("高新技术企业", 2025-01-01) and growth(revenue) > 0 and rdSpending / revenue > 2%',
      'tag("民营企业") and not tag("无此标签") and not has("瞪羚企业")',
      'tag("无此标签") or employees > 900',
      'growth(revenue) >= 3% and prev(revenue, 1) < 5000',
    ];
    const out = new Int32Array(sample.n);
    for (const text of texts) {
      const c = check(text);
      if (!c.ok) throw new Error(`${text}: ${c.problems[0]!.message}`);
      const expected: number[] = [];
      const logic = toJsonLogic(c.rule, today) as jsonLogic.RulesLogic;
      for (let i = 0; i < sample.n; i++) if (jsonLogic.apply(logic, recordOf(sample, i))) expected.push(i);
      const comp = compileRule(c.rule, sample, today, text);
      expect([...out.slice(0, comp.matchAll(out))], text).toEqual(expected);
      // A slice of the rows, as a worker thread evaluates it.
      expect([...out.slice(0, comp.matchAll(out, 1000, 2500))], text).toEqual(expected.filter((i) => i >= 1000 && i < 2500));
    }
  });
});
