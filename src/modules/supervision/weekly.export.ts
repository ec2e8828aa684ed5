import ExcelJS from 'exceljs';
import type { SnapshotView } from '../../common/schemas/supervision.js';

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '排名', key: 'rank', width: 6 },
  { header: '单位', key: 'unit', width: 34 },
  { header: '牵头事项', key: 'assigned', width: 10 },
  { header: '已销号', key: 'closed', width: 8 },
  { header: '推进中', key: 'inProgress', width: 8 },
  { header: '逾期', key: 'overdue', width: 8 },
  { header: '滞后（14天未报送）', key: 'stale', width: 18 },
  { header: '逾期报送', key: 'lateReports', width: 10 },
  { header: '被退回', key: 'returns', width: 8 },
  { header: '得分', key: 'score', width: 8 },
  { header: '较上周得分', key: 'scoreChange', width: 12 },
  { header: '较上周逾期', key: 'overdueChange', width: 12 },
  { header: '红黑榜', key: 'board', width: 8 },
];

/** The weekly snapshot as a workbook: one sheet of unit rows, one with the red/black list and the formula. */
export async function snapshotWorkbook(s: SnapshotView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bizenv';
  const sheet = wb.addWorksheet(`周督查 ${s.weekOf}`);
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of s.rows) {
    sheet.addRow({
      rank: r.rank || '',
      unit: r.unit.name,
      assigned: r.assigned,
      closed: r.closed,
      inProgress: r.inProgress,
      overdue: r.overdue,
      stale: r.stale,
      lateReports: r.lateReports,
      returns: r.returns,
      score: r.score,
      scoreChange: r.change ? r.change.score : '',
      overdueChange: r.change ? r.change.overdue : '',
      board: r.board === 'red' ? '红榜' : r.board === 'black' ? '黑榜' : '',
    });
  }
  const board = wb.addWorksheet('红黑榜');
  board.columns = [
    { header: '榜单', key: 'board', width: 8 },
    { header: '单位', key: 'unit', width: 34 },
    { header: '得分', key: 'score', width: 8 },
    { header: '逾期', key: 'overdue', width: 8 },
  ];
  board.getRow(1).font = { bold: true };
  for (const r of s.red) board.addRow({ board: '红榜', unit: r.unit.name, score: r.score, overdue: r.overdue });
  for (const r of s.black) board.addRow({ board: '黑榜', unit: r.unit.name, score: r.score, overdue: r.overdue });
  board.addRow([]);
  board.addRow(['计分规则', s.formula.zh]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
