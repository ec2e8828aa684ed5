import ExcelJS from 'exceljs';
import type { ForecastView } from '../../common/schemas/indicator-results.js';

/** The forecast as a workbook: ranks, gap analysis and the rank-2 / rank-1 plans, one sheet each. */
export async function forecastWorkbook(f: ForecastView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bizenv';
  const note = f.synthetic ? '注意：含演示用虚构数据（盟市数值和/或方法边界），不代表真实评估结果 / contains synthetic demo data' : '';
  const head = (ws: ExcelJS.Worksheet, title: string) => {
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.addRow([`${f.method.name.zh}（${f.method.version}） 期间 ${f.period}`]);
    if (note) ws.addRow([note]).font = { color: { argb: 'FFC00000' }, bold: true };
    ws.addRow([]);
  };
  const table = (ws: ExcelJS.Worksheet, header: string[], rows: (string | number | null)[][]) => {
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 18));
  };
  const r2 = (x: number) => Math.round(x * 100) / 100;

  const ranks = wb.addWorksheet('预测排名');
  head(ranks, '盟市营商环境得分与预测排名');
  table(
    ranks,
    ['排名', '盟市', '代码', '总得分', ...f.method.topics.map((t) => t.name.zh), '数据'],
    f.peers.map((p) => [p.rank, p.name, p.code, r2(p.score), ...f.method.topics.map((t) => r2(p.topics[t.id])), p.synthetic ? '虚构演示' : '导入']),
  );

  const gaps = wb.addWorksheet('差距分析');
  head(gaps, `${f.focus.name} 各成分提升效果（当前第 ${f.focus.rank} 名，总得分 ${r2(f.focus.score)}）`);
  table(
    gaps,
    ['主题', '成分', '计量单位', '当前值', '前沿值', '成分得分', '每改善1个单位总分提高', '每改善1/10区间总分提高', '达到前沿总分最多提高'],
    f.gaps.map((g) => [g.topic, g.name.zh, g.unit, g.value, g.best, r2(g.score), Number(g.gainPerUnit.toFixed(4)), Number(g.gainPerTenthOfRange.toFixed(4)), Number(g.maxGain.toFixed(4))]),
  );

  const plans = wb.addWorksheet('保二争一方案');
  head(plans, '达到目标名次所需的最少成分改进');
  for (const p of f.plans) {
    const status = p.alreadyThere ? '已达到' : p.reachable ? `需提高 ${p.neededGain.toFixed(3)} 分（超过 ${p.overtake?.name}）` : '即使全部成分达到前沿也无法达到';
    plans.addRow([`第 ${p.rank} 名：${status}`, `算法：${p.algorithm === 'exact' ? '精确枚举' : '贪心（附下界）'}`]).font = { bold: true };
    table(
      plans,
      ['主题', '成分', '当前值', '目标值', '改变量', '成分得分由', '成分得分至', '总分提高'],
      p.improvements.map((i) => [i.topic, i.component, i.from, Number(i.to.toFixed(4)), Number(i.change.toFixed(4)), r2(i.scoreFrom), r2(i.scoreTo), Number(i.overallGain.toFixed(4))]),
    );
    plans.addRow([]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
