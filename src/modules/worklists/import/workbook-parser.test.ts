import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorklistSample } from '../../../../examples/make-worklist-sample.js';
import { HEADER, rawZip, referenceDirectory, workbook } from './import.fixtures.js';
import { blockingProblems, parseWorkbook, validRows } from './workbook-parser.js';

const units = referenceDirectory();
const parse = (buffer: Buffer, kind: 'task' | 'question' = 'task') =>
  parseWorkbook(buffer, { kind, units, maxBytes: 20 * 1024 * 1024, year: 2024 });
/** The sample as made on 2024-04-15: its deadlines count from the day it is made, so the test pins the day. */
const sample = () => buildWorklistSample('2024-04-15');

describe('workbook layout as offices write it', () => {
  it('reads the sample workbook: title rows, two-row header, sections, merged cells, short names, groups, odd deadlines', async () => {
    const p = await parse(await sample());
    const sheet = p.mapping.find((m) => m.sheet === '重点任务')!;
    expect(sheet.headerRow).toBe(3);
    expect(Object.fromEntries(sheet.columns.map((c) => [c.column, c.field]))).toMatchObject({
      A: 'code',
      B: 'area',
      C: 'content',
      D: 'measures',
      E: 'lead',
      F: 'coop',
      G: 'deadline',
      H: null,
    });
    // The instructions sheet has no header and is skipped, not an error, because another sheet has one.
    expect(p.mapping.find((m) => m.sheet === '填报说明')!.skipped).toMatch(/表头/);
    const byCode = new Map(p.rows.map((r) => [r.code, r]));
    expect(byCode.get('1')).toMatchObject({ row: 6, area: '开办企业', deadline: '2024-06-30', ongoing: false });
    expect(byCode.get('1')!.coopUnits.map((u) => u.name)).toEqual([
      '呼和浩特市行政审批和政务服务局',
      '国家税务总局呼和浩特市税务局',
      '呼和浩特市公安局',
    ]);
    // 序号 2 is merged over three rows: three sub-items, each with the merged lead unit and its own deadline.
    for (const [code, deadline, ongoing] of [
      ['2-1', '2024-06-30', false],
      ['2-2', '2024-09-30', false],
      ['2-3', null, true],
    ] as const) {
      expect(byCode.get(code)).toMatchObject({ deadline, ongoing, content: '深化“高效办成一件事”改革' });
      expect(byCode.get(code)!.leadUnits.map((u) => u.name)).toEqual(['呼和浩特市行政审批和政务服务局']);
    }
    expect(byCode.get('2-3')!.coopUnits).toHaveLength(units.counties.length);
    expect(byCode.get('3')!.leadUnits).toHaveLength(units.counties.length);
    expect(byCode.get('4')!.coopUnits).toHaveLength(units.counties.length + units.zones.length);
    expect(byCode.get('4')!.deadline).toBe('2024-09-30'); // an Excel date cell
    expect(byCode.get('5')).toMatchObject({ ongoing: true, deadline: null });
    expect(byCode.get('8')!.deadline).toBe('2024-10-31'); // the cached result of a formula
    expect(byCode.get('10')!.leadUnits.map((u) => u.name)).toEqual(['土默特左旗']);
    expect(byCode.get('6')!.area).toBe('政府采购');
    expect(p.problems).toEqual([
      { sheet: '重点任务', row: 14, column: 'E', message: expect.stringContaining('“市直各相关部门”是泛称') },
      { sheet: '重点任务', row: 15, column: 'E', message: expect.stringContaining('“市数字经济局”无法识别') },
      { sheet: '重点任务', row: 15, column: 'G', message: expect.stringContaining('2024年2月没有30日') },
      { sheet: '重点任务', row: 16, column: 'A', message: expect.stringContaining('与第 15 行重复') },
      { sheet: '重点任务', row: 20, column: 'E', message: expect.stringContaining('公式单元格没有已计算的结果') },
    ]);
    expect(blockingProblems(p)).toEqual([]);
    expect(validRows(p).map((r) => r.row)).not.toContain(15);
    expect(validRows(p)).toHaveLength(p.rows.length - 4);
  });

  it('makes the sample with deadlines in the months after the day it is made, whatever that day', async () => {
    for (const today of ['2026-12-02', '2027-07-20']) {
      const p = await parseWorkbook(await buildWorklistSample(today), {
        kind: 'task',
        units,
        maxBytes: 20 * 1024 * 1024,
        year: 2000,
        today,
      });
      const dated = p.rows.map((r) => r.deadline).filter((d): d is string => d !== null);
      expect(dated.length).toBeGreaterThanOrEqual(10);
      // Nothing already due, nothing further off than the end of next year's list (about 13 months).
      const limit = new Date(Date.parse(today) + 400 * 86_400_000).toISOString().slice(0, 10);
      for (const d of dated) expect(d > today && d <= limit, `${today}: ${d}`).toBe(true);
      expect(p.warnings).toEqual([]);
      expect(p.problems).toHaveLength(5); // the five deliberate mistakes, on any day
    }
  });

  it('maps the header names that vary, and uses 具体措施 as the content when no task column exists', async () => {
    const p = await parse(
      await workbook({
        rows: [
          ['编号', '领域', '具体措施', '责任单位', '协同单位', '时间节点'],
          ['A1', '纳税', '推广非接触式办税', '市税务局', '市财政局', '2024年第四季度'],
        ],
      }),
    );
    expect(p.mapping[0].columns.map((c) => c.field)).toEqual(['code', 'area', 'content', 'lead', 'coop', 'deadline']);
    expect(p.rows[0]).toMatchObject({ code: 'A1', area: '纳税', content: '推广非接触式办税', measures: null, deadline: '2024-12-31' });
    expect(p.problems).toEqual([]);
  });

  it('takes the year of "6月底前" from the title row', async () => {
    const p = await parse(
      await workbook({
        rows: [['2023年优化营商环境工作要点'], HEADER, [1, null, '任务', null, '市发改委', null, '6月底前']],
        merges: ['A1:G1'],
      }),
    );
    expect(p.rows[0].deadline).toBe('2023-06-30');
  });

  it('reads the kind-specific columns of a question bank', async () => {
    const p = await parse(
      await workbook({
        rows: [
          ['题号', '试题', '牵头单位', '层级', '分值', '自评分', '评分标准'],
          ['Q1', '企业开办环节', '市市场监管局', '市级', 5, '4.5', '每多一个环节扣1分'],
        ],
      }),
      'question',
    );
    expect(p.rows[0].extra).toEqual({ level: 'city', maxScore: 5, selfScore: 4.5, scoringRule: '每多一个环节扣1分' });
  });

  it('ignores the kind-specific columns of another kind', async () => {
    const p = await parse(
      await workbook({
        rows: [
          ['序号', '任务', '牵头单位', '分值'],
          ['1', '任务', '市发改委', '很多'],
        ],
      }),
    );
    expect(p.mapping[0].columns.find((c) => c.header === '分值')!.field).toBeNull();
    expect(p.problems).toEqual([]);
  });
});

describe('bad workbooks: each a located problem, never a crash', () => {
  it('refuses what is not an xlsx: text, an old .xls, a .docx, an empty file', async () => {
    const docx = rawZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    for (const bad of [Buffer.from('序号,任务\n1,推进\n'), xls, docx, Buffer.alloc(0)]) {
      const p = await parse(bad);
      expect(p.rejected).toMatchObject({ tooLarge: false });
      expect(p.rows).toEqual([]);
      expect(p.problems).toEqual([{ sheet: null, row: null, column: null, message: expect.stringMatching(/xlsx|空/) }]);
    }
  });

  it('refuses a zip that ExcelJS cannot read as a workbook', async () => {
    const broken = rawZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types') },
      { name: 'xl/workbook.xml', data: Buffer.from('not xml <<<') },
    ]);
    const p = await parse(broken);
    expect(p.rejected).not.toBeNull();
    expect(p.problems[0].message).toMatch(/无法读取|xlsx/);
  });

  it('refuses a 50 MB file by its size, before parsing', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024);
    big.write('PK\u0003\u0004');
    const p = await parse(big);
    expect(p.rejected).toEqual({ message: expect.stringContaining('超过上限'), tooLarge: true });
  });

  it('refuses zip bombs: a huge declared size, an extreme ratio, and sizes that lie', async () => {
    const base = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ];
    const declared = rawZip([...base, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declared: 300 * 1024 * 1024 }]);
    const ratio = rawZip([...base, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024) }]);
    const lying = rawZip([...base, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * 1024 * 1024, 'a'), declared: 1000 }]);
    for (const bomb of [declared, ratio, lying]) {
      const p = await parse(bomb);
      expect(p.rejected).toEqual({ message: expect.stringContaining('压缩炸弹'), tooLarge: true });
    }
  });

  it('reports an empty workbook', async () => {
    const p = await parse(await workbook({ rows: [] }));
    expect(p.problems).toEqual([{ sheet: null, row: null, column: null, message: expect.stringContaining('没有数据') }]);
  });

  it('reports a sheet without a header row, located by sheet', async () => {
    const p = await parse(
      await workbook({
        name: '任务',
        rows: [
          ['推进企业开办', '市发改委', '2024-06-30'],
          ['优化纳税服务', '市税务局', '2024-12-31'],
        ],
      }),
    );
    expect(p.rows).toEqual([]);
    expect(p.problems).toEqual([{ sheet: '任务', row: null, column: null, message: expect.stringContaining('找不到表头') }]);
    expect(blockingProblems(p)).toHaveLength(1);
  });

  it('reports unknown units, duplicate codes, impossible dates, missing fields and formulas without a result, by cell', async () => {
    const p = await parse(
      await workbook({
        name: 'S',
        rows: [
          HEADER,
          ['1', null, '任务一', null, '市数字经济局', '市发改委', '2024-04-31'],
          ['1', null, '任务二', null, '市发改委', '市直有关部门', '2024年第三季度'],
          [null, null, null, null, '市发改委', null, '长期坚持'],
          ['3', null, '任务三', null, null, null, { formula: 'TODAY()' } as ExcelJS.CellFormulaValue],
        ],
      }),
    );
    const at = p.problems.map((x) => `${x.sheet}!${x.column}${x.row}`);
    expect(at).toEqual(['S!E2', 'S!G2', 'S!A3', 'S!F3', 'S!A4', 'S!C4', 'S!E5', 'S!G5']);
    expect(p.problems.every((x) => x.message.includes(' / '))).toBe(true);
    expect(validRows(p)).toEqual([]);
  });

  it('reads every visible sheet into one list: codes must be unique across sheets, hidden sheets are skipped', async () => {
    const buffer = await workbook(
      { name: '一', rows: [HEADER, ['1', null, '任务一', null, '市发改委', null, null]] },
      { name: '二', rows: [HEADER, ['1', null, '任务二', null, '市财政局', null, null]] },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRows([HEADER, ['9', null, '隐藏任务', null, '市发改委', null, null]]);
    const p = await parse(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(p.rows.map((r) => `${r.sheet}!${r.code}`)).toEqual(['一!1', '二!1']);
    expect(p.problems).toEqual([{ sheet: '二', row: 2, column: 'A', message: expect.stringContaining('与工作表“一”第 2 行重复') }]);
    expect(p.mapping.find((m) => m.sheet === '隐藏')!.skipped).toMatch(/隐藏/);
  });

  it('reports a sheet without a lead-unit column as blocking', async () => {
    const p = await parse(
      await workbook({
        name: 'S',
        rows: [
          ['序号', '任务'],
          ['1', '任务一'],
        ],
      }),
    );
    expect(blockingProblems(p)).toEqual([{ sheet: 'S', row: 1, column: null, message: expect.stringContaining('牵头单位') }]);
  });
});
