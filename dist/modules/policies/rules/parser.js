import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import peggy from "peggy";
const GRAMMAR = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "grammar.peggy"), "utf8");
const parser = peggy.generate(GRAMMAR, { cache: true });
function parseRule(text) {
  if (!text.replace(/#[^\n]*/g, "").trim()) {
    return { ok: false, problem: { kind: "empty", message: "\u89C4\u5219\u4E3A\u7A7A / the rule is empty", line: 1, column: 1, start: 0, end: 0 } };
  }
  try {
    return { ok: true, ast: parser.parse(text) };
  } catch (err) {
    const e = err;
    if (!e.location) throw err;
    const found = e.found === null || e.found === void 0 ? "\u89C4\u5219\u7ED3\u5C3E / end of rule" : `\u201C${e.found}\u201D`;
    return {
      ok: false,
      problem: {
        kind: "syntax",
        message: `\u8BED\u6CD5\u9519\u8BEF\uFF1A\u6B64\u5904\u4E0D\u5E94\u51FA\u73B0 ${found} / syntax error: ${e.message}`,
        line: e.location.start.line,
        column: e.location.start.column,
        start: e.location.start.offset,
        end: Math.max(e.location.end.offset, e.location.start.offset + 1)
      }
    };
  }
}
export {
  parseRule
};
//# sourceMappingURL=parser.js.map
