import path from 'node:path';
import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type SheetSpec, referenceDirectory, workbook } from './import.fixtures.js';
import { parseWorkbook } from './workbook-parser.js';
import { SHARED_DATA } from '../../../test/shared-data.js';

/**
 * The importer on real lists (shared/data/tasklists): task rows of other cities' plans and
 * the 50 measures of 国办发〔2022〕35号, laid out as those offices publish them. Their units are
 * not Hohhot's, so unknown units must come back as located problems, never as guesses.
 */
const DATA = path.join(SHARED_DATA, 'tasklists');
const units = referenceDirectory();
const parse = (b: Buffer) => parseWorkbook(b, { kind: 'task', units, maxBytes: 20 * 1024 * 1024, year: 2026 });
const csv = (file: string) =>
  parseCsv(fs.readFileSync(`${DATA}/${file}`, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe.skipIf(!fs.existsSync(DATA))('real task lists', () => {
  it('city plans: one sheet per document, title row with the document name, real deadline phrases', async () => {
    const rows = csv('city_plan_examples.csv');
    const byCity = new Map<string, Record<string, string>[]>();
    for (const r of rows) byCity.set(r.city, [...(byCity.get(r.city) ?? []), r]);
    const sheets: SheetSpec[] = [...byCity].map(([city, rs]) => ({
      name: city.slice(0, 31),
      rows: [
        [`${rs[0].doc}（${rs[0].doc_no || '无文号'}）`],
        ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'],
        ...rs.map((r) => [r.seq, r.task, r.measure, r.lead || null, r.support || null, r.deadline || null] as ExcelJS.CellValue[]),
      ],
      merges: ['A1:F1'],
    }));
    const p = await parse(await workbook(...sheets));
    expect(p.rejected).toBeNull();
    expect(p.rows).toHaveLength(rows.length);
    const row = (sheet: string, code: string) => p.rows.find((r) => r.sheet === sheet && r.code === code)!;

    // Ordos: "2025年12月底前"; its 各旗区人民政府 means all county-level units of the importing city.
    expect(row('鄂尔多斯市', '(1)')).toMatchObject({ content: '扶持个体私营经济发展', deadline: '2025-12-31' });
    expect(row('鄂尔多斯市', '(1)').coopUnits).toHaveLength(units.counties.length);
    // Xiangxi 2020: "6月底完成" takes the year of the title row.
    expect(row('湘西土家族苗族自治州', '1').deadline).toBe('2020-06-30');
    // Xianyang: "2022年10月底前(清单编制公布,见措施原文)".
    expect(row('咸阳市', '1').deadline).toBe('2022-10-31');

    const problem = (sheet: string, needle: string) => p.problems.find((x) => x.sheet === sheet && x.message.includes(needle));
    expect(problem('湘西土家族苗族自治州', '“州行政审批服务局”无法识别')).toMatchObject({ row: 3, column: 'D' });
    expect(problem('湘西土家族苗族自治州', '“州直相关单位”是泛称')).toMatchObject({ row: 3, column: 'E' });
    expect(problem('湘西土家族苗族自治州', '“湘西经开区管委会”无法识别')).toMatchObject({ row: 3, column: 'E' });
    expect(problem('咸阳市', '“市级各有关部门”是泛称')).toMatchObject({ row: 3, column: 'E' });
    expect(problem('池州市', '“市工商质监局”无法识别')).toMatchObject({ row: 3, column: 'D' });
    // A row whose lead unit the source left out is reported, not filled in.
    expect(problem('鄂尔多斯市', '缺少牵头单位')).toMatchObject({ row: 4, column: 'D' });
    // Hohhot's own row names Hohhot units in its own short forms; only two offices are unknown here.
    const hohhot = p.problems.filter((x) => x.sheet === '呼和浩特市' && x.column === 'E').map((x) => x.message);
    expect(hohhot).toEqual([expect.stringContaining('区域经济合作局'), expect.stringContaining('城市统筹发展办公室')]);
    expect(row('呼和浩特市', '1').coopUnits.map((u) => u.name)).toEqual(
      expect.arrayContaining(['托克托县', '清水河县', '呼和浩特市发展和改革委员会', '呼和浩特市工业和信息化局']),
    );
    expect(p.problems.every((x) => x.sheet && x.row && x.column)).toBe(true);
  });

  it('the 50 measures of 国办发〔2022〕35号 under section rows, with no lead units in the source', async () => {
    const rows = csv('national_reform_measures_guobanfa_2022_35.csv');
    const CN = '一二三四五六七八九十';
    const sheet: ExcelJS.CellValue[][] = [
      ['国务院办公厅关于复制推广营商环境创新试点改革举措的通知'],
      ['国办发〔2022〕35号'],
      ['序号', '改革举措', '牵头单位', '完成时限'],
    ];
    const merges = ['A1:D1', 'A2:D2'];
    let category = '';
    for (const r of rows) {
      if (r.category !== category) {
        category = r.category;
        sheet.push([`${CN[Number(r.category_no) - 1]}、${category}`]);
        merges.push(`A${sheet.length}:D${sheet.length}`);
      }
      sheet.push([Number(r.seq), r.measure, null, '2022年底前']);
    }
    const p = await parse(await workbook({ name: '改革举措', rows: sheet, merges }));
    expect(p.mapping[0].headerRow).toBe(3);
    expect(p.rows).toHaveLength(50);
    expect(p.rows.map((r) => r.code)).toEqual(rows.map((r) => r.seq));
    expect(p.rows[0]).toMatchObject({
      code: '1',
      content: '开展‘一照多址’改革',
      area: '进一步破除区域分割和地方保护等不合理限制',
      deadline: '2022-12-31',
    });
    expect(p.rows.at(-1)!.area).toBe(rows.at(-1)!.category);
    expect(p.problems).toHaveLength(50);
    expect(p.problems.every((x) => x.column === 'C' && x.message.includes('缺少牵头单位'))).toBe(true);
  });
});
