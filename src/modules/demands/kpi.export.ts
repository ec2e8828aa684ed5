import type { KpiRow } from '../../common/schemas/demands.js';
import { addTableSheet, newWorkbook } from '../reports/excel.js';

const DIMENSION_HEADERS = { unit: '承办单位', specialist: '企业服务专员', subject: '业务事项', channel: '渠道', month: '月份' } as const;

/** The KPI table as an .xlsx workbook (one sheet, the columns as on the page). */
export async function kpiWorkbook(by: keyof typeof DIMENSION_HEADERS, rows: KpiRow[]): Promise<Buffer> {
  const wb = newWorkbook();
  const pct = (v: number | null) => (v === null ? null : v / 100);
  addTableSheet(
    wb,
    '诉求办理指标',
    [
      { header: DIMENSION_HEADERS[by], value: (r: KpiRow) => r.label },
      { header: '工单数', value: (r) => r.tickets },
      { header: '签收率', value: (r) => pct(r.signRate), numFmt: '0.0%' },
      { header: '按时办结率', value: (r) => pct(r.onTimeRate), numFmt: '0.0%' },
      { header: '一次办结率', value: (r) => pct(r.firstContactRate), numFmt: '0.0%' },
      { header: '回访率', value: (r) => pct(r.followUpRate), numFmt: '0.0%' },
      { header: '满意率', value: (r) => pct(r.satisfactionRate), numFmt: '0.0%' },
      { header: '重办率', value: (r) => pct(r.reopenRate), numFmt: '0.0%' },
      { header: '平均办理时长（工作小时）', value: (r) => r.avgHandlingHours, numFmt: '0.0' },
    ],
    rows,
    { title: '企业诉求办理指标', autoFilter: true },
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
