import ExcelJS from 'exceljs';
import { measureUnit } from '../../common/measure-units.js';
import type { ForecastView } from '../../common/schemas/indicator-results.js';

/** The forecast as a workbook: ranks, gap analysis and the rank-2 / rank-1 plans, one sheet each. */
export async function forecastWorkbook(f: ForecastView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bizenv';
  const note = f.synthetic ? '注意：含演示用虚构数据（盟市数值和/或方法边界），不代表真实评估结果' : '';
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
  // Scores as published: one decimal; gains per step are small, so two.
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const topicName = (id: string) => f.method.topics.find((t) => t.id === id)?.name.zh ?? '';
  const componentOf = (topic: string, id: string) => f.method.topics.find((t) => t.id === topic)?.components.find((c) => c.id === id);

  const ranks = wb.addWorksheet('预测排名');
  head(ranks, '盟市营商环境得分与预测排名');
  table(
    ranks,
    ['排名', '盟市', '总得分', ...f.method.topics.map((t) => t.name.zh), '数据'],
    f.peers.map((p) => [p.rank, p.name, r1(p.score), ...f.method.topics.map((t) => r1(p.topics[t.id])), p.synthetic ? '虚构演示' : '导入']),
  );

  const gaps = wb.addWorksheet('差距分析');
  head(gaps, `${f.focus.name}各指标提升效果（预计第${f.focus.rank}名，总得分${r1(f.focus.score)}分）`);
  table(
    gaps,
    [
      '领域',
      '指标',
      '计量单位',
      '当前值',
      '前沿值',
      '指标得分',
      '每改善1个计量单位总分提高',
      '每改善1/10区间总分提高',
      '达到前沿总分最多提高',
    ],
    f.gaps.map((g) => [
      topicName(g.topic),
      g.name.zh,
      measureUnit(g.unit).zh,
      g.value,
      g.best,
      r1(g.score),
      r2(g.gainPerUnit),
      r2(g.gainPerTenthOfRange),
      r2(g.maxGain),
    ]),
  );

  const plans = wb.addWorksheet('保二争一方案');
  head(plans, '达到目标名次所需的最少改进');
  for (const p of f.plans) {
    const status = p.alreadyThere
      ? '已达到'
      : p.reachable
        ? `需提高${r1(p.neededGain)}分（超过${p.overtake?.name}）`
        : '即使全部指标达到前沿也无法达到';
    plans.addRow([`第${p.rank}名：${status}`, p.algorithm === 'exact' ? '' : '近似方案']).font = { bold: true };
    table(
      plans,
      ['领域', '指标', '计量单位', '当前值', '目标值', '改变量', '指标得分由', '指标得分至', '总分提高'],
      p.improvements.map((i) => {
        const c = componentOf(i.topic, i.component);
        const name = c?.name.zh ?? '';
        return [
          topicName(i.topic),
          name,
          measureUnit(c?.unit).zh,
          i.from,
          r2(i.to),
          r2(i.change),
          r1(i.scoreFrom),
          r1(i.scoreTo),
          r1(i.overallGain),
        ];
      }),
    );
    plans.addRow([]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
