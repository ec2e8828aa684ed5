const ROLES = ["admin", "office", "leader", "unit_head", "liaison", "specialist", "enterprise"];
const UNIT_SCOPED_ROLES = ["unit_head", "liaison"];
const ROLE_LABELS = {
  admin: { zh: "\u7CFB\u7EDF\u7BA1\u7406\u5458", en: "System admin" },
  office: { zh: "\u4E13\u73ED/\u529E\u516C\u5BA4", en: "Office staff" },
  leader: { zh: "\u9886\u5BFC", en: "Leader" },
  unit_head: { zh: "\u5355\u4F4D\u8D1F\u8D23\u4EBA", en: "Unit head" },
  liaison: { zh: "\u5355\u4F4D\u8054\u7EDC\u5458", en: "Unit liaison" },
  specialist: { zh: "\u4F01\u4E1A\u670D\u52A1\u4E13\u5458", en: "Service specialist" },
  enterprise: { zh: "\u4F01\u4E1A", en: "Enterprise" }
};
const UNIT_KINDS = ["city", "county", "zone", "department"];
const UNIT_KIND_LABELS = {
  city: { zh: "\u5E02", en: "City" },
  county: { zh: "\u65D7\u53BF\u533A", en: "County-level unit" },
  zone: { zh: "\u5F00\u53D1\u533A\u7BA1\u59D4\u4F1A", en: "Development zone" },
  department: { zh: "\u5E02\u76F4\u90E8\u95E8", en: "City department" }
};
export {
  ROLES,
  ROLE_LABELS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  UNIT_SCOPED_ROLES
};
//# sourceMappingURL=roles.js.map
