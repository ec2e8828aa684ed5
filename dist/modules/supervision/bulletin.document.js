import { ITEM_KIND_LABELS } from "../../common/schemas/worklists.js";
import { chinaDate } from "../../common/workdays.js";
import { renderChartPng } from "../reports/charts.js";
import { officialDocument } from "../reports/docx.js";
import { officialDocumentPdf } from "../reports/pdf.js";
import { bulletinCharts } from "./bulletin.charts.js";
const BULLETIN_ISSUER = "\u547C\u548C\u6D69\u7279\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u9886\u5BFC\u5C0F\u7EC4\u529E\u516C\u5BA4";
const OVERDUE_ROWS = 60;
const RECIPIENTS = "\u5404\u65D7\u53BF\u533A\u4EBA\u6C11\u653F\u5E9C\uFF0C\u5404\u5F00\u53D1\u533A\u7BA1\u59D4\u4F1A\uFF0C\u5E02\u76F4\u5404\u6709\u5173\u90E8\u95E8\uFF1A";
const pct = (a, b) => b ? `${Math.round(a / b * 1e3) / 10}%` : "\u2014";
const paragraphs = (text) => text.split(/\n+/).map((t) => t.trim()).filter(Boolean).map((t) => ({ type: "paragraph", text: t }));
const cut = (s, n) => s.length > n ? `${s.slice(0, n)}\u2026` : s;
function rankingTable(rows, caption, note) {
  return {
    type: "table",
    caption,
    columns: [
      { header: "\u6392\u540D", width: 8 },
      { header: "\u5355\u4F4D", width: 36, align: "left" },
      { header: "\u7275\u5934\u4E8B\u9879", width: 12 },
      { header: "\u5DF2\u9500\u53F7", width: 11 },
      { header: "\u903E\u671F", width: 9 },
      { header: "\u5B8C\u6210\u7387", width: 12 },
      { header: "\u5F97\u5206", width: 12 }
    ],
    rows: rows.map((r) => [r.rank, r.unit.name, r.assigned, r.closed, r.overdue, `${r.completionRate}%`, r.score]),
    ...note ? { note } : {}
  };
}
async function bulletinDocumentInput(b) {
  const d = b.data;
  const rendered = new Map(await Promise.all(bulletinCharts(d).map(async (c) => [c.key, { ...c, png: await renderChartPng(c.option, { width: c.width, height: c.height }) }])));
  let figure = 0;
  const chart = (key) => {
    const c = rendered.get(key);
    return { type: "image", png: c.png, widthPx: c.width, heightPx: c.height, caption: `\u56FE${++figure} ${c.title}` };
  };
  const [y, m] = d.month.split("-").map(Number);
  const t = d.totals;
  const named = d.named.length ? d.named.map((n, i) => `${i + 1}. ${n.unit}\uFF1A${n.code} ${cut(n.content, 40)}\uFF08${n.kind === "summons" ? "\u7EA6\u8C08" : "\u901A\u62A5"}\uFF0C${n.dueOn}\uFF09`) : ["\u672C\u6708\u65E0\u8FDB\u5165\u901A\u62A5\u6216\u7EA6\u8C08\u73AF\u8282\u7684\u4E8B\u9879\u3002"];
  const sections = [
    { type: "paragraph", text: `\u73B0\u5C06${y}\u5E74${m}\u6708\u5168\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u201C\u56DB\u8868\u4E00\u5355\u201D\u7763\u529E\u4E8B\u9879\u63A8\u8FDB\u60C5\u51B5\u901A\u62A5\u5982\u4E0B\u3002` },
    { type: "heading", level: 1, text: "\u57FA\u672C\u60C5\u51B5" },
    ...paragraphs(b.commentary.basicSituation),
    {
      type: "table",
      caption: "\u88681 \u5404\u6E05\u5355\u7763\u529E\u4E8B\u9879\u603B\u4F53\u60C5\u51B5",
      columns: [{ header: "\u6E05\u5355", width: 34, align: "left" }, { header: "\u7C7B\u522B", width: 16 }, { header: "\u4E8B\u9879\u6570" }, { header: "\u5DF2\u9500\u53F7" }, { header: "\u903E\u671F" }, { header: "\u5B8C\u6210\u7387" }],
      rows: [
        ...d.byList.map((l) => [l.name, ITEM_KIND_LABELS[l.kind].zh, l.total, l.closed, l.overdue, pct(l.closed, l.total)]),
        ["\u5408\u8BA1", "", t.items, t.closed, t.overdue, pct(t.closed, t.items)]
      ],
      note: `\u672C\u6708\u53EC\u5F00\u5E02\u957F\u8C03\u5EA6\u4F1A${d.meetings.mayor}\u6B21\u3001\u4E13\u73ED\u8C03\u5EA6\u4F1A${d.meetings.task_force}\u6B21\u3001\u4E13\u9898\u8C03\u5EA6\u4F1A${d.meetings.special}\u6B21\uFF0C\u8BAE\u5B9A\u4E8B\u9879${d.meetings.decisions}\u9879\uFF0C\u5DF2\u9500\u53F7${d.meetings.decisionsClosed}\u9879\uFF1B\u4E0B\u53D1\u5230\u671F\u63D0\u9192${d.notices.reminder}\u6B21\u3001\u7763\u529E\u5355${d.notices.notice}\u4EFD\u3002`
    },
    chart("status-by-list"),
    chart("weekly-trend"),
    { type: "heading", level: 1, text: "\u5206\u9886\u57DF\u63A8\u8FDB\u60C5\u51B5" },
    ...paragraphs(b.commentary.progressByArea),
    {
      type: "table",
      caption: "\u88682 \u5206\u9886\u57DF\u63A8\u8FDB\u60C5\u51B5",
      columns: [{ header: "\u9886\u57DF", width: 40, align: "left" }, { header: "\u4E8B\u9879\u6570" }, { header: "\u5DF2\u9500\u53F7" }, { header: "\u903E\u671F" }, { header: "\u5B8C\u6210\u7387" }],
      rows: d.byArea.map((a) => [a.area, a.total, a.closed, a.overdue, pct(a.closed, a.total)])
    },
    { type: "heading", level: 2, text: "\u5404\u5355\u4F4D\u63A8\u8FDB\u6392\u540D" },
    chart("completion-by-unit"),
    rankingTable(d.ranking, "\u88683 \u5404\u5355\u4F4D\u7275\u5934\u4E8B\u9879\u63A8\u8FDB\u6392\u540D", `\u8BA1\u5206\u89C4\u5219\uFF1A${d.formula.zh}`),
    { type: "heading", level: 2, text: "\u7EA2\u9ED1\u699C" },
    rankingTable(d.red, "\u88684 \u7EA2\u699C"),
    rankingTable(d.black, "\u88685 \u9ED1\u699C"),
    { type: "heading", level: 1, text: "\u5B58\u5728\u7684\u95EE\u9898" },
    ...paragraphs(b.commentary.problems),
    chart("overdue-by-unit"),
    {
      type: "table",
      caption: "\u88686 \u903E\u671F\u672A\u5B8C\u6210\u4E8B\u9879\u6E05\u5355",
      columns: [
        { header: "\u5E8F\u53F7", width: 7 },
        { header: "\u7F16\u53F7", width: 10 },
        { header: "\u4E8B\u9879\u5185\u5BB9", width: 39, align: "left" },
        { header: "\u7275\u5934\u5355\u4F4D", width: 20, align: "left" },
        { header: "\u5B8C\u6210\u65F6\u9650", width: 13 },
        { header: "\u903E\u671F\u5DE5\u4F5C\u65E5", width: 11 }
      ],
      rows: d.overdueItems.slice(0, OVERDUE_ROWS).map((o, i) => [i + 1, o.code, cut(o.content, 60), o.leadUnits.join("\u3001"), o.deadline, o.overdueWorkdays]),
      ...d.overdueItems.length > OVERDUE_ROWS ? { note: `\u6CE8\uFF1A\u6309\u903E\u671F\u65F6\u95F4\u5217\u524D ${OVERDUE_ROWS} \u9879\uFF0C\u53E6\u6709 ${d.overdueItems.length - OVERDUE_ROWS} \u9879\u903E\u671F\u4E8B\u9879\u89C1\u5E73\u53F0\u201C\u56DB\u8868\u4E00\u5355\u201D\u903E\u671F\u6E05\u5355\u3002` } : {}
    },
    { type: "heading", level: 2, text: "\u901A\u62A5\u53CA\u7EA6\u8C08\u4E8B\u9879" },
    ...named.map((text) => ({ type: "paragraph", text })),
    { type: "heading", level: 1, text: "\u4E0B\u4E00\u6B65\u5DE5\u4F5C" },
    ...paragraphs(b.commentary.nextSteps)
  ];
  const date = b.publishedAt ? chinaDate(new Date(b.publishedAt)) : chinaDate(new Date(b.generatedAt));
  return {
    issuer: BULLETIN_ISSUER,
    docNumber: b.docNumber,
    title: b.title,
    recipients: RECIPIENTS,
    date,
    sections,
    copyTo: "\u5E02\u59D4\u529E\u516C\u5BA4\uFF0C\u5E02\u4EBA\u5927\u5E38\u59D4\u4F1A\u529E\u516C\u5BA4\uFF0C\u5E02\u653F\u5E9C\u529E\u516C\u5BA4\uFF0C\u5E02\u653F\u534F\u529E\u516C\u5BA4",
    printedBy: { issuer: BULLETIN_ISSUER, date }
  };
}
const inputs = /* @__PURE__ */ new Map();
const CACHED = 8;
function cachedInput(b) {
  if (!b.id) return bulletinDocumentInput(b);
  const key = `${b.id}:${b.version}:${b.generatedAt}`;
  let input = inputs.get(key);
  if (!input) {
    input = bulletinDocumentInput(b);
    inputs.set(key, input);
    input.catch(() => inputs.delete(key));
    for (const k of inputs.keys()) if (inputs.size > CACHED) inputs.delete(k);
  }
  return input;
}
async function bulletinDocument(b, format, opts) {
  const input = await cachedInput(b);
  return format === "docx" ? officialDocument(input) : officialDocumentPdf(input, opts);
}
export {
  BULLETIN_ISSUER,
  bulletinDocument,
  bulletinDocumentInput
};
//# sourceMappingURL=bulletin.document.js.map
