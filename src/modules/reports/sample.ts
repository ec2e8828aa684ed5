import { renderChartPng } from './charts.js';
import type { DocBlock, OfficialDocumentInput } from './document.js';

/**
 * A synthetic bulletin-shaped document (示例 data, no real figures) for the benchmark, the tests
 * and for looking at the layout: charts, a unit table and a long appendix table.
 */
export async function sampleDocument(opts: { charts: number; rows: number; appendixRows: number }): Promise<OfficialDocumentInput> {
  const units = Array.from({ length: opts.rows }, (_, i) => `示例单位${String(i + 1).padStart(2, '0')}`);
  // A fixed pseudo-random sequence keeps the sample identical from run to run.
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pct = () => Math.round(50 + rand() * 50);
  const chartSpecs = [
    {
      caption: '图1 各单位任务完成率（示例）',
      option: {
        title: { text: '各单位任务完成率', left: 'center' },
        grid: { left: 50, right: 20, top: 50, bottom: 70 },
        xAxis: { type: 'category', data: units.slice(0, 12), axisLabel: { rotate: 40 } },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          { type: 'bar', data: units.slice(0, 12).map(pct), itemStyle: { color: '#c23531' }, label: { show: true, position: 'top' } },
        ],
      },
    },
    {
      caption: '图2 近十周办结与逾期趋势（示例）',
      option: {
        title: { text: '近十周办结与逾期趋势', left: 'center' },
        legend: { bottom: 0, data: ['办结', '逾期'] },
        xAxis: { type: 'category', data: Array.from({ length: 10 }, (_, i) => `第${i + 1}周`) },
        yAxis: { type: 'value' },
        series: [
          { name: '办结', type: 'line', data: Array.from({ length: 10 }, (_, i) => 20 + i * 8 + Math.round(rand() * 6)) },
          { name: '逾期', type: 'line', data: Array.from({ length: 10 }, () => Math.round(rand() * 12)) },
        ],
      },
    },
    {
      caption: '图3 事项状态分布（示例）',
      option: {
        title: { text: '事项状态分布', left: 'center' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '62%'],
            label: { formatter: '{b}\n{d}%' },
            data: [
              { name: '已办结', value: 412 },
              { name: '推进中', value: 371 },
              { name: '逾期', value: 46 },
              { name: '长期坚持', value: 171 },
            ],
          },
        ],
      },
    },
    {
      caption: '图4 四表一单推进情况（示例）',
      option: {
        title: { text: '四表一单推进情况', left: 'center' },
        legend: { bottom: 0 },
        xAxis: { type: 'category', data: ['重点任务', '问题清单', '试题清单', '提升清单', '典型案例'] },
        yAxis: { type: 'value' },
        series: ['已办结', '推进中', '逾期'].map((name) => ({
          name,
          type: 'bar',
          stack: 'all',
          data: Array.from({ length: 5 }, () => Math.round(20 + rand() * 120)),
        })),
      },
    },
  ];
  const charts: DocBlock[] = await Promise.all(
    Array.from({ length: opts.charts }, async (_, i): Promise<DocBlock> => {
      const spec = chartSpecs[i % chartSpecs.length];
      return {
        type: 'image',
        png: await renderChartPng(spec.option, { width: 760, height: 380 }),
        widthPx: 760,
        heightPx: 380,
        caption: spec.caption,
      };
    }),
  );
  const unitRows = units.map((u, i) => {
    const assigned = 10 + Math.round(rand() * 30);
    const closed = Math.round(assigned * rand());
    return [i + 1, u, assigned, closed, assigned - closed, Math.round(rand() * 3), `${Math.round((closed / assigned) * 100)}%`];
  });
  const appendixRows = Array.from({ length: opts.appendixRows }, (_, i) => [
    i + 1,
    `示例事项${i + 1}：优化${['企业开办', '获得电力', '纳税服务', '不动产登记', '招标投标'][i % 5]}流程，压缩办理时限`,
    units[i % units.length],
    `2026-${String((i % 12) + 1).padStart(2, '0')}-28`,
    ['推进中', '已办结', '逾期'][i % 3],
  ]);
  return {
    issuer: '示例市优化营商环境工作领导小组办公室',
    docNumber: '示营商办〔2026〕3号',
    title: '关于2026年2月全市优化营商环境\n重点工作推进情况的通报（示例）',
    recipients: '各旗县区人民政府，市直各有关部门：',
    date: '2026-03-02',
    sections: [
      {
        type: 'paragraph',
        text: '为深入推进营商环境优化提升行动，现将2026年2月全市重点工作推进情况通报如下（本文为示例数据，不代表真实情况）。',
      },
      { type: 'heading', level: 1, text: '基本情况' },
      {
        type: 'paragraph',
        text: '截至2月底，全市共有督办事项1000项，已办结412项，推进中371项，逾期46项，长期坚持171项，总体完成率41.2%，较上月提高5.3个百分点。',
      },
      { type: 'heading', level: 1, text: '分领域推进情况' },
      { type: 'heading', level: 2, text: '政务服务领域' },
      { type: 'paragraph', text: '“一网通办”事项比例保持在98%以上，全程网办率达到78%，企业开办压缩至0.5个工作日。' },
      ...charts.slice(0, 2),
      { type: 'heading', level: 2, text: '市场环境领域' },
      { type: 'paragraph', text: '招标投标领域串通投标预警模型上线运行，本月筛查项目56个，发现疑似线索3条，已移交相关部门核查。' },
      ...charts.slice(2),
      { type: 'heading', level: 1, text: '各单位推进情况' },
      {
        type: 'table',
        caption: '表1 各单位推进情况排名（示例）',
        columns: [
          { header: '序号', width: 8 },
          { header: '单位', width: 34, align: 'left' },
          { header: '承办', width: 10 },
          { header: '办结', width: 10 },
          { header: '推进中', width: 12 },
          { header: '逾期', width: 10 },
          { header: '完成率', width: 12 },
        ],
        rows: unitRows,
      },
      { type: 'heading', level: 1, text: '存在的问题' },
      { type: 'paragraph', text: '部分单位进展报送不及时，佐证材料不充分；个别事项连续两周无进展，存在“重部署、轻落实”现象。' },
      { type: 'heading', level: 1, text: '下一步工作' },
      { type: 'paragraph', text: '各单位要对照问题清单逐项整改，逾期事项须在5个工作日内报送整改说明；专班将持续开展周督查、月通报。' },
    ],
    appendices: [
      {
        title: '督办事项明细表（示例）',
        blocks: [
          {
            type: 'table',
            columns: [
              { header: '序号', width: 8 },
              { header: '事项', width: 44, align: 'left' },
              { header: '牵头单位', width: 22, align: 'left' },
              { header: '完成时限', width: 16 },
              { header: '状态', width: 10 },
            ],
            rows: appendixRows,
          },
        ],
      },
    ],
    copyTo: '市委办公室，市人大常委会办公室，市政府办公室，市政协办公室',
    printedBy: { issuer: '示例市优化营商环境工作领导小组办公室', date: '2026-03-02' },
  };
}
