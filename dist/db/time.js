function nowIso(clock = () => /* @__PURE__ */ new Date()) {
  return clock().toISOString();
}
export {
  nowIso
};
//# sourceMappingURL=time.js.map
