import { describe, expect, it } from 'vitest';
import type { ExplainNodeView } from '../../../common/schemas/policies.js';
import { actionableGap, outcomeOf } from '../explanations.js';
import { checkRule } from './check.js';
import { Columns } from './columns.js';
import { compileRule } from './compile.js';
import { toDays } from '../../../common/dates.js';
import { describeCondition, isActionable } from './describe.js';

const today = toDays('2026-03-02');

function checked(text: string) {
  const r = checkRule(text, { today, lookupRule: (code) => (code === 'BASE' ? 'taxGrade in ["A", "B"]' : undefined) });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.rule;
}
const sentence = (text: string) => describeCondition(checked(text), today);

describe('conditions in plain words', () => {
  // Expected sentences are written as a policy document would say them, one per operator.
  const cases: [rule: string, zh: string, en: string][] = [
    ['county == "新城区"', '注册地在新城区', 'Registered in 新城区'],
    ['county != "150105"', '注册地不在赛罕区', 'Not registered in 赛罕区'],
    ['county in ["赛罕区", "新城区"]', '注册地在赛罕区或新城区', 'Registered in 赛罕区 or 新城区'],
    ['county not in ["赛罕区", "新城区"]', '注册地不在赛罕区、新城区', 'Not registered in 赛罕区 or 新城区'],
    ['growth(revenue) >= 20%', '上年营业收入增长不低于20%', 'Growth of operating revenue last year is at least 20%'],
    [
      'growth(revenue, 2) > 10%',
      '近2年营业收入年均增长高于10%',
      'Average yearly growth of operating revenue over 2 years is more than 10%',
    ],
    ['revenue >= 2000', '上年营业收入不低于2000万元', 'Last year’s operating revenue is at least CNY 20,000,000'],
    ['capital <= 100', '注册资本不高于100万元', 'Registered capital is at most CNY 1,000,000'],
    ['employees < 50', '上年从业人数少于50人', 'Last year’s number of employees is fewer than 50 people'],
    ['employees > 9', '上年从业人数多于9人', 'Last year’s number of employees is more than 9 people'],
    ['employees == 8', '上年从业人数为8人', 'Last year’s number of employees is 8 people'],
    ['rdSpending != 0', '上年研发费用不为0万元', 'Last year’s R&D spending is not CNY 0'],
    [
      'employees between 10 and 300',
      '上年从业人数在10人至300人之间',
      'Last year’s number of employees is between 10 people and 300 people',
    ],
    ['registeredOn > 2020-01-01', '成立日期晚于2020年1月1日', 'Registration date is after 2020-01-01'],
    ['registeredOn >= today - 3 years', '成立日期不早于2023年3月2日', 'Registration date is on or after 2023-03-02'],
    ['registeredOn within 3 years', '成立不满3年', 'Registered within the last 3 years'],
    ['registeredOn within 6 months', '成立不满6个月', 'Registered within the last 6 months'],
    ['taxGrade in ["A", "B"]', '纳税信用等级为A级或B级', 'Tax credit grade is A or B'],
    ['taxGrade != "D"', '纳税信用等级不是D级', 'Tax credit grade is not D'],
    ['sizeClass in ["小", "微"]', '是小型或微型企业', 'Is a small or micro enterprise'],
    ['legalForm == "有限责任公司"', '企业类型为有限责任公司', 'Legal form is 有限责任公司'],
    ['industry under "C"', '所属行业属于制造业', 'Industry is within 制造业 (C)'],
    [
      'industry under ["6513", "软件开发"]',
      '所属行业属于应用软件开发或软件开发',
      'Industry is within 应用软件开发 (I6513) or 软件开发 (I651)',
    ],
    ['industry == "C39"', '所属行业为计算机、通信和其他电子设备制造业', 'Industry is 计算机、通信和其他电子设备制造业 (C39)'],
    ['has("高新技术企业")', '持有有效的“高新技术企业”资质', 'Holds a valid “高新技术企业” qualification'],
    ['has("绿色工厂", 2025-12-31)', '2025年12月31日持有有效的“绿色工厂”资质', 'Holds a valid “绿色工厂” qualification on 2025-12-31'],
    ['tag("外资企业")', '属于“外资企业”', 'Is marked “外资企业”'],
    [
      'rdSpending / revenue >= 3%',
      '上年研发费用占营业收入的比例不低于3%',
      'Last year’s R&D spending as a share of operating revenue is at least 3%',
    ],
    [
      'avg(revenue, 3) >= 1000',
      '近3年平均营业收入不低于1000万元',
      'Average operating revenue over the last 3 years is at least CNY 10,000,000',
    ],
    ['prev(revenue, 1) < 2000', '前年营业收入低于2000万元', 'The previous year’s operating revenue is less than CNY 20,000,000'],
    ['not tag("外资企业")', '不符合：属于“外资企业”', 'Not: is marked “外资企业”'],
    [
      'has("高新技术企业") or has("科技型中小企业")',
      '持有有效的“高新技术企业”资质，或持有有效的“科技型中小企业”资质',
      'Either holds a valid “高新技术企业” qualification, or holds a valid “科技型中小企业” qualification',
    ],
    [
      'employees >= 10 and (county == "新城区" or tag("外资企业"))',
      '上年从业人数不少于10人，且（注册地在新城区，或属于“外资企业”）',
      'Last year’s number of employees is at least 10 people, and (either registered in 新城区, or is marked “外资企业”)',
    ],
    ['rule("BASE")', '纳税信用等级为A级或B级', 'Tax credit grade is A or B'],
  ];
  it.each(cases)('%s', (rule, zh, en) => {
    expect(sentence(rule)).toEqual({ zh, en });
  });

  it('never shows rule code: no operator, field identifier or function name in a sentence', () => {
    for (const [rule] of cases) {
      const s = sentence(rule);
      for (const text of [s.zh])
        expect(text, rule).not.toMatch(
          />=|<=|==|!=|[<>]|\b(revenue|employees|rdSpending|registeredOn|taxGrade|county|industry|growth|has|tag|under|within)\b/,
        );
    }
  });
});

describe('what the enterprise can act on', () => {
  it('figures and qualifications yes; industry, place, registration date, legal form, size class and marks no', () => {
    const yes = [
      'revenue >= 1',
      'taxGrade == "A"',
      'growth(revenue) >= 5%',
      'rdSpending / revenue >= 3%',
      'has("高新技术企业")',
      'taxGrade in ["A"]',
      'has("绿色工厂") or employees > 5',
    ];
    const no = [
      'revenue < 2000',
      'prev(revenue, 1) >= 100',
      'employees <= 300',
      'industry under "C"',
      'county == "新城区"',
      'registeredOn within 3 years',
      'registeredOn < 2020-01-01',
      'legalForm == "国有企业"',
      'sizeClass == "小"',
      'tag("外资企业")',
      'has("绿色工厂") or industry under "C"',
    ];
    for (const r of yes) expect(isActionable(checked(r)), r).toBe(true);
    for (const r of no) expect(isActionable(checked(r)), r).toBe(false);
  });

  const rule = 'industry under "C"\nand registeredOn within 5 years\nand revenue >= 1000\nand has("高新技术企业")';
  const facts = (over: object) => ({
    id: 1,
    uscc: 'U',
    name: 'E',
    legalForm: null,
    registeredOn: '2024-01-01',
    capital: null,
    countyCode: null,
    industryCode: 'C39',
    sizeClass: null,
    employees: null,
    revenue: 1200,
    assets: null,
    rdSpending: null,
    taxGrade: null,
    qualifications: [{ kind: '高新技术企业', from: '2025-01-01', to: null }],
    tags: [],
    history: {},
    ...over,
  });
  const explain = (over: object) => {
    const c = compileRule(checked(rule), Columns.from([facts(over)]), today, rule);
    return JSON.parse(JSON.stringify(c.explain(0))) as ExplainNodeView;
  };

  it('a near miss on revenue or a qualification is shown with that condition only', () => {
    const gap = actionableGap(explain({ revenue: 800 }));
    expect(gap?.map((n) => n.sentence)).toEqual([
      { zh: '上年营业收入不低于1000万元', en: 'Last year’s operating revenue is at least CNY 10,000,000' },
    ]);
    expect(actionableGap(explain({ qualifications: [] }))?.map((n) => n.sentence?.zh)).toEqual(['持有有效的“高新技术企业”资质']);
  });

  it('a near miss on the industry or the registration date is no near miss for the enterprise', () => {
    expect(actionableGap(explain({ industryCode: 'F51' }))).toBeUndefined();
    expect(actionableGap(explain({ registeredOn: '2015-01-01' }))).toBeUndefined();
  });

  it('the outcome reads "满足全部条件" or "未满足：…" with every failing condition', () => {
    expect(outcomeOf(explain({}))).toEqual({ zh: '满足全部条件', en: 'Meets every condition' });
    expect(outcomeOf(explain({ revenue: 800, industryCode: 'I65' }))).toEqual({
      zh: '未满足：所属行业属于制造业；上年营业收入不低于1000万元',
      en: 'Not met: Industry is within 制造业 (C); Last year’s operating revenue is at least CNY 10,000,000',
    });
  });
});
