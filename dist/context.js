const SYSTEM_ACTOR = {
  id: 0,
  username: "system",
  displayName: "\u7CFB\u7EDF",
  role: "admin",
  unitId: null,
  locale: "zh-CN"
};
export {
  SYSTEM_ACTOR
};
//# sourceMappingURL=context.js.map
