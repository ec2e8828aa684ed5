import { countyLabel, resolveCounty } from "./counties.js";
import { checkIndustryCode } from "./industry.js";
import { isValidDate } from "./rules/dates.js";
import { LEGAL_FORMS, QUALIFICATIONS, TAX_GRADES } from "./rules/fields.js";
import { sizeClassOf } from "./size-class.js";
import { checkUscc } from "./uscc.js";
function normalizeEnterprise(input, synthetic = false) {
  const problems = [];
  const uscc = checkUscc(input.uscc);
  if (!uscc.ok) problems.push({ field: "uscc", message: uscc.reason });
  let industry = null;
  if (input.industryCode) {
    const r = checkIndustryCode(input.industryCode);
    if (r.ok) industry = r.code;
    else problems.push({ field: "industryCode", message: r.reason });
  }
  let county = null;
  if (input.county) {
    county = resolveCounty(input.county) ?? null;
    if (!county) problems.push({ field: "county", message: `\u201C${input.county}\u201D\u4E0D\u662F\u5185\u8499\u53E4\u65D7\u53BF\u533A\u540D\u79F0\u6216\u533A\u5212\u4EE3\u7801 / unknown county-level unit` });
  } else if (uscc.ok && uscc.divisionCode.startsWith("15") && resolveCounty(uscc.divisionCode)) {
    county = uscc.divisionCode;
  }
  if (input.legalForm && !LEGAL_FORMS.includes(input.legalForm)) {
    problems.push({ field: "legalForm", message: `\u4F01\u4E1A\u7C7B\u578B\u5E94\u4E3A\uFF1A${LEGAL_FORMS.join("\u3001")} / unknown legal form` });
  }
  const taxGrade = input.taxGrade ? input.taxGrade.toUpperCase() : null;
  if (taxGrade && !TAX_GRADES.includes(taxGrade)) problems.push({ field: "taxGrade", message: "\u7EB3\u7A0E\u4FE1\u7528\u7B49\u7EA7\u5E94\u4E3A A\u3001B\u3001M\u3001C\u3001D / tax grade must be A, B, M, C or D" });
  if (input.registeredOn && !isValidDate(input.registeredOn)) problems.push({ field: "registeredOn", message: `\u201C${input.registeredOn}\u201D\u4E0D\u662F\u6709\u6548\u65E5\u671F / not a valid date` });
  for (const [k, q] of (input.qualifications ?? []).entries()) {
    if (!QUALIFICATIONS.includes(q.kind)) problems.push({ field: `qualifications.${k}.kind`, message: `\u672A\u77E5\u8D44\u8D28\u201C${q.kind}\u201D\uFF1B\u53EF\u7528\uFF1A${QUALIFICATIONS.join("\u3001")}` });
    if (!isValidDate(q.from) || q.to && !isValidDate(q.to)) problems.push({ field: `qualifications.${k}`, message: "\u8D44\u8D28\u6709\u6548\u671F\u4E0D\u662F\u6709\u6548\u65E5\u671F / invalid validity dates" });
    else if (q.to && q.to < q.from) problems.push({ field: `qualifications.${k}`, message: "\u8D44\u8D28\u6709\u6548\u671F\u6B62\u65E5\u65E9\u4E8E\u8D77\u65E5 / validity ends before it starts" });
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
      synthetic: synthetic ? 1 : 0
    }
  };
}
function factsOf(r) {
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
    history: JSON.parse(r.history_json)
  };
}
function exampleFacts(input) {
  const uscc = input.uscc ?? "91150105MA0000000X";
  const problems = [];
  let industry = null;
  if (input.industryCode) {
    const r = checkIndustryCode(input.industryCode);
    if (r.ok) industry = r.code;
    else problems.push({ field: "industryCode", message: r.reason });
  }
  const county = input.county ? resolveCounty(input.county) ?? null : null;
  if (input.county && !county) problems.push({ field: "county", message: `\u201C${input.county}\u201D\u4E0D\u662F\u65D7\u53BF\u533A / unknown county-level unit` });
  if (problems.length) return { problems };
  const f = { employees: input.employees ?? null, revenue: input.revenue ?? null, assets: input.assets ?? null };
  return {
    problems,
    facts: {
      uscc,
      name: input.name ?? "\u793A\u4F8B\u4F01\u4E1A",
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
      history: input.history ?? {}
    }
  };
}
function presentEnterprise(r) {
  const ind = r.industry_code ? checkIndustryCode(r.industry_code) : void 0;
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
    industryName: ind?.ok ? ind.name : "",
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
    version: r.version
  };
}
export {
  exampleFacts,
  factsOf,
  normalizeEnterprise,
  presentEnterprise
};
//# sourceMappingURL=enterprises.js.map
