import { SIZE_CLASSES } from '../size-class.js';

/** Legal forms (企业类型) the registry records. */
export const LEGAL_FORMS = [
  '有限责任公司',
  '股份有限公司',
  '个人独资企业',
  '合伙企业',
  '个体工商户',
  '农民专业合作社',
  '外商投资企业',
  '国有企业',
] as const;
export const TAX_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
/** Qualifications (资质) with validity periods that rules can test with has(...). */
export const QUALIFICATIONS = [
  '高新技术企业',
  '科技型中小企业',
  '专精特新中小企业',
  '专精特新“小巨人”企业',
  '创新型中小企业',
  '企业技术中心',
  '绿色工厂',
  '瞪羚企业',
] as const;

export type ValueType = 'number' | 'date' | 'duration' | 'string' | 'bool' | 'county' | 'industry' | 'enum';

export interface FieldDef {
  type: Exclude<ValueType, 'duration' | 'bool'>;
  label: string;
  /** Allowed values of an enum field. */
  values?: readonly string[];
  /** Fields with yearly history that growth()/avg()/prev() can read. */
  yearly?: boolean;
  aliases: string[];
}

/** The enterprise fields a rule can name; Chinese aliases let staff write the names they use. */
export const FIELDS: Record<string, FieldDef> = {
  uscc: { type: 'string', label: '统一社会信用代码', aliases: ['统一社会信用代码'] },
  name: { type: 'string', label: '企业名称', aliases: ['企业名称'] },
  legalForm: { type: 'enum', label: '企业类型', values: LEGAL_FORMS, aliases: ['企业类型'] },
  registeredOn: { type: 'date', label: '成立日期', aliases: ['成立日期', '注册日期'] },
  capital: { type: 'number', label: '注册资本（万元）', aliases: ['注册资本'] },
  county: { type: 'county', label: '所在旗县区', aliases: ['旗县区', '所在地'] },
  industry: { type: 'industry', label: '国民经济行业', aliases: ['行业'] },
  sizeClass: { type: 'enum', label: '企业规模', values: SIZE_CLASSES, aliases: ['企业规模', '规模'] },
  employees: { type: 'number', label: '从业人数', yearly: true, aliases: ['从业人数', '员工数'] },
  revenue: { type: 'number', label: '营业收入（万元）', yearly: true, aliases: ['营业收入'] },
  assets: { type: 'number', label: '资产总额（万元）', yearly: true, aliases: ['资产总额'] },
  rdSpending: { type: 'number', label: '研发费用（万元）', yearly: true, aliases: ['研发费用', '研发投入'] },
  taxGrade: { type: 'enum', label: '纳税信用等级', values: TAX_GRADES, aliases: ['纳税信用等级', '纳税信用'] },
};

const BY_NAME = new Map<string, string>();
for (const [name, def] of Object.entries(FIELDS)) {
  BY_NAME.set(name.toLowerCase(), name);
  for (const a of def.aliases) BY_NAME.set(a, name);
}

/** The canonical field name for a name or alias written in a rule. */
export function resolveField(name: string): string | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase());
}

export const YEARLY_FIELDS = Object.entries(FIELDS)
  .filter(([, d]) => d.yearly)
  .map(([n]) => n);
/** Years of history kept per yearly field: the current year and two before it. */
export const HISTORY_YEARS = 3;

/** Functions a rule can call, with their Chinese names. */
export const FUNCTIONS: Record<string, { label: string; aliases: string[]; signature: string }> = {
  has: { label: '持有资质', aliases: ['持有'], signature: 'has("高新技术企业"[, 日期])' },
  tag: { label: '带有标签', aliases: ['标签'], signature: 'tag("外资企业")' },
  rule: { label: '符合另一兑现事项的规则', aliases: ['规则'], signature: 'rule("兑现事项编码")' },
  growth: { label: '增长率', aliases: ['增长率'], signature: 'growth(revenue[, 年数])' },
  avg: { label: '近 n 年平均', aliases: ['平均'], signature: 'avg(revenue, 3)' },
  prev: { label: 'n 年前的数值', aliases: ['往年'], signature: 'prev(revenue, 1)' },
};
const FN_BY_NAME = new Map<string, string>();
for (const [name, def] of Object.entries(FUNCTIONS)) {
  FN_BY_NAME.set(name.toLowerCase(), name);
  for (const a of def.aliases) FN_BY_NAME.set(a, name);
}
export function resolveFunction(name: string): string | undefined {
  return FN_BY_NAME.get(name) ?? FN_BY_NAME.get(name.toLowerCase());
}
