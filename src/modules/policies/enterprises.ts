import type { EnterpriseInput, EnterpriseView } from '../../common/schemas/policies.js';
import type { EnterpriseTable } from './policies.tables.js';
import type { Selectable } from 'kysely';
import { countyLabel, resolveCounty } from './counties.js';
import { checkIndustryCode } from './industry.js';
import type { EnterpriseFacts } from './rules/columns.js';
import { hasUnsafeChars } from '../../common/text.js';
import { isValidDate } from '../../common/dates.js';
import { LEGAL_FORMS, QUALIFICATIONS, TAX_GRADES } from './rules/fields.js';
import { sizeClassOf } from './size-class.js';
import { checkUscc } from './uscc.js';

export type EnterpriseRow = Selectable<EnterpriseTable>;
/** The columns written for an enterprise (everything but id, version and timestamps). */
export type EnterpriseValues = Omit<EnterpriseRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'match_stale'>;

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Validates an enterprise as the API or an import row gives it and turns it into stored columns:
 * USCC check digit and division code, industry code, county, enumerations, dates; the size class
 * is computed from the official thresholds, never taken from input.
 */
export function normalizeEnterprise(input: EnterpriseInput, synthetic = false): { values?: EnterpriseValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const uscc = checkUscc(input.uscc);
  if (!uscc.ok) problems.push({ field: 'uscc', message: uscc.reason });
  let industry: string | null = null;
  if (input.industryCode) {
    const r = checkIndustryCode(input.industryCode);
    if (r.ok) industry = r.code;
    else problems.push({ field: 'industryCode', message: r.reason });
  }
  let county: string | null = null;
  if (input.county) {
    county = resolveCounty(input.county) ?? null;
    if (!county) problems.push({ field: 'county', message: `“${input.county}”不是内蒙古旗县区名称或区划代码 / unknown county-level unit` });
  } else if (uscc.ok && uscc.divisionCode.startsWith('15') && resolveCounty(uscc.divisionCode)) {
    // Without an explicit county, the registration authority's division in the USCC is used.
    county = uscc.divisionCode;
  }
  // The API schema refuses these already; an imported sheet reaches this check only.
  if (hasUnsafeChars(input.name)) {
    problems.push({ field: 'name', message: '企业名称含控制字符或文字方向控制符 / the name holds control or bidi characters' });
  }
  if (input.legalForm && !(LEGAL_FORMS as readonly string[]).includes(input.legalForm)) {
    problems.push({ field: 'legalForm', message: `企业类型应为：${LEGAL_FORMS.join('、')} / unknown legal form` });
  }
  const taxGrade = input.taxGrade ? input.taxGrade.toUpperCase() : null;
  if (taxGrade && !(TAX_GRADES as readonly string[]).includes(taxGrade))
    problems.push({ field: 'taxGrade', message: '纳税信用等级应为 A、B、M、C、D / tax grade must be A, B, M, C or D' });
  if (input.registeredOn && !isValidDate(input.registeredOn))
    problems.push({ field: 'registeredOn', message: `“${input.registeredOn}”不是有效日期 / not a valid date` });
  for (const [k, q] of (input.qualifications ?? []).entries()) {
    if (!(QUALIFICATIONS as readonly string[]).includes(q.kind))
      problems.push({ field: `qualifications.${k}.kind`, message: `未知资质“${q.kind}”；可用：${QUALIFICATIONS.join('、')}` });
    if (!isValidDate(q.from) || (q.to && !isValidDate(q.to)))
      problems.push({ field: `qualifications.${k}`, message: '资质有效期不是有效日期 / invalid validity dates' });
    else if (q.to && q.to < q.from)
      problems.push({ field: `qualifications.${k}`, message: '资质有效期止日早于起日 / validity ends before it starts' });
  }
  if (problems.length || !uscc.ok) return { problems };
  const f = { employees: input.employees ?? null, revenue: input.revenue ?? null, assets: input.assets ?? null };
  return {
    problems,
    values: {
      uscc: uscc.uscc,
      name: input.name,
      legal_form: input.legalForm ?? null,
      registered_on: input.registeredOn ?? null,
      capital: input.capital ?? null,
      county_code: county,
      industry_code: industry,
      size_class: industry && (f.employees !== null || f.revenue !== null || f.assets !== null) ? sizeClassOf(industry, f) : null,
      employees: f.employees,
      revenue: f.revenue,
      assets: f.assets,
      rd_spending: input.rdSpending ?? null,
      tax_grade: taxGrade,
      figures_year: input.figuresYear ?? null,
      qualifications_json: JSON.stringify((input.qualifications ?? []).map((q) => ({ kind: q.kind, from: q.from, to: q.to ?? null }))),
      tags_json: JSON.stringify([...new Set(input.tags ?? [])]),
      history_json: JSON.stringify(input.history ?? {}),
      synthetic: synthetic ? 1 : 0,
      contact_name: input.contactName || null,
      contact_phone: input.contactPhone ? input.contactPhone.replace(/[\s-]/g, '') : null,
      contact_email: input.contactEmail || null,
      legal_representative: input.legalRepresentative?.trim() || null,
      shareholders_json: input.shareholders?.length ? JSON.stringify([...new Set(input.shareholders.map(shareholderKey))]) : null,
    },
  };
}

/** A shareholder as compared: trimmed, and a credit code in upper case. */
export function shareholderKey(s: string): string {
  const t = s.normalize('NFKC').trim();
  return /^[0-9A-Za-z]{18}$/.test(t) ? t.toUpperCase() : t;
}

type NotFacts =
  | 'legal_representative'
  | 'shareholders_json'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'match_stale'
  | 'synthetic'
  | 'figures_year'
  | 'contact_name'
  | 'contact_phone'
  | 'contact_email';
/** What the rules engine sees of a stored enterprise. */
export function factsOf(r: Pick<EnterpriseRow, Exclude<keyof EnterpriseRow, NotFacts>>): EnterpriseFacts {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    legalForm: r.legal_form,
    registeredOn: r.registered_on,
    capital: r.capital,
    countyCode: r.county_code,
    industryCode: r.industry_code,
    sizeClass: r.size_class,
    employees: r.employees,
    revenue: r.revenue,
    assets: r.assets,
    rdSpending: r.rd_spending,
    taxGrade: r.tax_grade,
    qualifications: JSON.parse(r.qualifications_json),
    tags: JSON.parse(r.tags_json),
    history: JSON.parse(r.history_json),
  };
}

/** Facts of an example enterprise: fields left out are missing (and fail every test on them). */
export function exampleFacts(input: Partial<EnterpriseInput>): { facts?: EnterpriseFacts; problems: FieldProblem[] } {
  const uscc = input.uscc ?? '91150105MA0000000X';
  const problems: FieldProblem[] = [];
  let industry: string | null = null;
  if (input.industryCode) {
    const r = checkIndustryCode(input.industryCode);
    if (r.ok) industry = r.code;
    else problems.push({ field: 'industryCode', message: r.reason });
  }
  const county = input.county ? (resolveCounty(input.county) ?? null) : null;
  if (input.county && !county) problems.push({ field: 'county', message: `“${input.county}”不是旗县区 / unknown county-level unit` });
  if (problems.length) return { problems };
  const f = { employees: input.employees ?? null, revenue: input.revenue ?? null, assets: input.assets ?? null };
  return {
    problems,
    facts: {
      uscc,
      name: input.name ?? '示例企业',
      legalForm: input.legalForm ?? null,
      registeredOn: input.registeredOn ?? null,
      capital: input.capital ?? null,
      countyCode: county,
      industryCode: industry,
      sizeClass: industry && (f.employees !== null || f.revenue !== null || f.assets !== null) ? sizeClassOf(industry, f) : null,
      ...f,
      rdSpending: input.rdSpending ?? null,
      taxGrade: input.taxGrade ?? null,
      qualifications: (input.qualifications ?? []).map((q) => ({ kind: q.kind, from: q.from, to: q.to ?? null })),
      tags: input.tags ?? [],
      history: input.history ?? {},
    },
  };
}

export function presentEnterprise(r: EnterpriseRow): EnterpriseView {
  const ind = r.industry_code ? checkIndustryCode(r.industry_code) : undefined;
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    legalForm: r.legal_form,
    registeredOn: r.registered_on,
    capital: r.capital,
    countyCode: r.county_code,
    countyName: countyLabel(r.county_code),
    industryCode: r.industry_code,
    industryName: ind?.ok ? ind.name : '',
    sizeClass: r.size_class,
    employees: r.employees,
    revenue: r.revenue,
    assets: r.assets,
    rdSpending: r.rd_spending,
    taxGrade: r.tax_grade,
    figuresYear: r.figures_year,
    qualifications: JSON.parse(r.qualifications_json),
    tags: JSON.parse(r.tags_json),
    history: JSON.parse(r.history_json),
    synthetic: r.synthetic === 1,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    legalRepresentative: r.legal_representative,
    shareholders: r.shareholders_json ? (JSON.parse(r.shareholders_json) as string[]) : [],
    version: r.version,
  };
}
