import { ITEM_STATUSES, ITEM_STATUS_LABELS } from "../../common/schemas/worklists.js";
const TEXT = { fontSize: 22 };
const base = { animation: false, textStyle: TEXT };
const EMPTY = (text) => ({ graphic: { type: "text", left: "center", top: "middle", style: { text, fontSize: 26, fill: "#888" } } });
const shortUnit = (name) => name.replace(/^呼和浩特市/, "").replace(/(管理委员会|委员会)$/, "");
function bulletinCharts(d) {
  const byCompletion = [...d.ranking].sort((a, b) => b.completionRate - a.completionRate || a.rank - b.rank).slice(0, 30);
  const overdueUnits = d.ranking.filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 20);
  const unitBars = (rows, value, color, max) => ({
    ...base,
    grid: { left: 20, right: 70, top: 20, bottom: 30, containLabel: true },
    xAxis: { type: "value", ...max ? { max } : { minInterval: 1 }, axisLabel: TEXT },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => shortUnit(r.unit.name)), axisLabel: { ...TEXT, interval: 0 } },
    series: [{ type: "bar", data: rows.map(value), barMaxWidth: 26, itemStyle: { color }, label: { show: true, position: "right", ...TEXT } }],
    ...rows.length ? {} : EMPTY("\u672C\u6708\u65E0\u6570\u636E")
  });
  return [
    {
      key: "status-by-list",
      title: "\u5404\u6E05\u5355\u4E8B\u9879\u72B6\u6001\u5206\u5E03\uFF08\u9879\uFF09",
      width: 1200,
      height: 620,
      option: {
        ...base,
        grid: { left: 20, right: 20, top: 90, bottom: 20, containLabel: true },
        legend: { top: 10, textStyle: TEXT, itemWidth: 30, itemHeight: 18 },
        xAxis: { type: "category", data: d.byList.map((l) => l.name.replace(/（.*?）/g, "").slice(0, 8)), axisLabel: { ...TEXT, interval: 0 } },
        yAxis: { type: "value", axisLabel: TEXT },
        series: ITEM_STATUSES.map((s) => ({ name: ITEM_STATUS_LABELS[s].zh, type: "bar", stack: "status", barMaxWidth: 90, data: d.byList.map((l) => l.byStatus[s] ?? 0) }))
      }
    },
    {
      key: "weekly-trend",
      title: "\u8FD1\u671F\u5468\u7763\u67E5\u8D8B\u52BF\uFF08\u9879\uFF09",
      width: 1200,
      height: 560,
      option: {
        ...base,
        grid: { left: 20, right: 30, top: 80, bottom: 20, containLabel: true },
        legend: { top: 10, textStyle: TEXT, data: ["\u7275\u5934\u4E8B\u9879", "\u5DF2\u9500\u53F7", "\u903E\u671F"] },
        xAxis: { type: "category", data: d.trend.map((t) => t.weekOf.slice(5)), axisLabel: TEXT },
        yAxis: { type: "value", axisLabel: TEXT },
        series: [
          { name: "\u7275\u5934\u4E8B\u9879", type: "line", symbolSize: 10, lineStyle: { width: 4 }, data: d.trend.map((t) => t.assigned) },
          { name: "\u5DF2\u9500\u53F7", type: "line", symbolSize: 10, lineStyle: { width: 4 }, data: d.trend.map((t) => t.closed) },
          { name: "\u903E\u671F", type: "line", symbolSize: 10, lineStyle: { width: 4 }, data: d.trend.map((t) => t.overdue) }
        ],
        ...d.trend.length ? {} : EMPTY("\u6682\u65E0\u5468\u7763\u67E5\u5FEB\u7167")
      }
    },
    {
      key: "completion-by-unit",
      title: d.ranking.length > byCompletion.length ? `\u5404\u5355\u4F4D\u7275\u5934\u4E8B\u9879\u5B8C\u6210\u7387\uFF08%\uFF0C\u524D ${byCompletion.length} \u540D\uFF09` : "\u5404\u5355\u4F4D\u7275\u5934\u4E8B\u9879\u5B8C\u6210\u7387\uFF08%\uFF09",
      width: 1200,
      height: Math.max(300, 60 + byCompletion.length * 34),
      option: unitBars(byCompletion, (r) => r.completionRate, "#c0392b", 100)
    },
    {
      key: "overdue-by-unit",
      title: "\u5404\u5355\u4F4D\u903E\u671F\u4E8B\u9879\u6570\uFF08\u9879\uFF09",
      width: 1200,
      height: Math.max(300, 60 + overdueUnits.length * 40),
      option: unitBars(overdueUnits, (r) => r.overdue, "#2c3e50")
    }
  ];
}
export {
  bulletinCharts,
  shortUnit
};
//# sourceMappingURL=bulletin.charts.js.map
