import { HOHHOT_COUNTIES } from "./counties.js";
import { industryCatalogue } from "./industry.js";
import { fromDays } from "./rules/dates.js";
import { sizeClassOf } from "./size-class.js";
import { orgCodeCheckChar, usccCheckChar } from "./uscc.js";
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
const totals = /* @__PURE__ */ new WeakMap();
function pick(r, items, weights) {
  if (!weights) return items[Math.floor(r() * items.length)];
  let total = totals.get(weights);
  if (total === void 0) totals.set(weights, total = weights.reduce((a, b) => a + b, 0));
  let x = r() * total;
  for (let k = 0; k < items.length; k++) if ((x -= weights[k]) < 0) return items[k];
  return items[items.length - 1];
}
function normal(r) {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
const logNormal = (r, median, sigma) => median * Math.exp(sigma * normal(r));
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
const SECTIONS = ["F", "L", "M", "I", "C", "E", "H", "K", "G", "O", "A", "R", "B", "D", "J", "N", "P", "Q"];
const SECTION_WEIGHTS = [30, 12, 8, 6, 9, 6, 6, 3, 4, 4, 3, 2, 1, 1, 1, 1, 1, 1];
const DIVISIONS = /* @__PURE__ */ new Map();
for (const e of industryCatalogue()) if (e.level === "division") DIVISIONS.set(e.parent, [...DIVISIONS.get(e.parent) ?? [], e.code]);
const COUNTY_SHARE = { \u65B0\u57CE\u533A: 15, \u56DE\u6C11\u533A: 10, \u7389\u6CC9\u533A: 10, \u8D5B\u7F55\u533A: 25, \u571F\u9ED8\u7279\u5DE6\u65D7: 8, \u6258\u514B\u6258\u53BF: 5, \u548C\u6797\u683C\u5C14\u53BF: 7, \u6E05\u6C34\u6CB3\u53BF: 3, \u6B66\u5DDD\u53BF: 3, \u547C\u548C\u6D69\u7279\u7ECF\u6D4E\u6280\u672F\u5F00\u53D1\u533A: 14 };
const COUNTY_WEIGHTS = HOHHOT_COUNTIES.map((c) => COUNTY_SHARE[c.name] ?? 1);
const COUNTY_SHORT = { \u571F\u9ED8\u7279\u5DE6\u65D7: "\u571F\u5DE6\u65D7", \u6258\u514B\u6258\u53BF: "\u6258\u53BF", \u548C\u6797\u683C\u5C14\u53BF: "\u548C\u6797", \u547C\u548C\u6D69\u7279\u7ECF\u6D4E\u6280\u672F\u5F00\u53D1\u533A: "\u7ECF\u5F00\u533A" };
const WORDS = "\u534E\u745E\u6CF0\u946B\u6052\u5FB7\u5B8F\u5609\u91D1\u76DB\u5EB7\u6E90\u8FBE\u901A\u4FE1\u535A\u8FDC\u5B89\u4E30\u76CA\u9752\u57CE\u5317\u7586\u8349\u539F\u8499\u5174".split("");
const TRADE = {
  C: ["\u65B0\u6750\u6599", "\u4E73\u4E1A", "\u5236\u9020", "\u88C5\u5907", "\u7535\u5B50", "\u751F\u7269"],
  F: ["\u5546\u8D38", "\u8D38\u6613", "\u5546\u884C", "\u4F9B\u5E94\u94FE"],
  I: ["\u4FE1\u606F\u6280\u672F", "\u8F6F\u4EF6", "\u7F51\u7EDC\u79D1\u6280", "\u6570\u636E"],
  M: ["\u79D1\u6280", "\u68C0\u6D4B", "\u5DE5\u7A0B\u6280\u672F", "\u8BBE\u8BA1"],
  L: ["\u5546\u52A1\u670D\u52A1", "\u4F01\u4E1A\u7BA1\u7406", "\u5E7F\u544A"],
  E: ["\u5EFA\u8BBE", "\u5EFA\u7B51\u5DE5\u7A0B", "\u88C5\u9970"],
  H: ["\u9910\u996E", "\u9152\u5E97"],
  K: ["\u623F\u5730\u4EA7", "\u7269\u4E1A\u670D\u52A1"],
  G: ["\u7269\u6D41", "\u8FD0\u8F93"],
  A: ["\u519C\u7267\u4E1A", "\u79CD\u517B\u6B96"]
};
const LEGAL = ["\u6709\u9650\u8D23\u4EFB\u516C\u53F8", "\u80A1\u4EFD\u6709\u9650\u516C\u53F8", "\u4E2A\u4EBA\u72EC\u8D44\u4F01\u4E1A", "\u5408\u4F19\u4F01\u4E1A", "\u4E2A\u4F53\u5DE5\u5546\u6237", "\u519C\u6C11\u4E13\u4E1A\u5408\u4F5C\u793E", "\u5916\u5546\u6295\u8D44\u4F01\u4E1A", "\u56FD\u6709\u4F01\u4E1A"];
const LEGAL_WEIGHTS = [70, 5, 6, 3, 10, 2, 2, 1];
const SUFFIX = { \u6709\u9650\u8D23\u4EFB\u516C\u53F8: "\u6709\u9650\u516C\u53F8", \u80A1\u4EFD\u6709\u9650\u516C\u53F8: "\u80A1\u4EFD\u6709\u9650\u516C\u53F8", \u4E2A\u4EBA\u72EC\u8D44\u4F01\u4E1A: "\u4E2A\u4EBA\u72EC\u8D44\u4F01\u4E1A", \u5408\u4F19\u4F01\u4E1A: "\u4F01\u4E1A\uFF08\u6709\u9650\u5408\u4F19\uFF09", \u4E2A\u4F53\u5DE5\u5546\u6237: "\u7ECF\u8425\u90E8", \u519C\u6C11\u4E13\u4E1A\u5408\u4F5C\u793E: "\u4E13\u4E1A\u5408\u4F5C\u793E", \u5916\u5546\u6295\u8D44\u4F01\u4E1A: "\u6709\u9650\u516C\u53F8", \u56FD\u6709\u4F01\u4E1A: "\u96C6\u56E2\u6709\u9650\u516C\u53F8" };
const TAX = ["A", "B", "M", "C", "D"];
const TAX_WEIGHTS = [25, 45, 20, 7, 3];
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function syntheticUscc(i, countyCode, legalForm) {
  const type = legalForm === "\u4E2A\u4F53\u5DE5\u5546\u6237" ? "92" : legalForm === "\u519C\u6C11\u4E13\u4E1A\u5408\u4F5C\u793E" ? "93" : "91";
  let n = (i * 7919 + 104729) % 31 ** 8;
  let body = "";
  for (let k = 0; k < 8; k++, n = Math.floor(n / 31)) body = USCC_CHARS[n % 31] + body;
  const first17 = `${type}${countyCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
function syntheticEnterprise(r, i, today) {
  const section = pick(r, SECTIONS, SECTION_WEIGHTS);
  const division = pick(r, DIVISIONS.get(section));
  const county = pick(r, HOHHOT_COUNTIES, COUNTY_WEIGHTS);
  const legalForm = section === "A" && r() < 0.3 ? "\u519C\u6C11\u4E13\u4E1A\u5408\u4F5C\u793E" : pick(r, LEGAL, LEGAL_WEIGHTS);
  const ageDays = Math.min(35 * 365, Math.floor(-Math.log(1 - r()) * 7 * 365));
  const employees = Math.max(1, Math.min(2e4, Math.round(logNormal(r, 8, 1.3))));
  const revenue = round(employees * logNormal(r, 40, 0.8));
  const assets = round(revenue * logNormal(r, 0.9, 0.6));
  const innovative = section === "C" || section === "I" || section === "M";
  const rdSpending = r() < (innovative ? 0.6 : 0.1) ? round(revenue * (5e-3 + r() * (innovative ? 0.075 : 0.02))) : 0;
  const quals = [];
  const held = (kind, p, years) => {
    if (r() >= p) return;
    const from = today - Math.floor(r() * (years + 1) * 365);
    quals.push({ kind, from: fromDays(from), to: fromDays(from + years * 365 - 1) });
  };
  held("\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", innovative ? 0.08 : 5e-3, 3);
  held("\u79D1\u6280\u578B\u4E2D\u5C0F\u4F01\u4E1A", innovative ? 0.1 : 0.01, 1);
  held("\u4E13\u7CBE\u7279\u65B0\u4E2D\u5C0F\u4F01\u4E1A", section === "C" ? 0.03 : 3e-3, 3);
  held("\u4E13\u7CBE\u7279\u65B0\u201C\u5C0F\u5DE8\u4EBA\u201D\u4F01\u4E1A", section === "C" ? 3e-3 : 0, 3);
  held("\u521B\u65B0\u578B\u4E2D\u5C0F\u4F01\u4E1A", innovative ? 0.03 : 2e-3, 3);
  held("\u4F01\u4E1A\u6280\u672F\u4E2D\u5FC3", section === "C" ? 0.01 : 0, 3);
  held("\u7EFF\u8272\u5DE5\u5382", section === "C" || section === "D" ? 0.01 : 0, 3);
  held("\u77AA\u7F9A\u4F01\u4E1A", section === "I" || section === "M" ? 5e-3 : 0, 2);
  const tags = [legalForm === "\u5916\u5546\u6295\u8D44\u4F01\u4E1A" ? "\u5916\u8D44\u4F01\u4E1A" : legalForm === "\u56FD\u6709\u4F01\u4E1A" ? "\u56FD\u6709\u4F01\u4E1A" : "\u6C11\u8425\u4F01\u4E1A"];
  if (revenue >= 2e3 && (section === "C" || section === "B" || section === "D")) tags.push("\u89C4\u4E0A\u4F01\u4E1A");
  if (r() < 0.04) tags.push("\u51FA\u53E3\u4F01\u4E1A");
  const back = (v, mean, sd) => round(v / (1 + Math.max(-0.5, Math.min(1.5, mean + sd * normal(r)))));
  const rev1 = back(revenue, 0.08, 0.2);
  const rev2 = back(rev1, 0.08, 0.2);
  const short = COUNTY_SHORT[county.name] ?? county.name.replace(/[区县旗]$/, "");
  return {
    uscc: syntheticUscc(i, county.code, legalForm),
    name: `\uFF08\u6F14\u793A\uFF09${short}${pick(r, WORDS)}${pick(r, WORDS)}${pick(r, TRADE[section] ?? ["\u5B9E\u4E1A"])}${SUFFIX[legalForm]}`,
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
    figuresYear: new Date(today * 864e5).getUTCFullYear() - 1,
    qualifications: quals,
    tags,
    history: {
      revenue: [rev1, rev2],
      employees: [Math.max(1, Math.round(back(employees, 0.03, 0.1))), Math.max(1, Math.round(back(employees, 0.06, 0.15)))],
      rdSpending: [back(rdSpending, 0.1, 0.2), back(rdSpending, 0.2, 0.3)],
      assets: [back(assets, 0.05, 0.1), back(assets, 0.1, 0.15)]
    }
  };
}
function syntheticFacts(r, i, today) {
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
    sizeClass: sizeClassOf(e.industryCode, { employees: e.employees ?? null, revenue: e.revenue ?? null, assets: e.assets ?? null }),
    employees: e.employees ?? null,
    revenue: e.revenue ?? null,
    assets: e.assets ?? null,
    rdSpending: e.rdSpending ?? null,
    taxGrade: e.taxGrade ?? null,
    qualifications: (e.qualifications ?? []).map((q) => ({ kind: q.kind, from: q.from, to: q.to ?? null })),
    tags: e.tags ?? [],
    history: e.history ?? {}
  };
}
export {
  rng,
  syntheticEnterprise,
  syntheticFacts,
  syntheticUscc
};
//# sourceMappingURL=synthetic.js.map
