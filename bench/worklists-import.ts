import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { SYSTEM_ACTOR } from '../src/context.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { readReferenceUnits } from '../src/modules/org/seed.js';
import { commitWorkbook, previewWorkbook } from '../src/modules/worklists/import/import.service.js';
import { runSeed } from '../src/seed.js';

const ROWS = 10_000;
const TARGET_S = 3;

/**
 * A 10 000-row task list as an office would send it (title row, section rows, short unit names,
 * group phrases, deadlines as dates and as phrases), in memory. Synthetic content.
 */
export async function generateTaskWorkbook(rows: number): Promise<Buffer> {
  const units = readReferenceUnits();
  const shortNames = units.filter((u) => u.kind === 'department').map((u) => u.short_names.split('|')[0] || u.name);
  const deadlines = ['2026年6月底前', '2026年第三季度', '长期坚持', '持续推进', '2026年底', '9月底前', '2026-11-30', '上半年'];
  const areas = ['开办企业', '获得电力', '纳税', '招标投标', '办理建筑许可', '登记财产', '获得信贷', '政务服务'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点任务');
  ws.addRow(['呼和浩特市2026年优化营商环境重点任务清单（基准测试数据）']);
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '指标领域', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限']);
  for (let i = 0; i < rows; i++) {
    if (i % 500 === 0) ws.addRow([`${'一二三四五六七八九十'[(i / 500) % 10]}、第${i / 500 + 1}部分`]);
    const lead = shortNames[i % shortNames.length];
    const coop =
      i % 10 === 0 ? '各旗县区人民政府' : `${shortNames[(i * 7 + 3) % shortNames.length]}、${shortNames[(i * 11 + 5) % shortNames.length]}`;
    const deadline = i % 9 === 0 ? new Date(Date.UTC(2026, i % 12, 28)) : deadlines[i % deadlines.length];
    ws.addRow([i + 1, areas[i % areas.length], `推进第${i + 1}项改革任务`, `细化措施，按月报送进展（第${i + 1}项）`, lead, coop, deadline]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Parse + validate (preview) + commit of a 10 000-row workbook into a fresh database. */
export async function worklistsImport(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-import-'));
  const ctx = createContext({ ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' });
  try {
    await migrateToLatest(ctx.db);
    await runSeed(ctx, { demo: false });
    const buffer = await generateTaskWorkbook(ROWS);
    console.error(`workbook: ${ROWS} rows, ${(buffer.length / 1024 / 1024).toFixed(1)} MB`);
    // A server imports warm: load the code paths once on a small file before measuring.
    await previewWorkbook(ctx, await generateTaskWorkbook(200), 'task');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const preview = await previewWorkbook(ctx, buffer, 'task', (m) => console.error(m));
    const t1 = performance.now();
    const cpu1 = process.cpuUsage(cpu0);
    if (preview.problems.length) throw new Error(`unexpected problems: ${JSON.stringify(preview.problems.slice(0, 3))}`);
    const result = await commitWorkbook(ctx, SYSTEM_ACTOR, preview, { kind: 'task', list: '基准测试导入', keepValid: false });
    const t2 = performance.now();
    const seconds = (t2 - t0) / 1000;
    // CPU time of this process: on a shared, busy machine it tells the work apart from the waiting.
    const cpu = process.cpuUsage(cpu0);
    return {
      rows: preview.rows.length,
      created: result.created,
      dialect: ctx.database.dialect,
      parse_validate_s: Number(((t1 - t0) / 1000).toFixed(3)),
      commit_s: Number(((t2 - t1) / 1000).toFixed(3)),
      seconds: Number(seconds.toFixed(3)),
      cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      parse_validate_cpu_s: Number(((cpu1.user + cpu1.system) / 1e6).toFixed(3)),
      rows_per_s: Math.round(preview.rows.length / seconds),
      target_s: TARGET_S,
      pass: seconds <= TARGET_S && result.created === ROWS,
    };
  } finally {
    await ctx.database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
