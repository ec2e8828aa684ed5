function unitDirectoryFrom(resolver) {
  const active = resolver.all.filter((u) => u.status === "active");
  const ref = (u) => ({ id: u.id, name: u.name });
  return {
    resolve: (name) => {
      const u = resolver.resolve(name);
      return u ? ref(u) : void 0;
    },
    counties: active.filter((u) => u.kind === "county").map(ref),
    zones: active.filter((u) => u.kind === "zone").map(ref),
    cityName: active.find((u) => u.kind === "city")?.name ?? null
  };
}
const COUNTY_GROUP = "\u5404(?:\u65D7\u53BF\u5E02?\u533A|\u65D7\u533A|\u53BF\u5E02?\u533A?|\u65D7\u53BF\\(\u5E02\u3001?\u533A\\)|\u53BF\\(\u5E02\u3001?\u533A\\))(?:\u4EBA\u6C11\u653F\u5E9C|\u515A\u59D4\u653F\u5E9C|\u515A\u59D4\u548C\u653F\u5E9C|\u653F\u5E9C)?";
const ZONE_GROUP = "\u5404?(?:\u5F00\u53D1\u533A|\u56ED\u533A|\u7ECF\u6D4E\u6280\u672F\u5F00\u53D1\u533A)?\u7BA1\u59D4\u4F1A";
const GROUPS = [
  { re: new RegExp(`${COUNTY_GROUP}[\u3001,\u548C\u53CA\u4E0E]?${ZONE_GROUP}`, "g"), pick: (d) => [...d.counties, ...d.zones] },
  { re: new RegExp(COUNTY_GROUP, "g"), pick: (d) => d.counties },
  { re: /各(?:开发区|园区)(?:管委会)?|各管委会/g, pick: (d) => d.zones }
];
const SEPARATORS = /[、，,；;\n\r\t/|]+/;
const COLLECTIVE = /(?:各|有关|相关|所属|市直|市级|州直|县直|区直).*(?:部门|单位|机构)|各级|等部门|等单位/;
function candidates(token, cityName) {
  const out = [token];
  const noGov = token.replace(/(?:人民政府|政府)$/, "");
  if (noGov !== token && noGov.length >= 2) out.push(noGov);
  if (cityName) {
    const city = cityName.replace(/市$/, "");
    if (!token.startsWith(city)) {
      if (token.startsWith("\u5E02")) out.push(`${cityName}${token.slice(1)}`);
      if (/(?:局|委员会|委|办公室|办|中心)$/.test(token)) out.push(`${cityName}${token}`, `\u5E02${token}`);
    }
  }
  return out;
}
function resolveToken(token, dir) {
  for (const c of candidates(token, dir.cityName)) {
    const u = dir.resolve(c);
    if (u) return u;
  }
  return void 0;
}
function readUnitCell(text, dir) {
  const cell = { units: [], unknown: [], collective: [] };
  const report = (t) => (COLLECTIVE.test(t) ? cell.collective : cell.unknown).push(t);
  let rest = text.normalize("NFKC").replace(/\([^()]*[、,;/][^()]*\)/g, "");
  for (const g of GROUPS) {
    rest = rest.replace(g.re, () => {
      cell.units.push(...g.pick(dir));
      return "\u3001";
    });
  }
  const raws = rest.split(SEPARATORS).flatMap((t) => /\S\s+\S/.test(t) && !resolveToken(t.replace(/\s+/g, ""), dir) ? t.trim().split(/\s+/) : [t]);
  for (const raw of raws) {
    const whole = raw.replace(/\s+/g, "");
    const token = resolveToken(whole, dir) ? whole : whole.replace(/(?:按职责分工负责|按职责分工|分别负责|负责|等)$/, "").replace(/^(?:以及|及|和|与)|(?:以及|及|和|与)$/g, "");
    if (!token) continue;
    const unit = resolveToken(token, dir) ?? resolveToken(token.replace(/\([^)]*\)$/, ""), dir);
    if (unit) {
      cell.units.push(unit);
      continue;
    }
    const parts = token.split(/及|与/).filter(Boolean);
    const refs = parts.map((p) => resolveToken(p, dir));
    if (parts.length > 1) parts.forEach((p, i) => refs[i] ? cell.units.push(refs[i]) : report(p));
    else report(token);
  }
  const seen = /* @__PURE__ */ new Set();
  cell.units = cell.units.filter((u) => !seen.has(u.id) && seen.add(u.id));
  return cell;
}
export {
  readUnitCell,
  unitDirectoryFrom
};
//# sourceMappingURL=unit-cells.js.map
