import type { EnterpriseInput } from '../../common/schemas/policies.js';
import { HOHHOT_COUNTIES } from './counties.js';
import { industryCatalogue } from './industry.js';
import type { EnterpriseFacts } from './rules/columns.js';
import { fromDays } from '../../common/dates.js';
import { sizeClassOf } from './size-class.js';
import { orgCodeCheckChar, usccCheckChar } from './uscc.js';

/**
 * A synthetic enterprise registry with plausible distributions (sizes log-normal, most firms young
 * and small, trade and services dominant). Every name carries "（演示）" and every USCC passes the
 * GB 32100 check digit, so demo data is unmistakable yet valid. Deterministic for a seed.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const totals = new WeakMap<readonly number[], number>();
function pick<T>(r: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(r() * items.length)]!;
  let total = totals.get(weights);
  if (total === undefined) totals.set(weights, (total = weights.reduce((a, b) => a + b, 0)));
  let x = r() * total;
  for (let k = 0; k < items.length; k++) if ((x -= weights[k]!) < 0) return items[k]!;
  return items[items.length - 1]!;
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
const logNormal = (r: () => number, median: number, sigma: number) => median * Math.exp(sigma * normal(r));
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

const SECTIONS = ['F', 'L', 'M', 'I', 'C', 'E', 'H', 'K', 'G', 'O', 'A', 'R', 'B', 'D', 'J', 'N', 'P', 'Q'] as const;
const SECTION_WEIGHTS = [30, 12, 8, 6, 9, 6, 6, 3, 4, 4, 3, 2, 1, 1, 1, 1, 1, 1];
const DIVISIONS = new Map<string, string[]>();
for (const e of industryCatalogue()) if (e.level === 'division') DIVISIONS.set(e.parent, [...(DIVISIONS.get(e.parent) ?? []), e.code]);
const COUNTY_SHARE: Record<string, number> = {
  新城区: 15,
  回民区: 10,
  玉泉区: 10,
  赛罕区: 25,
  土默特左旗: 8,
  托克托县: 5,
  和林格尔县: 7,
  清水河县: 3,
  武川县: 3,
  呼和浩特经济技术开发区: 14,
};
const COUNTY_WEIGHTS = HOHHOT_COUNTIES.map((c) => COUNTY_SHARE[c.name] ?? 1);
const COUNTY_SHORT: Record<string, string> = {
  土默特左旗: '土左旗',
  托克托县: '托县',
  和林格尔县: '和林',
  呼和浩特经济技术开发区: '经开区',
};
const WORDS = '华瑞泰鑫恒德宏嘉金盛康源达通信博远安丰益青城北疆草原蒙兴'.split('');
const TRADE: Record<string, string[]> = {
  C: ['新材料', '乳业', '制造', '装备', '电子', '生物'],
  F: ['商贸', '贸易', '商行', '供应链'],
  I: ['信息技术', '软件', '网络科技', '数据'],
  M: ['科技', '检测', '工程技术', '设计'],
  L: ['商务服务', '企业管理', '广告'],
  E: ['建设', '建筑工程', '装饰'],
  H: ['餐饮', '酒店'],
  K: ['房地产', '物业服务'],
  G: ['物流', '运输'],
  A: ['农牧业', '种养殖'],
};
const LEGAL = [
  '有限责任公司',
  '股份有限公司',
  '个人独资企业',
  '合伙企业',
  '个体工商户',
  '农民专业合作社',
  '外商投资企业',
  '国有企业',
] as const;
const LEGAL_WEIGHTS = [70, 5, 6, 3, 10, 2, 2, 1];
const SUFFIX: Record<string, string> = {
  有限责任公司: '有限公司',
  股份有限公司: '股份有限公司',
  个人独资企业: '个人独资企业',
  合伙企业: '企业（有限合伙）',
  个体工商户: '经营部',
  农民专业合作社: '专业合作社',
  外商投资企业: '有限公司',
  国有企业: '集团有限公司',
};
const TAX = ['A', 'B', 'M', 'C', 'D'];
const TAX_WEIGHTS = [25, 45, 20, 7, 3];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid USCC for the i-th synthetic enterprise (unique per i below 31^8). */
export function syntheticUscc(i: number, countyCode: string, legalForm: string): string {
  const type = legalForm === '个体工商户' ? '92' : legalForm === '农民专业合作社' ? '93' : '91';
  let n = (i * 7_919 + 104_729) % 31 ** 8;
  let body = '';
  for (let k = 0; k < 8; k++, n = Math.floor(n / 31)) body = USCC_CHARS[n % 31] + body;
  const first17 = `${type}${countyCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** The i-th enterprise of a synthetic registry, as of `today` (days since epoch). */
export function syntheticEnterprise(r: () => number, i: number, today: number): EnterpriseInput {
  const section = pick(r, SECTIONS, SECTION_WEIGHTS);
  const division = pick(r, DIVISIONS.get(section)!);
  const county = pick(r, HOHHOT_COUNTIES, COUNTY_WEIGHTS);
  const legalForm = section === 'A' && r() < 0.3 ? '农民专业合作社' : pick(r, LEGAL, LEGAL_WEIGHTS);
  const ageDays = Math.min(35 * 365, Math.floor(-Math.log(1 - r()) * 7 * 365));
  const employees = Math.max(1, Math.min(20_000, Math.round(logNormal(r, 8, 1.3))));
  const revenue = round(employees * logNormal(r, 40, 0.8));
  const assets = round(revenue * logNormal(r, 0.9, 0.6));
  const innovative = section === 'C' || section === 'I' || section === 'M';
  const rdSpending = r() < (innovative ? 0.6 : 0.1) ? round(revenue * (0.005 + r() * (innovative ? 0.075 : 0.02))) : 0;
  const quals: EnterpriseInput['qualifications'] = [];
  const held = (kind: string, p: number, years: number) => {
    if (r() >= p) return;
    const from = today - Math.floor(r() * (years + 1) * 365);
    quals.push({ kind, from: fromDays(from), to: fromDays(from + years * 365 - 1) });
  };
  held('高新技术企业', innovative ? 0.08 : 0.005, 3);
  held('科技型中小企业', innovative ? 0.1 : 0.01, 1);
  held('专精特新中小企业', section === 'C' ? 0.03 : 0.003, 3);
  held('专精特新“小巨人”企业', section === 'C' ? 0.003 : 0, 3);
  held('创新型中小企业', innovative ? 0.03 : 0.002, 3);
  held('企业技术中心', section === 'C' ? 0.01 : 0, 3);
  held('绿色工厂', section === 'C' || section === 'D' ? 0.01 : 0, 3);
  held('瞪羚企业', section === 'I' || section === 'M' ? 0.005 : 0, 2);
  const tags = [legalForm === '外商投资企业' ? '外资企业' : legalForm === '国有企业' ? '国有企业' : '民营企业'];
  if (revenue >= 2000 && (section === 'C' || section === 'B' || section === 'D')) tags.push('规上企业');
  if (r() < 0.04) tags.push('出口企业');
  const back = (v: number, mean: number, sd: number) => round(v / (1 + Math.max(-0.5, Math.min(1.5, mean + sd * normal(r)))));
  const rev1 = back(revenue, 0.08, 0.2);
  const rev2 = back(rev1, 0.08, 0.2);
  const short = COUNTY_SHORT[county.name] ?? county.name.replace(/[区县旗]$/, '');
  return {
    uscc: syntheticUscc(i, county.code, legalForm),
    name: `（演示）${short}${pick(r, WORDS)}${pick(r, WORDS)}${pick(r, TRADE[section] ?? ['实业'])}${SUFFIX[legalForm]}`,
    legalForm,
    registeredOn: fromDays(today - ageDays - 1),
    capital: Math.round(logNormal(r, 100, 1.2)),
    county: county.code,
    industryCode: `${section}${division}`,
    employees,
    revenue,
    assets,
    rdSpending,
    taxGrade: pick(r, TAX, TAX_WEIGHTS),
    figuresYear: new Date(today * 86_400_000).getUTCFullYear() - 1,
    qualifications: quals,
    tags,
    history: {
      revenue: [rev1, rev2],
      employees: [Math.max(1, Math.round(back(employees, 0.03, 0.1))), Math.max(1, Math.round(back(employees, 0.06, 0.15)))],
      rdSpending: [back(rdSpending, 0.1, 0.2), back(rdSpending, 0.2, 0.3)],
      assets: [back(assets, 0.05, 0.1), back(assets, 0.1, 0.15)],
    },
  };
}

/** The same synthetic enterprise as rule facts, without the registry's validation (for the benchmark). */
export function syntheticFacts(r: () => number, i: number, today: number): EnterpriseFacts {
  const e = syntheticEnterprise(r, i, today);
  return {
    id: i,
    uscc: e.uscc,
    name: e.name,
    legalForm: e.legalForm ?? null,
    registeredOn: e.registeredOn ?? null,
    capital: e.capital ?? null,
    countyCode: e.county ?? null,
    industryCode: e.industryCode ?? null,
    sizeClass: sizeClassOf(e.industryCode!, { employees: e.employees ?? null, revenue: e.revenue ?? null, assets: e.assets ?? null }),
    employees: e.employees ?? null,
    revenue: e.revenue ?? null,
    assets: e.assets ?? null,
    rdSpending: e.rdSpending ?? null,
    taxGrade: e.taxGrade ?? null,
    qualifications: (e.qualifications ?? []).map((q) => ({ kind: q.kind, from: q.from, to: q.to ?? null })),
    tags: e.tags ?? [],
    history: e.history ?? {},
  };
}
