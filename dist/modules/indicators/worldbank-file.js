import { parse } from "csv-parse/sync";
import { AppError } from "../../common/errors.js";
import { scoreOverall, scoreTopic } from "./scoring.js";
const MAX_ERRORS = 50;
function readNumber(raw, where, errors) {
  const text = (raw ?? "").trim();
  if (text === "") {
    errors.push({ path: where, message: "\u7F3A\u5C11\u6570\u503C / missing value" });
    return void 0;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    errors.push({ path: where, message: `\u4E0D\u662F\u6570\u5B57 / not a number: "${text}"` });
    return void 0;
  }
  const dot = text.replace(/[eE].*$/, "").split(".")[1];
  return { value: Number(text), decimals: dot ? dot.length : 0 };
}
function presentComponent(c) {
  const ids = Object.keys(c.variants);
  const single = ids.length === 1 && ids[0] === "";
  return {
    score: c.score,
    ...single ? { value: c.variants[""].value } : { values: Object.fromEntries(ids.map((id) => [id, c.variants[id].value])), variantScores: Object.fromEntries(ids.map((id) => [id, c.variants[id].score])) },
    unit: c.unit,
    bounds: c.bounds,
    transform: c.transform,
    formula: c.formula,
    ...Object.values(c.variants).some((v) => v.basis === "published_score") ? { basis: "published_score_within_rounding" } : {}
  };
}
function scoreExportCsv(method, text, file, opts = {}) {
  const layout = method.fileLayout;
  if (!layout) throw new AppError("VALIDATION_FAILED", [{ path: "method", message: `\u65B9\u6CD5 ${method.id} \u672A\u5B9A\u4E49\u6587\u4EF6\u683C\u5F0F / the method defines no file layout` }]);
  let records;
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: false, skip_empty_lines: true });
  } catch (err) {
    throw new AppError("VALIDATION_FAILED", [{ path: file, message: `CSV \u683C\u5F0F\u9519\u8BEF / malformed CSV: ${err.message}` }]);
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError("VALIDATION_FAILED", [{ path: file, message: "\u6587\u4EF6\u4E3A\u7A7A / the file is empty" }]);
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  if (!col.has(layout.economyColumn)) throw new AppError("VALIDATION_FAILED", [{ path: `${file}:row 1`, message: `\u7F3A\u5C11\u5217 ${layout.economyColumn} / missing column` }]);
  const componentTopics = method.topics.filter((t) => {
    const tl = layout.topics[t.id];
    return tl && Object.values(tl.components).every((vs) => Object.values(vs).every((p) => col.has(p.value)));
  });
  const topicColumn = (id) => [layout.topicScoreColumnPattern?.replace("{topic}", id), layout.topics[id]?.topicScoreColumn].find((c) => c !== void 0 && col.has(c));
  const overallFromTopics = method.topics.every((t) => topicColumn(t.id));
  if (!componentTopics.length && !overallFromTopics) {
    throw new AppError("VALIDATION_FAILED", [{ path: `${file}:row 1`, message: "\u6587\u4EF6\u4E2D\u65E2\u6CA1\u6709\u6210\u5206\u6570\u503C\u5217\uFF0C\u4E5F\u6CA1\u6709\u5168\u90E8\u4E3B\u9898\u5F97\u5206\u5217 / the file has neither component value columns nor all topic score columns" }]);
  }
  const results = [];
  const errors = [];
  const cell = (row, name) => row[col.get(name)];
  rows.forEach((row, i) => {
    if (errors.length >= MAX_ERRORS) return;
    const line = i + 2;
    const at = (column) => `${file}:row ${line}, column ${column}`;
    const economy = cell(row, layout.economyColumn).trim();
    for (const t of componentTopics) {
      const components = {};
      for (const [cid, variants] of Object.entries(layout.topics[t.id].components)) {
        components[cid] = { variants: {} };
        for (const [vid, pair] of Object.entries(variants)) {
          const v = readNumber(cell(row, pair.value), at(pair.value), errors);
          const publishedText = !opts.valuesOnly && pair.score && col.has(pair.score) ? cell(row, pair.score).trim() : "";
          const published = publishedText ? readNumber(publishedText, at(pair.score), errors) : void 0;
          components[cid].variants[vid] = v ? { value: v.value, decimals: v.decimals, publishedScore: published?.value, where: at(pair.value) } : { value: Number.NaN, where: at(pair.value) };
        }
      }
      try {
        const r = scoreTopic(method, t, { components }, `${file}:row ${line}`);
        const publishedCol = layout.topics[t.id].topicScoreColumn;
        const published = publishedCol && col.has(publishedCol) ? Number(cell(row, publishedCol)) : void 0;
        results.push({
          economy,
          topic: t.id,
          score: r.score,
          components: Object.fromEntries(Object.values(r.components).map((c) => [c.id, presentComponent(c)])),
          ...published !== void 0 && Number.isFinite(published) ? { published } : {},
          ...r.warnings.length ? { warnings: r.warnings } : {}
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "INDICATOR_BAD_VALUE") errors.push(...err.details ?? []);
        else throw err;
      }
    }
    if (!componentTopics.length && overallFromTopics) {
      const before = errors.length;
      const inputs = {};
      for (const t of method.topics) {
        const name = topicColumn(t.id);
        const v = readNumber(cell(row, name), at(name), errors);
        if (v) inputs[t.id] = { score: v.value, where: at(name) };
      }
      if (errors.length > before) return;
      try {
        const r = scoreOverall(method, inputs, `${file}:row ${line}`);
        const published = layout.overallScoreColumn && col.has(layout.overallScoreColumn) ? Number(cell(row, layout.overallScoreColumn)) : void 0;
        results.push({
          economy,
          topic: method.overall.id,
          score: r.score,
          components: Object.fromEntries(Object.values(r.topics).map((t) => [t.topic, { score: t.score, weight: t.weight }])),
          ...published !== void 0 && Number.isFinite(published) ? { published } : {}
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "INDICATOR_BAD_VALUE") errors.push(...err.details ?? []);
        else throw err;
      }
    }
  });
  const unique = errors.filter((e, i) => errors.findIndex((x) => x.path === e.path) === i);
  if (unique.length) throw new AppError("INDICATOR_BAD_VALUE", unique.slice(0, MAX_ERRORS));
  return { results };
}
export {
  scoreExportCsv
};
//# sourceMappingURL=worldbank-file.js.map
