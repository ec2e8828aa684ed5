import type { BulletinData } from '../../common/schemas/supervision.js';
import { ITEM_STATUSES, ITEM_STATUS_LABELS } from '../../common/schemas/worklists.js';

/** ECharts options of the bulletin's charts; the reports module renders them to PNG on the server. */
export interface BulletinChart {
  key: string;
  title: string;
  option: Record<string, unknown>;
  width: number;
  height: number;
}

const FONT = 'Noto Sans CJK SC';
const base = { animation: false, textStyle: { fontFamily: FONT, fontSize: 14 }, grid: { left: 60, right: 30, top: 50, bottom: 110 } };
/** Long unit names are cut to their short form so that 60 bars still read. */
const short = (name: string) => name.replace(/^呼和浩特市/, '').replace(/(委员会|管理委员会)$/, '').slice(0, 8);

/** At least four charts: completion by unit, overdue by unit, weekly trend, status by list. */
export function bulletinCharts(d: BulletinData): BulletinChart[] {
  const units = d.ranking.slice(0, 30);
  const overdueUnits = [...d.ranking].filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 20);
  const label = { rotate: 45, interval: 0, fontSize: 11 };
  return [
    {
      key: 'completion-by-unit',
      title: '图1 各单位牵头事项完成率（%）',
      width: 1000,
      height: 460,
      option: {
        ...base,
        title: { text: '各单位牵头事项完成率（%）', left: 'center' },
        xAxis: { type: 'category', data: units.map((r) => short(r.unit.name)), axisLabel: label },
        yAxis: { type: 'value', max: 100 },
        series: [{ type: 'bar', data: units.map((r) => r.completionRate), itemStyle: { color: '#c0392b' }, label: { show: units.length <= 20, position: 'top' } }],
      },
    },
    {
      key: 'overdue-by-unit',
      title: '图2 各单位逾期事项数（项）',
      width: 1000,
      height: 460,
      option: {
        ...base,
        title: { text: '各单位逾期事项数（项）', left: 'center' },
        xAxis: { type: 'category', data: overdueUnits.map((r) => short(r.unit.name)), axisLabel: label },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: overdueUnits.map((r) => r.overdue), itemStyle: { color: '#2c3e50' }, label: { show: true, position: 'top' } }],
      },
    },
    {
      key: 'weekly-trend',
      title: '图3 近期周督查趋势（项）',
      width: 1000,
      height: 420,
      option: {
        ...base,
        grid: { left: 60, right: 30, top: 70, bottom: 50 },
        title: { text: '近期周督查趋势（项）', left: 'center' },
        legend: { top: 30, data: ['牵头事项', '已销号', '逾期'] },
        xAxis: { type: 'category', data: d.trend.map((t) => t.weekOf.slice(5)) },
        yAxis: { type: 'value' },
        series: [
          { name: '牵头事项', type: 'line', data: d.trend.map((t) => t.assigned) },
          { name: '已销号', type: 'line', data: d.trend.map((t) => t.closed) },
          { name: '逾期', type: 'line', data: d.trend.map((t) => t.overdue) },
        ],
      },
    },
    {
      key: 'status-by-list',
      title: '图4 各清单事项状态分布（项）',
      width: 1000,
      height: 460,
      option: {
        ...base,
        grid: { left: 60, right: 30, top: 80, bottom: 90 },
        title: { text: '各清单事项状态分布（项）', left: 'center' },
        legend: { top: 30 },
        xAxis: { type: 'category', data: d.byList.map((l) => l.name.slice(0, 10)), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value' },
        series: ITEM_STATUSES.map((s) => ({ name: ITEM_STATUS_LABELS[s].zh, type: 'bar', stack: 'status', data: d.byList.map((l) => l.byStatus[s] ?? 0) })),
      },
    },
  ];
}
