import type { SnapshotRowView, SnapshotView } from '../../common/schemas/supervision.js';
import { type SheetColumn, addTableSheet, newWorkbook, workbookBuffer } from '../reports/excel.js';

const board = (r: SnapshotRowView) => (r.board === 'red' ? '红榜' : r.board === 'black' ? '黑榜' : '');

const COLUMNS: SheetColumn<SnapshotRowView>[] = [
  { header: '排名', value: (r) => r.rank || null, align: 'center' },
  { header: '单位', value: (r) => r.unit.name },
  { header: '牵头事项', value: (r) => r.assigned },
  { header: '已销号', value: (r) => r.closed },
  { header: '推进中', value: (r) => r.inProgress },
  { header: '逾期', value: (r) => r.overdue },
  { header: '滞后（未报送进展）', value: (r) => r.stale },
  { header: '逾期报送', value: (r) => r.lateReports },
  { header: '被退回', value: (r) => r.returns },
  { header: '得分', value: (r) => r.score },
  { header: '较上周得分', value: (r) => r.change?.score ?? null },
  { header: '较上周逾期', value: (r) => r.change?.overdue ?? null },
  { header: '红黑榜', value: board, align: 'center' },
];

/** The weekly snapshot as a workbook: the unit rows, then the red/black list with the score formula. */
export async function snapshotWorkbook(s: SnapshotView): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(wb, `周督查 ${s.weekOf}`, COLUMNS, s.rows, { title: `周督查情况（${s.period.from} 至 ${s.period.to}）`, freezeColumns: 2 });
  const boards = addTableSheet(wb, '红黑榜', [COLUMNS[12], COLUMNS[1], COLUMNS[9], COLUMNS[5]], [...s.red, ...s.black]);
  boards.addRow([]);
  boards.addRow(['计分规则', s.formula.zh]);
  return workbookBuffer(wb);
}
