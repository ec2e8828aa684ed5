function richText(v) {
  return v.richText.map((r) => r.text).join("");
}
function fromValue(v) {
  if (v === null || v === void 0) return { text: "", raw: null };
  if (typeof v === "string") return { text: v.trim(), raw: v.trim() };
  if (typeof v === "number") return { text: String(v), raw: v };
  if (typeof v === "boolean") return { text: v ? "\u662F" : "\u5426", raw: v ? "\u662F" : "\u5426" };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), raw: v };
  if (typeof v === "object") {
    const o = v;
    if ("formula" in o || "sharedFormula" in o) {
      if (o.result === void 0 || o.result === null || typeof o.result === "object" && "error" in o.result) {
        return { problem: "\u516C\u5F0F\u5355\u5143\u683C\u6CA1\u6709\u5DF2\u8BA1\u7B97\u7684\u7ED3\u679C\uFF08\u8BF7\u5728 Excel \u4E2D\u6253\u5F00\u3001\u4FDD\u5B58\u540E\u518D\u5BFC\u5165\uFF0C\u6216\u6539\u4E3A\u6570\u503C\uFF09 / formula cell without a cached result" };
      }
      return fromValue(o.result);
    }
    if ("error" in o) return { problem: `\u5355\u5143\u683C\u662F\u9519\u8BEF\u503C ${String(o.error)} / the cell holds an error value` };
    if ("richText" in o) return fromValue(richText(o));
    if ("text" in o) return fromValue(o.text);
  }
  return { text: String(v), raw: String(v) };
}
function readCell(cell) {
  return fromValue(cell.value);
}
function columnLetter(col) {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s;
  return s;
}
function cellTextOrEmpty(cell) {
  const r = readCell(cell);
  return "text" in r ? r.text : "";
}
export {
  cellTextOrEmpty,
  columnLetter,
  readCell
};
//# sourceMappingURL=cells.js.map
