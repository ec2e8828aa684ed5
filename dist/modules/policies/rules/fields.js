import { SIZE_CLASSES } from "../size-class.js";
const LEGAL_FORMS = ["\u6709\u9650\u8D23\u4EFB\u516C\u53F8", "\u80A1\u4EFD\u6709\u9650\u516C\u53F8", "\u4E2A\u4EBA\u72EC\u8D44\u4F01\u4E1A", "\u5408\u4F19\u4F01\u4E1A", "\u4E2A\u4F53\u5DE5\u5546\u6237", "\u519C\u6C11\u4E13\u4E1A\u5408\u4F5C\u793E", "\u5916\u5546\u6295\u8D44\u4F01\u4E1A", "\u56FD\u6709\u4F01\u4E1A"];
const TAX_GRADES = ["A", "B", "M", "C", "D"];
const QUALIFICATIONS = ["\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", "\u79D1\u6280\u578B\u4E2D\u5C0F\u4F01\u4E1A", "\u4E13\u7CBE\u7279\u65B0\u4E2D\u5C0F\u4F01\u4E1A", "\u4E13\u7CBE\u7279\u65B0\u201C\u5C0F\u5DE8\u4EBA\u201D\u4F01\u4E1A", "\u521B\u65B0\u578B\u4E2D\u5C0F\u4F01\u4E1A", "\u4F01\u4E1A\u6280\u672F\u4E2D\u5FC3", "\u7EFF\u8272\u5DE5\u5382", "\u77AA\u7F9A\u4F01\u4E1A"];
const FIELDS = {
  uscc: { type: "string", label: "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801", aliases: ["\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801"] },
  name: { type: "string", label: "\u4F01\u4E1A\u540D\u79F0", aliases: ["\u4F01\u4E1A\u540D\u79F0"] },
  legalForm: { type: "enum", label: "\u4F01\u4E1A\u7C7B\u578B", values: LEGAL_FORMS, aliases: ["\u4F01\u4E1A\u7C7B\u578B"] },
  registeredOn: { type: "date", label: "\u6210\u7ACB\u65E5\u671F", aliases: ["\u6210\u7ACB\u65E5\u671F", "\u6CE8\u518C\u65E5\u671F"] },
  capital: { type: "number", label: "\u6CE8\u518C\u8D44\u672C\uFF08\u4E07\u5143\uFF09", aliases: ["\u6CE8\u518C\u8D44\u672C"] },
  county: { type: "county", label: "\u6240\u5728\u65D7\u53BF\u533A", aliases: ["\u65D7\u53BF\u533A", "\u6240\u5728\u5730"] },
  industry: { type: "industry", label: "\u56FD\u6C11\u7ECF\u6D4E\u884C\u4E1A", aliases: ["\u884C\u4E1A"] },
  sizeClass: { type: "enum", label: "\u4F01\u4E1A\u89C4\u6A21", values: SIZE_CLASSES, aliases: ["\u4F01\u4E1A\u89C4\u6A21", "\u89C4\u6A21"] },
  employees: { type: "number", label: "\u4ECE\u4E1A\u4EBA\u6570", yearly: true, aliases: ["\u4ECE\u4E1A\u4EBA\u6570", "\u5458\u5DE5\u6570"] },
  revenue: { type: "number", label: "\u8425\u4E1A\u6536\u5165\uFF08\u4E07\u5143\uFF09", yearly: true, aliases: ["\u8425\u4E1A\u6536\u5165"] },
  assets: { type: "number", label: "\u8D44\u4EA7\u603B\u989D\uFF08\u4E07\u5143\uFF09", yearly: true, aliases: ["\u8D44\u4EA7\u603B\u989D"] },
  rdSpending: { type: "number", label: "\u7814\u53D1\u8D39\u7528\uFF08\u4E07\u5143\uFF09", yearly: true, aliases: ["\u7814\u53D1\u8D39\u7528", "\u7814\u53D1\u6295\u5165"] },
  taxGrade: { type: "enum", label: "\u7EB3\u7A0E\u4FE1\u7528\u7B49\u7EA7", values: TAX_GRADES, aliases: ["\u7EB3\u7A0E\u4FE1\u7528\u7B49\u7EA7", "\u7EB3\u7A0E\u4FE1\u7528"] }
};
const BY_NAME = /* @__PURE__ */ new Map();
for (const [name, def] of Object.entries(FIELDS)) {
  BY_NAME.set(name.toLowerCase(), name);
  for (const a of def.aliases) BY_NAME.set(a, name);
}
function resolveField(name) {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase());
}
const YEARLY_FIELDS = Object.entries(FIELDS).filter(([, d]) => d.yearly).map(([n]) => n);
const HISTORY_YEARS = 3;
const FUNCTIONS = {
  has: { label: "\u6301\u6709\u8D44\u8D28", aliases: ["\u6301\u6709"], signature: 'has("\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A"[, \u65E5\u671F])' },
  tag: { label: "\u5E26\u6709\u6807\u7B7E", aliases: ["\u6807\u7B7E"], signature: 'tag("\u5916\u8D44\u4F01\u4E1A")' },
  rule: { label: "\u7B26\u5408\u53E6\u4E00\u5151\u73B0\u4E8B\u9879\u7684\u89C4\u5219", aliases: ["\u89C4\u5219"], signature: 'rule("\u5151\u73B0\u4E8B\u9879\u7F16\u7801")' },
  growth: { label: "\u589E\u957F\u7387", aliases: ["\u589E\u957F\u7387"], signature: "growth(revenue[, \u5E74\u6570])" },
  avg: { label: "\u8FD1 n \u5E74\u5E73\u5747", aliases: ["\u5E73\u5747"], signature: "avg(revenue, 3)" },
  prev: { label: "n \u5E74\u524D\u7684\u6570\u503C", aliases: ["\u5F80\u5E74"], signature: "prev(revenue, 1)" }
};
const FN_BY_NAME = /* @__PURE__ */ new Map();
for (const [name, def] of Object.entries(FUNCTIONS)) {
  FN_BY_NAME.set(name.toLowerCase(), name);
  for (const a of def.aliases) FN_BY_NAME.set(a, name);
}
function resolveFunction(name) {
  return FN_BY_NAME.get(name) ?? FN_BY_NAME.get(name.toLowerCase());
}
export {
  FIELDS,
  FUNCTIONS,
  HISTORY_YEARS,
  LEGAL_FORMS,
  QUALIFICATIONS,
  TAX_GRADES,
  YEARLY_FIELDS,
  resolveField,
  resolveFunction
};
//# sourceMappingURL=fields.js.map
