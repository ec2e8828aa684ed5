function defineJob(def) {
  return def;
}
export {
  defineJob
};
//# sourceMappingURL=define.js.map
