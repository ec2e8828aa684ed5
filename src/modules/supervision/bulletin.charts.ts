import type { BulletinData } from '../../common/schemas/supervision.js';
import { ITEM_STATUSES, ITEM_STATUS_LABELS } from '../../common/schemas/worklists.js';

/** ECharts options of the bulletin's charts; the reports module renders them to PNG on the server. */
export interface BulletinChart {
  key: 'status-by-list' | 'weekly-trend' | 'completion-by-unit' | 'overdue-by-unit';
  /** caption without its number; the document numbers figures in the order they appear */
  title: string;
  option: Record<string, unknown>;
  width: number;
  height: number;
  /** Said in words instead of the chart when there is nothing to draw: an official document never shows an empty frame. */
  emptyText: string | null;
}

// The picture is shrunk to the 156 mm text width: fonts are set large so they read at 小五 or so.
const TEXT = { fontSize: 22 };
const base = { animation: false, textStyle: TEXT };
/** Long unit names lose the city prefix so that the axis stays readable. */
export const shortUnit = (name: string) => name.replace(/^呼和浩特市/, '').replace(/(管理委员会|委员会)$/, '');

/** Four charts: status by list, weekly trend, completion by unit, overdue by unit. */
export function bulletinCharts(d: BulletinData): BulletinChart[] {
  const byCompletion = [...d.ranking].sort((a, b) => b.completionRate - a.completionRate || a.rank - b.rank).slice(0, 30);
  const overdueUnits = d.ranking
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .slice(0, 20);
  const unitBars = (rows: typeof d.ranking, value: (r: (typeof d.ranking)[number]) => number, color: string, max?: number) => ({
    ...base,
    grid: { left: 20, right: 70, top: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'value', ...(max ? { max } : { minInterval: 1 }), axisLabel: TEXT },
    // One line per unit: a very long name is cut with … (the ranking table below gives it in full).
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => shortUnit(r.unit.name)),
      axisLabel: { ...TEXT, interval: 0, width: 320, overflow: 'truncate', ellipsis: '…' },
    },
    series: [
      { type: 'bar', data: rows.map(value), barMaxWidth: 26, itemStyle: { color }, label: { show: true, position: 'right', ...TEXT } },
    ],
  });
  const [, month] = d.month.split('-').map(Number);
  return [
    {
      key: 'status-by-list',
      title: '各清单事项状态分布（项）',
      width: 1200,
      height: 620,
      option: {
        ...base,
        grid: { left: 20, right: 20, top: 90, bottom: 20, containLabel: true },
        legend: { top: 10, textStyle: TEXT, itemWidth: 30, itemHeight: 18 },
        // Every list is labelled: names wrap within their own slot, and tilt when there are many.
        xAxis: {
          type: 'category',
          data: d.byList.map((l) => l.name.replace(/（.*?）/g, '').slice(0, 16)),
          axisLabel: {
            ...TEXT,
            interval: 0,
            width: Math.floor(1080 / Math.max(1, d.byList.length)) - 8,
            overflow: 'break',
            ...(d.byList.length > 8 ? { rotate: 30 } : {}),
          },
        },
        yAxis: { type: 'value', minInterval: 1, axisLabel: TEXT },
        series: ITEM_STATUSES.map((s) => ({
          name: ITEM_STATUS_LABELS[s].zh,
          type: 'bar',
          stack: 'status',
          barMaxWidth: 90,
          data: d.byList.map((l) => l.byStatus[s] ?? 0),
        })),
      },
      emptyText: d.byList.length ? null : `截至${month}月底尚无督办事项，不列状态分布图。`,
    },
    {
      key: 'weekly-trend',
      title: '近期周督查趋势（项）',
      width: 1200,
      height: 560,
      option: {
        ...base,
        grid: { left: 20, right: 30, top: 80, bottom: 20, containLabel: true },
        legend: { top: 10, textStyle: TEXT, data: ['牵头事项', '已销号', '逾期'] },
        xAxis: { type: 'category', data: d.trend.map((t) => t.weekOf.slice(5)), axisLabel: TEXT },
        yAxis: { type: 'value', minInterval: 1, axisLabel: TEXT },
        series: [
          { name: '牵头事项', type: 'line', symbolSize: 10, lineStyle: { width: 4 }, data: d.trend.map((t) => t.assigned) },
          { name: '已销号', type: 'line', symbolSize: 10, lineStyle: { width: 4 }, data: d.trend.map((t) => t.closed) },
          { name: '逾期', type: 'line', symbolSize: 10, lineStyle: { width: 4 }, data: d.trend.map((t) => t.overdue) },
        ],
      },
      emptyText: d.trend.length ? null : `截至${month}月底尚未生成周督查快照，本期不列周督查趋势图；趋势自第一次周督查起统计。`,
    },
    {
      key: 'completion-by-unit',
      title:
        d.ranking.length > byCompletion.length ? `各单位牵头事项完成率（%，前 ${byCompletion.length} 名）` : '各单位牵头事项完成率（%）',
      width: 1200,
      height: Math.max(300, 60 + byCompletion.length * 34),
      // Completion in a neutral colour; red is kept for what is bad (overdue).
      option: unitBars(byCompletion, (r) => r.completionRate, '#3a7ca5', 100),
      emptyText: byCompletion.length ? null : `截至${month}月底尚无牵头事项，不列完成率图。`,
    },
    {
      key: 'overdue-by-unit',
      title: '各单位逾期事项数（项）',
      width: 1200,
      height: Math.max(300, 60 + overdueUnits.length * 40),
      option: unitBars(overdueUnits, (r) => r.overdue, '#c0392b'),
      emptyText: overdueUnits.length ? null : `截至${month}月底无逾期事项，不列逾期分布图。`,
    },
  ];
}
