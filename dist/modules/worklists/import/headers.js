const IMPORT_FIELDS = [
  "code",
  "area",
  "content",
  "measures",
  "lead",
  "coop",
  "deadline",
  "sourceEvaluation",
  "rectification",
  "level",
  "maxScore",
  "selfScore",
  "scoringRule",
  "stage",
  "tags"
];
const NAMES = [
  { field: "code", exact: ["\u5E8F\u53F7", "\u7F16\u53F7", "\u4EFB\u52A1\u7F16\u53F7", "\u95EE\u9898\u7F16\u53F7", "\u9898\u53F7", "\u5E8F\u5217\u53F7", "\u6E05\u5355\u7F16\u53F7", "\u4E8B\u9879\u7F16\u53F7", "\u4EE3\u7801"], keywords: ["\u5E8F\u53F7", "\u7F16\u53F7"] },
  { field: "lead", exact: ["\u7275\u5934\u5355\u4F4D", "\u8D23\u4EFB\u5355\u4F4D", "\u7275\u5934\u90E8\u95E8", "\u8D23\u4EFB\u90E8\u95E8", "\u4E3B\u8D23\u5355\u4F4D", "\u7275\u5934\u8D23\u4EFB\u5355\u4F4D", "\u8D23\u4EFB\u4E3B\u4F53"], keywords: ["\u7275\u5934", "\u8D23\u4EFB\u5355\u4F4D", "\u8D23\u4EFB\u90E8\u95E8", "\u4E3B\u8D23"] },
  { field: "coop", exact: ["\u914D\u5408\u5355\u4F4D", "\u534F\u540C\u5355\u4F4D", "\u914D\u5408\u90E8\u95E8", "\u534F\u529E\u5355\u4F4D", "\u53C2\u4E0E\u5355\u4F4D", "\u534F\u540C\u90E8\u95E8", "\u534F\u52A9\u5355\u4F4D"], keywords: ["\u914D\u5408", "\u534F\u540C", "\u534F\u529E", "\u534F\u52A9"] },
  {
    field: "deadline",
    exact: ["\u5B8C\u6210\u65F6\u9650", "\u65F6\u95F4\u8282\u70B9", "\u5B8C\u6210\u65F6\u95F4", "\u65F6\u9650", "\u5B8C\u6210\u671F\u9650", "\u65F6\u9650\u8981\u6C42", "\u622A\u6B62\u65F6\u95F4", "\u529E\u7ED3\u65F6\u9650", "\u6574\u6539\u65F6\u9650", "\u6574\u6539\u671F\u9650"],
    keywords: ["\u65F6\u9650", "\u65F6\u95F4\u8282\u70B9", "\u5B8C\u6210\u65F6\u95F4", "\u671F\u9650", "\u622A\u6B62"]
  },
  { field: "rectification", exact: ["\u6574\u6539\u63AA\u65BD", "\u6574\u6539\u4E3E\u63AA", "\u6574\u6539\u65B9\u6848"], keywords: ["\u6574\u6539\u63AA\u65BD"] },
  { field: "sourceEvaluation", exact: ["\u95EE\u9898\u6765\u6E90", "\u8BC4\u4EF7\u6765\u6E90", "\u6765\u6E90"], keywords: ["\u6765\u6E90"] },
  { field: "scoringRule", exact: ["\u8BC4\u5206\u6807\u51C6", "\u8BC4\u5206\u89C4\u5219", "\u8BC4\u5206\u7EC6\u5219", "\u8BC4\u5206\u529E\u6CD5"], keywords: ["\u8BC4\u5206"] },
  { field: "selfScore", exact: ["\u81EA\u8BC4\u5206", "\u81EA\u8BC4\u5F97\u5206", "\u81EA\u8BC4\u5206\u6570", "\u81EA\u8BC4"], keywords: ["\u81EA\u8BC4"] },
  { field: "maxScore", exact: ["\u5206\u503C", "\u6EE1\u5206", "\u6807\u51C6\u5206", "\u5206\u6570"], keywords: ["\u5206\u503C", "\u6EE1\u5206"] },
  { field: "level", exact: ["\u5C42\u7EA7", "\u8BC4\u4EF7\u5C42\u7EA7", "\u9002\u7528\u5C42\u7EA7", "\u7EA7\u522B"], keywords: ["\u5C42\u7EA7"] },
  { field: "stage", exact: ["\u9636\u6BB5", "\u6848\u4F8B\u9636\u6BB5", "\u6240\u5904\u9636\u6BB5"], keywords: ["\u9636\u6BB5"] },
  { field: "tags", exact: ["\u6807\u7B7E"], keywords: ["\u6807\u7B7E"] },
  {
    field: "area",
    exact: ["\u6307\u6807", "\u9886\u57DF", "\u6307\u6807\u9886\u57DF", "\u4E00\u7EA7\u6307\u6807", "\u8BC4\u4EF7\u6307\u6807", "\u6240\u5C5E\u9886\u57DF", "\u7C7B\u522B", "\u5206\u7C7B", "\u91CD\u70B9\u9886\u57DF", "\u4EFB\u52A1\u7C7B\u522B", "\u6240\u5C5E\u6307\u6807", "\u6307\u6807\u540D\u79F0", "\u677F\u5757"],
    keywords: ["\u6307\u6807", "\u9886\u57DF"]
  },
  { field: "measures", exact: ["\u5177\u4F53\u63AA\u65BD", "\u5DE5\u4F5C\u63AA\u65BD", "\u4E3B\u8981\u63AA\u65BD", "\u63AA\u65BD", "\u63A8\u8FDB\u63AA\u65BD", "\u6539\u9769\u63AA\u65BD", "\u4EFB\u52A1\u63AA\u65BD", "\u843D\u5B9E\u63AA\u65BD", "\u5177\u4F53\u4E3E\u63AA"], keywords: ["\u63AA\u65BD"] },
  {
    field: "content",
    exact: ["\u4EFB\u52A1", "\u5DE5\u4F5C\u4EFB\u52A1", "\u91CD\u70B9\u4EFB\u52A1", "\u4EFB\u52A1\u5185\u5BB9", "\u4E3B\u8981\u4EFB\u52A1", "\u5DE5\u4F5C\u5185\u5BB9", "\u4E8B\u9879", "\u95EE\u9898", "\u95EE\u9898\u63CF\u8FF0", "\u5B58\u5728\u95EE\u9898", "\u95EE\u9898\u8868\u73B0", "\u8BD5\u9898", "\u9898\u76EE", "\u6539\u9769\u4E3E\u63AA", "\u63D0\u5347\u4E8B\u9879", "\u6848\u4F8B\u540D\u79F0", "\u4EFB\u52A1\u540D\u79F0", "\u4E8B\u9879\u540D\u79F0", "\u4E3B\u8981\u5185\u5BB9", "\u91CD\u70B9\u5DE5\u4F5C"],
    keywords: ["\u4EFB\u52A1", "\u4E8B\u9879", "\u5185\u5BB9", "\u95EE\u9898", "\u4E3E\u63AA", "\u9898\u76EE", "\u6848\u4F8B"]
  }
];
const IGNORED = ["\u72B6\u6001", "\u8FDB\u5C55", "\u5B8C\u6210\u60C5\u51B5", "\u5907\u6CE8", "\u8BF4\u660E"];
function normalizeHeader(text) {
  return text.normalize("NFKC").replace(/[\s*:：]/g, "");
}
function fieldOfHeader(text) {
  const h = normalizeHeader(text);
  if (!h || h.length > 30) return null;
  const bare = h.replace(/\([^)]*\)/g, "");
  for (const n of NAMES) if (n.exact.includes(h) || n.exact.includes(bare)) return n.field;
  if (IGNORED.some((k) => bare.includes(k))) return null;
  for (const n of NAMES) if (n.keywords.some((k) => bare.includes(k))) return n.field;
  return null;
}
const EXPORT_HEADERS = {
  code: "\u5E8F\u53F7",
  area: "\u6307\u6807\u9886\u57DF",
  content: "\u5DE5\u4F5C\u4EFB\u52A1",
  measures: "\u5DE5\u4F5C\u63AA\u65BD",
  lead: "\u7275\u5934\u5355\u4F4D",
  coop: "\u914D\u5408\u5355\u4F4D",
  deadline: "\u5B8C\u6210\u65F6\u9650",
  sourceEvaluation: "\u95EE\u9898\u6765\u6E90",
  rectification: "\u6574\u6539\u63AA\u65BD",
  level: "\u5C42\u7EA7",
  maxScore: "\u5206\u503C",
  selfScore: "\u81EA\u8BC4\u5206",
  scoringRule: "\u8BC4\u5206\u6807\u51C6",
  stage: "\u9636\u6BB5",
  tags: "\u6807\u7B7E"
};
export {
  EXPORT_HEADERS,
  IMPORT_FIELDS,
  fieldOfHeader,
  normalizeHeader
};
//# sourceMappingURL=headers.js.map
