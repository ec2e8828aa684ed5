import { CASE_STAGES, CASE_STAGE_LABELS, WORKLIST_LIMITS } from "../../../common/schemas/worklists.js";
const LEVELS = { \u5E02\u7EA7: "city", \u5E02: "city", city: "city", \u53BF\u7EA7: "county", \u65D7\u53BF\u533A: "county", \u65D7\u53BF\u533A\u7EA7: "county", \u53BF: "county", county: "county" };
const LEVEL_LABELS = { city: "\u5E02\u7EA7", county: "\u65D7\u53BF\u533A\u7EA7" };
function stageOf(text) {
  return CASE_STAGES.find((s) => s === text || CASE_STAGE_LABELS[s].zh === text);
}
function score(text, raw) {
  const n = typeof raw === "number" ? raw : Number(text.replace(/分$/, ""));
  return Number.isFinite(n) && n >= 0 && n <= 1e3 ? n : null;
}
function readKindField(field, cell) {
  const text = cell.text.normalize("NFKC").trim();
  if (!text) return { value: {} };
  switch (field) {
    case "level": {
      const level = LEVELS[text];
      return level ? { value: { level } } : { message: `\u5C42\u7EA7\u201C${text}\u201D\u5E94\u4E3A\u201C\u5E02\u7EA7\u201D\u6216\u201C\u65D7\u53BF\u533A\u7EA7\u201D / level must be city or county` };
    }
    case "maxScore":
    case "selfScore": {
      const n = score(text, cell.raw);
      return n === null ? { message: `\u5206\u503C\u201C${text}\u201D\u4E0D\u662F 0\u20131000 \u4E4B\u95F4\u7684\u6570 / not a score between 0 and 1000` } : { value: { [field]: n } };
    }
    case "stage": {
      const stage = stageOf(text);
      return stage ? { value: { stage } } : { message: `\u9636\u6BB5\u201C${text}\u201D\u5E94\u4E3A\u7533\u62A5\u3001\u57F9\u80B2\u3001\u5165\u9009\u6216\u63A8\u5E7F / unknown stage` };
    }
    case "tags": {
      const tags = [...new Set(text.split(/[、，,；;\s]+/).filter(Boolean))];
      if (tags.length > WORKLIST_LIMITS.tags || tags.some((t) => t.length > WORKLIST_LIMITS.tag)) {
        return { message: `\u6807\u7B7E\u6700\u591A ${WORKLIST_LIMITS.tags} \u4E2A\u3001\u6BCF\u4E2A\u4E0D\u8D85\u8FC7 ${WORKLIST_LIMITS.tag} \u5B57 / too many or too long tags` };
      }
      return { value: { tags } };
    }
    default: {
      const max = field === "sourceEvaluation" ? 200 : WORKLIST_LIMITS.text;
      return text.length > max ? { message: `\u5185\u5BB9\u8D85\u8FC7 ${max} \u5B57 / longer than ${max} characters` } : { value: { [field]: text } };
    }
  }
}
export {
  LEVEL_LABELS,
  readKindField
};
//# sourceMappingURL=kind-fields.js.map
