import { renderChartPng } from "./charts.js";
async function sampleDocument(opts) {
  const units = Array.from({ length: opts.rows }, (_, i) => `\u793A\u4F8B\u5355\u4F4D${String(i + 1).padStart(2, "0")}`);
  let seed = 7;
  const rand = () => (seed = seed * 16807 % 2147483647) / 2147483647;
  const pct = () => Math.round(50 + rand() * 50);
  const chartSpecs = [
    {
      caption: "\u56FE1 \u5404\u5355\u4F4D\u4EFB\u52A1\u5B8C\u6210\u7387\uFF08\u793A\u4F8B\uFF09",
      option: {
        title: { text: "\u5404\u5355\u4F4D\u4EFB\u52A1\u5B8C\u6210\u7387", left: "center" },
        grid: { left: 50, right: 20, top: 50, bottom: 70 },
        xAxis: { type: "category", data: units.slice(0, 12), axisLabel: { rotate: 40 } },
        yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
        series: [{ type: "bar", data: units.slice(0, 12).map(pct), itemStyle: { color: "#c23531" }, label: { show: true, position: "top" } }]
      }
    },
    {
      caption: "\u56FE2 \u8FD1\u5341\u5468\u529E\u7ED3\u4E0E\u903E\u671F\u8D8B\u52BF\uFF08\u793A\u4F8B\uFF09",
      option: {
        title: { text: "\u8FD1\u5341\u5468\u529E\u7ED3\u4E0E\u903E\u671F\u8D8B\u52BF", left: "center" },
        legend: { bottom: 0, data: ["\u529E\u7ED3", "\u903E\u671F"] },
        xAxis: { type: "category", data: Array.from({ length: 10 }, (_, i) => `\u7B2C${i + 1}\u5468`) },
        yAxis: { type: "value" },
        series: [
          { name: "\u529E\u7ED3", type: "line", data: Array.from({ length: 10 }, (_, i) => 20 + i * 8 + Math.round(rand() * 6)) },
          { name: "\u903E\u671F", type: "line", data: Array.from({ length: 10 }, () => Math.round(rand() * 12)) }
        ]
      }
    },
    {
      caption: "\u56FE3 \u4E8B\u9879\u72B6\u6001\u5206\u5E03\uFF08\u793A\u4F8B\uFF09",
      option: {
        title: { text: "\u4E8B\u9879\u72B6\u6001\u5206\u5E03", left: "center" },
        legend: { bottom: 0 },
        series: [
          {
            type: "pie",
            radius: ["35%", "62%"],
            label: { formatter: "{b}\n{d}%" },
            data: [
              { name: "\u5DF2\u529E\u7ED3", value: 412 },
              { name: "\u63A8\u8FDB\u4E2D", value: 371 },
              { name: "\u903E\u671F", value: 46 },
              { name: "\u957F\u671F\u575A\u6301", value: 171 }
            ]
          }
        ]
      }
    },
    {
      caption: "\u56FE4 \u56DB\u8868\u4E00\u5355\u63A8\u8FDB\u60C5\u51B5\uFF08\u793A\u4F8B\uFF09",
      option: {
        title: { text: "\u56DB\u8868\u4E00\u5355\u63A8\u8FDB\u60C5\u51B5", left: "center" },
        legend: { bottom: 0 },
        xAxis: { type: "category", data: ["\u91CD\u70B9\u4EFB\u52A1", "\u95EE\u9898\u6E05\u5355", "\u8BD5\u9898\u6E05\u5355", "\u63D0\u5347\u6E05\u5355", "\u5178\u578B\u6848\u4F8B"] },
        yAxis: { type: "value" },
        series: ["\u5DF2\u529E\u7ED3", "\u63A8\u8FDB\u4E2D", "\u903E\u671F"].map((name) => ({ name, type: "bar", stack: "all", data: Array.from({ length: 5 }, () => Math.round(20 + rand() * 120)) }))
      }
    }
  ];
  const charts = await Promise.all(
    Array.from({ length: opts.charts }, async (_, i) => {
      const spec = chartSpecs[i % chartSpecs.length];
      return { type: "image", png: await renderChartPng(spec.option, { width: 760, height: 380 }), widthPx: 760, heightPx: 380, caption: spec.caption };
    })
  );
  const unitRows = units.map((u, i) => {
    const assigned = 10 + Math.round(rand() * 30);
    const closed = Math.round(assigned * rand());
    return [i + 1, u, assigned, closed, assigned - closed, Math.round(rand() * 3), `${Math.round(closed / assigned * 100)}%`];
  });
  const appendixRows = Array.from({ length: opts.appendixRows }, (_, i) => [
    i + 1,
    `\u793A\u4F8B\u4E8B\u9879${i + 1}\uFF1A\u4F18\u5316${["\u4F01\u4E1A\u5F00\u529E", "\u83B7\u5F97\u7535\u529B", "\u7EB3\u7A0E\u670D\u52A1", "\u4E0D\u52A8\u4EA7\u767B\u8BB0", "\u62DB\u6807\u6295\u6807"][i % 5]}\u6D41\u7A0B\uFF0C\u538B\u7F29\u529E\u7406\u65F6\u9650`,
    units[i % units.length],
    `2026-${String(i % 12 + 1).padStart(2, "0")}-28`,
    ["\u63A8\u8FDB\u4E2D", "\u5DF2\u529E\u7ED3", "\u903E\u671F"][i % 3]
  ]);
  return {
    issuer: "\u793A\u4F8B\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u9886\u5BFC\u5C0F\u7EC4\u529E\u516C\u5BA4",
    docNumber: "\u793A\u8425\u5546\u529E\u30142026\u30153\u53F7",
    title: "\u5173\u4E8E2026\u5E742\u6708\u5168\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\n\u91CD\u70B9\u5DE5\u4F5C\u63A8\u8FDB\u60C5\u51B5\u7684\u901A\u62A5\uFF08\u793A\u4F8B\uFF09",
    recipients: "\u5404\u65D7\u53BF\u533A\u4EBA\u6C11\u653F\u5E9C\uFF0C\u5E02\u76F4\u5404\u6709\u5173\u90E8\u95E8\uFF1A",
    date: "2026-03-02",
    sections: [
      { type: "paragraph", text: "\u4E3A\u6DF1\u5165\u63A8\u8FDB\u8425\u5546\u73AF\u5883\u4F18\u5316\u63D0\u5347\u884C\u52A8\uFF0C\u73B0\u5C062026\u5E742\u6708\u5168\u5E02\u91CD\u70B9\u5DE5\u4F5C\u63A8\u8FDB\u60C5\u51B5\u901A\u62A5\u5982\u4E0B\uFF08\u672C\u6587\u4E3A\u793A\u4F8B\u6570\u636E\uFF0C\u4E0D\u4EE3\u8868\u771F\u5B9E\u60C5\u51B5\uFF09\u3002" },
      { type: "heading", level: 1, text: "\u57FA\u672C\u60C5\u51B5" },
      { type: "paragraph", text: "\u622A\u81F32\u6708\u5E95\uFF0C\u5168\u5E02\u5171\u6709\u7763\u529E\u4E8B\u98791000\u9879\uFF0C\u5DF2\u529E\u7ED3412\u9879\uFF0C\u63A8\u8FDB\u4E2D371\u9879\uFF0C\u903E\u671F46\u9879\uFF0C\u957F\u671F\u575A\u6301171\u9879\uFF0C\u603B\u4F53\u5B8C\u6210\u738741.2%\uFF0C\u8F83\u4E0A\u6708\u63D0\u9AD85.3\u4E2A\u767E\u5206\u70B9\u3002" },
      { type: "heading", level: 1, text: "\u5206\u9886\u57DF\u63A8\u8FDB\u60C5\u51B5" },
      { type: "heading", level: 2, text: "\u653F\u52A1\u670D\u52A1\u9886\u57DF" },
      { type: "paragraph", text: "\u201C\u4E00\u7F51\u901A\u529E\u201D\u4E8B\u9879\u6BD4\u4F8B\u4FDD\u6301\u572898%\u4EE5\u4E0A\uFF0C\u5168\u7A0B\u7F51\u529E\u7387\u8FBE\u523078%\uFF0C\u4F01\u4E1A\u5F00\u529E\u538B\u7F29\u81F30.5\u4E2A\u5DE5\u4F5C\u65E5\u3002" },
      ...charts.slice(0, 2),
      { type: "heading", level: 2, text: "\u5E02\u573A\u73AF\u5883\u9886\u57DF" },
      { type: "paragraph", text: "\u62DB\u6807\u6295\u6807\u9886\u57DF\u4E32\u901A\u6295\u6807\u9884\u8B66\u6A21\u578B\u4E0A\u7EBF\u8FD0\u884C\uFF0C\u672C\u6708\u7B5B\u67E5\u9879\u76EE56\u4E2A\uFF0C\u53D1\u73B0\u7591\u4F3C\u7EBF\u7D223\u6761\uFF0C\u5DF2\u79FB\u4EA4\u76F8\u5173\u90E8\u95E8\u6838\u67E5\u3002" },
      ...charts.slice(2),
      { type: "heading", level: 1, text: "\u5404\u5355\u4F4D\u63A8\u8FDB\u60C5\u51B5" },
      { type: "table", caption: "\u88681 \u5404\u5355\u4F4D\u63A8\u8FDB\u60C5\u51B5\u6392\u540D\uFF08\u793A\u4F8B\uFF09", columns: [{ header: "\u5E8F\u53F7", width: 8 }, { header: "\u5355\u4F4D", width: 34, align: "left" }, { header: "\u627F\u529E", width: 10 }, { header: "\u529E\u7ED3", width: 10 }, { header: "\u63A8\u8FDB\u4E2D", width: 12 }, { header: "\u903E\u671F", width: 10 }, { header: "\u5B8C\u6210\u7387", width: 12 }], rows: unitRows },
      { type: "heading", level: 1, text: "\u5B58\u5728\u7684\u95EE\u9898" },
      { type: "paragraph", text: "\u90E8\u5206\u5355\u4F4D\u8FDB\u5C55\u62A5\u9001\u4E0D\u53CA\u65F6\uFF0C\u4F50\u8BC1\u6750\u6599\u4E0D\u5145\u5206\uFF1B\u4E2A\u522B\u4E8B\u9879\u8FDE\u7EED\u4E24\u5468\u65E0\u8FDB\u5C55\uFF0C\u5B58\u5728\u201C\u91CD\u90E8\u7F72\u3001\u8F7B\u843D\u5B9E\u201D\u73B0\u8C61\u3002" },
      { type: "heading", level: 1, text: "\u4E0B\u4E00\u6B65\u5DE5\u4F5C" },
      { type: "paragraph", text: "\u5404\u5355\u4F4D\u8981\u5BF9\u7167\u95EE\u9898\u6E05\u5355\u9010\u9879\u6574\u6539\uFF0C\u903E\u671F\u4E8B\u9879\u987B\u57285\u4E2A\u5DE5\u4F5C\u65E5\u5185\u62A5\u9001\u6574\u6539\u8BF4\u660E\uFF1B\u4E13\u73ED\u5C06\u6301\u7EED\u5F00\u5C55\u5468\u7763\u67E5\u3001\u6708\u901A\u62A5\u3002" }
    ],
    appendices: [
      {
        title: "\u7763\u529E\u4E8B\u9879\u660E\u7EC6\u8868\uFF08\u793A\u4F8B\uFF09",
        blocks: [{ type: "table", columns: [{ header: "\u5E8F\u53F7", width: 8 }, { header: "\u4E8B\u9879", width: 44, align: "left" }, { header: "\u7275\u5934\u5355\u4F4D", width: 22, align: "left" }, { header: "\u5B8C\u6210\u65F6\u9650", width: 16 }, { header: "\u72B6\u6001", width: 10 }], rows: appendixRows }]
      }
    ],
    copyTo: "\u5E02\u59D4\u529E\u516C\u5BA4\uFF0C\u5E02\u4EBA\u5927\u5E38\u59D4\u4F1A\u529E\u516C\u5BA4\uFF0C\u5E02\u653F\u5E9C\u529E\u516C\u5BA4\uFF0C\u5E02\u653F\u534F\u529E\u516C\u5BA4",
    printedBy: { issuer: "\u793A\u4F8B\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u9886\u5BFC\u5C0F\u7EC4\u529E\u516C\u5BA4", date: "2026-03-02" }
  };
}
export {
  sampleDocument
};
//# sourceMappingURL=sample.js.map
