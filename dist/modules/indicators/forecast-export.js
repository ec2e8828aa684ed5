import ExcelJS from "exceljs";
async function forecastWorkbook(f) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bizenv";
  const note = f.synthetic ? "\u6CE8\u610F\uFF1A\u542B\u6F14\u793A\u7528\u865A\u6784\u6570\u636E\uFF08\u76DF\u5E02\u6570\u503C\u548C/\u6216\u65B9\u6CD5\u8FB9\u754C\uFF09\uFF0C\u4E0D\u4EE3\u8868\u771F\u5B9E\u8BC4\u4F30\u7ED3\u679C / contains synthetic demo data" : "";
  const head = (ws, title) => {
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.addRow([`${f.method.name.zh}\uFF08${f.method.version}\uFF09 \u671F\u95F4 ${f.period}`]);
    if (note) ws.addRow([note]).font = { color: { argb: "FFC00000" }, bold: true };
    ws.addRow([]);
  };
  const table = (ws, header, rows) => {
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => c.width = 18);
  };
  const r2 = (x) => Math.round(x * 100) / 100;
  const ranks = wb.addWorksheet("\u9884\u6D4B\u6392\u540D");
  head(ranks, "\u76DF\u5E02\u8425\u5546\u73AF\u5883\u5F97\u5206\u4E0E\u9884\u6D4B\u6392\u540D");
  table(
    ranks,
    ["\u6392\u540D", "\u76DF\u5E02", "\u4EE3\u7801", "\u603B\u5F97\u5206", ...f.method.topics.map((t) => t.name.zh), "\u6570\u636E"],
    f.peers.map((p) => [p.rank, p.name, p.code, r2(p.score), ...f.method.topics.map((t) => r2(p.topics[t.id])), p.synthetic ? "\u865A\u6784\u6F14\u793A" : "\u5BFC\u5165"])
  );
  const gaps = wb.addWorksheet("\u5DEE\u8DDD\u5206\u6790");
  head(gaps, `${f.focus.name} \u5404\u6210\u5206\u63D0\u5347\u6548\u679C\uFF08\u5F53\u524D\u7B2C ${f.focus.rank} \u540D\uFF0C\u603B\u5F97\u5206 ${r2(f.focus.score)}\uFF09`);
  table(
    gaps,
    ["\u4E3B\u9898", "\u6210\u5206", "\u8BA1\u91CF\u5355\u4F4D", "\u5F53\u524D\u503C", "\u524D\u6CBF\u503C", "\u6210\u5206\u5F97\u5206", "\u6BCF\u6539\u55841\u4E2A\u5355\u4F4D\u603B\u5206\u63D0\u9AD8", "\u6BCF\u6539\u55841/10\u533A\u95F4\u603B\u5206\u63D0\u9AD8", "\u8FBE\u5230\u524D\u6CBF\u603B\u5206\u6700\u591A\u63D0\u9AD8"],
    f.gaps.map((g) => [g.topic, g.name.zh, g.unit, g.value, g.best, r2(g.score), Number(g.gainPerUnit.toFixed(4)), Number(g.gainPerTenthOfRange.toFixed(4)), Number(g.maxGain.toFixed(4))])
  );
  const plans = wb.addWorksheet("\u4FDD\u4E8C\u4E89\u4E00\u65B9\u6848");
  head(plans, "\u8FBE\u5230\u76EE\u6807\u540D\u6B21\u6240\u9700\u7684\u6700\u5C11\u6210\u5206\u6539\u8FDB");
  for (const p of f.plans) {
    const status = p.alreadyThere ? "\u5DF2\u8FBE\u5230" : p.reachable ? `\u9700\u63D0\u9AD8 ${p.neededGain.toFixed(3)} \u5206\uFF08\u8D85\u8FC7 ${p.overtake?.name}\uFF09` : "\u5373\u4F7F\u5168\u90E8\u6210\u5206\u8FBE\u5230\u524D\u6CBF\u4E5F\u65E0\u6CD5\u8FBE\u5230";
    plans.addRow([`\u7B2C ${p.rank} \u540D\uFF1A${status}`, `\u7B97\u6CD5\uFF1A${p.algorithm === "exact" ? "\u7CBE\u786E\u679A\u4E3E" : "\u8D2A\u5FC3\uFF08\u9644\u4E0B\u754C\uFF09"}`]).font = { bold: true };
    table(
      plans,
      ["\u4E3B\u9898", "\u6210\u5206", "\u5F53\u524D\u503C", "\u76EE\u6807\u503C", "\u6539\u53D8\u91CF", "\u6210\u5206\u5F97\u5206\u7531", "\u6210\u5206\u5F97\u5206\u81F3", "\u603B\u5206\u63D0\u9AD8"],
      p.improvements.map((i) => [i.topic, i.component, i.from, Number(i.to.toFixed(4)), Number(i.change.toFixed(4)), r2(i.scoreFrom), r2(i.scoreTo), Number(i.overallGain.toFixed(4))])
    );
    plans.addRow([]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
export {
  forecastWorkbook
};
//# sourceMappingURL=forecast-export.js.map
