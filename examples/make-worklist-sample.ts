/**
 * Writes examples/worklist-sample.xlsx: a task list laid out the way an office really sends one —
 * title rows, a two-row header with 责任单位 over 牵头/配合, section rows, merged 序号 and 牵头单位 cells,
 * short unit names, group phrases, odd deadlines — and five deliberate mistakes for the preview to
 * catch (a collective phrase, an unknown unit, 2月30日, a duplicate 序号, a formula without a result).
 * The tasks are synthetic. The deadlines are counted in months from the day the file is made, so that
 * importing it gives a list that is due in the coming months, not one that is years overdue.
 *
 * Run: npx tsx examples/make-worklist-sample.ts [--today YYYY-MM-DD]   (default: today in China)
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const QUARTERS = ['一', '二', '三', '四'];

/**
 * The sample workbook as made on `today` (YYYY-MM-DD). Each deadline is a number of months after
 * today's month; made on 2024-04-15 it is the original 2024 list (the parser tests pin that day).
 */
export async function buildWorklistSample(today: string): Promise<Buffer> {
  const [ty, tm] = today.split('-').map(Number);
  /** Year and month `n` months after today's month. */
  const at = (n: number) => {
    const k = ty * 12 + (tm - 1) + n;
    return { y: Math.floor(k / 12), m: (k % 12) + 1 };
  };
  const lastDay = (n: number) => {
    const { y, m } = at(n);
    return new Date(Date.UTC(y, m, 0));
  };
  const monthEnd = (n: number) => `${at(n).y}年${at(n).m}月底`;
  const quarter = (n: number) => `${at(n).y}年第${QUARTERS[Math.floor((at(n).m - 1) / 3)]}季度`;
  // The list's year: the one its first deadlines fall in; phrases without a year ("6月底前") mean it.
  const year = at(2).y;
  const half = at(2).m <= 6 ? '上半年' : '下半年';
  const iso15 = (n: number) => `${at(n).y}-${String(at(n).m).padStart(2, '0')}-15`;

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点任务');
  ws.columns = [{ width: 6 }, { width: 12 }, { width: 30 }, { width: 40 }, { width: 22 }, { width: 28 }, { width: 16 }, { width: 12 }];

  ws.getCell('A1').value = `呼和浩特市${year}年优化营商环境重点任务清单（示例）`;
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = '（各单位于每月25日前报送进展，示例数据）';
  ws.mergeCells('A2:H2');
  const header = ['序号', '指标领域', '重点任务', '具体措施', '责任单位', '', '完成时限', '备注'];
  header.forEach((h, i) => (ws.getRow(3).getCell(i + 1).value = h || null));
  ws.getCell('E4').value = '牵头单位';
  ws.getCell('F4').value = '配合单位';
  for (const c of ['A', 'B', 'C', 'D', 'G', 'H']) ws.mergeCells(`${c}3:${c}4`);
  ws.mergeCells('E3:F3');

  type Row = (string | number | Date | { formula: string; result?: string } | null)[];
  const rows: (Row | string)[] = [
    '一、政务环境',
    [
      1,
      '开办企业',
      '推进企业开办全程网办',
      '企业开办0.5个工作日内办结，推行电子营业执照和电子印章同步发放',
      '市市场监管局',
      '市行政审批局、市税务局、市公安局',
      monthEnd(2),
      null,
    ],
    [2, '政务服务', '深化“高效办成一件事”改革', '上线第一批13个“一件事”', '市行政审批和政务服务局', '市大数据局', `${at(2).m}月底前`, null],
    [
      2,
      '政务服务',
      '深化“高效办成一件事”改革',
      '推出第二批“一件事”并实现全程网办',
      '市行政审批和政务服务局',
      '市大数据局，市人社局',
      quarter(4),
      null,
    ],
    [2, '政务服务', '深化“高效办成一件事”改革', '建立“一件事”动态调整机制', '市行政审批和政务服务局', '各旗县区人民政府', '长期坚持', null],
    [3, '政务服务', '推进旗县区政务服务标准化', '统一事项名称、申请材料和办理时限', '各旗县区人民政府', '市发改委', `${year}年底`, null],
    [
      4,
      '获得电力',
      '压减低压接电时间',
      '低压小微企业接电时间压减至3个工作日以内',
      '呼和浩特供电公司\n市发改委',
      '各旗县区、管委会',
      lastDay(5),
      null,
    ],
    [5, '办理建筑许可', '推行“拿地即开工”', '工业项目“拿地即开工”常态化', '市住建局；市自然资源局', null, '持续推进', null],
    '二、市场环境',
    [
      6,
      '政府采购',
      '清理政府采购隐性门槛',
      '全面清理妨碍统一市场和公平竞争的规定',
      '市直各相关部门',
      '市财政局',
      `${at(8).y}年${at(8).m}月`,
      '错误示例：泛称',
    ],
    [
      7,
      '招标投标',
      '推行招标投标全流程电子化',
      '实现不见面开标全覆盖',
      '市数字经济局',
      '市公共资源交易中心',
      `${year}年2月30日`,
      '错误示例：未知单位、不存在的日期',
    ],
    [
      7,
      '知识产权',
      '提升知识产权保护水平',
      '建设知识产权快速维权中心',
      '呼和浩特市市场监督管理局',
      '市中院',
      iso15(7),
      '错误示例：序号重复',
    ],
    [
      8,
      '获得信贷',
      '开展政银企对接',
      '每季度组织政银企对接活动',
      '市金融办，人行呼和浩特分行',
      '各旗县区',
      { formula: `"${monthEnd(6)}"`, result: monthEnd(6) },
      '公式（有缓存结果）',
    ],
    [9, '纳税', '推广非接触式办税', '非接触式办税缴费事项占比达到95%', '市税务局', null, quarter(7), null],
    [10, '市场监管', '推行包容审慎监管', '推行“首违不罚”清单', '土左旗', '托县、和林县', half, null],
    [
      11,
      '跨境贸易',
      '压缩进出口整体通关时间',
      '推广“提前申报”“两步申报”',
      { formula: 'CONCATENATE("呼和浩特","海关")' },
      '经开区',
      `${at(5).y}年${at(5).m}月`,
      '错误示例：公式没有缓存结果',
    ],
    `注：完成时限未写年份的，均指${year}年。`,
  ];

  let r = 5;
  for (const row of rows) {
    if (typeof row === 'string') {
      ws.getCell(`A${r}`).value = row;
      ws.mergeCells(`A${r}:H${r}`);
    } else {
      row.forEach((v, i) => (ws.getRow(r).getCell(i + 1).value = v as ExcelJS.CellValue));
    }
    r++;
  }
  // 序号 2 spans three measures rows with one lead unit, as offices merge them.
  ws.mergeCells('A7:A9');
  ws.mergeCells('B7:B9');
  ws.mergeCells('C7:C9');
  ws.mergeCells('E7:E9');
  ws.getCell('G11').numFmt = 'yyyy-mm-dd';
  ws.getRow(3).font = { bold: true };
  ws.getRow(4).font = { bold: true };

  const notes = wb.addWorksheet('填报说明');
  notes.getCell('A1').value = '1. 牵头单位可写全称或简称，多个单位用顿号分隔。';
  notes.getCell('A2').value = '2. 完成时限可写具体日期、“6月底前”“第三季度”或“长期坚持”。';

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Today in China, the office's calendar day. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--today');
  const today = i > 0 ? process.argv[i + 1] : chinaToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) throw new Error('--today YYYY-MM-DD');
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worklist-sample.xlsx');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(out, await buildWorklistSample(today));
  console.log(`written ${out} (deadlines counted from ${today})`);
}
