import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { AppError } from '../common/errors.js';
import type { ImportPreviewRow, ImportResultView } from '../common/schemas/indicators.js';
import type { ImportProblem } from '../common/schemas/worklists-import.js';
import { SYSTEM_ACTOR } from '../context.js';
import { importIndicatorValues } from '../modules/indicators/indicators.service.js';
import { loadMethod } from '../modules/indicators/method.js';
import { forecast, importPeerValues } from '../modules/indicators/scores.service.js';
import { scoreExportCsv } from '../modules/indicators/worldbank-file.js';
import { readUploadFile } from '../http/upload.js';
import { openCliContext, runCommand } from './context.js';
import { printProblems, problemsOf } from './import-output.js';

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', [{ path: file, message: `无法读取文件 / cannot read the file: ${(err as Error).message}` }]);
  }
}

interface ValuesImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

/**
 * Checks a values workbook and shows every row as it would be written (create or update), or every
 * located problem; without --dry-run the checked file is then imported. Exits non-zero on problems.
 */
async function importValuesFile(file: string, opts: ValuesImportOptions): Promise<void> {
  const ctx = await openCliContext();
  try {
    let rows: ImportPreviewRow[] = [];
    let problems: ImportProblem[] = [];
    let result: ImportResultView | null = null;
    try {
      const upload = await readUploadFile(file, { maxBytes: ctx.config.uploadMaxBytes });
      rows = (await importIndicatorValues(ctx, SYSTEM_ACTOR, upload, { dryRun: true })).preview ?? [];
      if (!opts.dryRun) result = await importIndicatorValues(ctx, SYSTEM_ACTOR, upload);
    } catch (err) {
      const located = problemsOf(err);
      if (!located) throw err;
      problems = located;
    }
    if (opts.json) console.log(JSON.stringify({ rows, problems, ...(result ? { result } : {}) }));
    else {
      for (const r of rows) {
        const action = r.action === 'update' ? `更新，原值 ${r.previous} / update, was ${r.previous}` : '新增 / create';
        console.log(
          `第 ${r.row} 行\t${r.code} ${r.indicatorName}\t${r.unitName}\t${r.period}\t` +
            `${r.value}${r.unitOfMeasure ? ` ${r.unitOfMeasure}` : ''}\t(${action})`,
        );
      }
      console.log(`读取 ${rows.length} 行，发现 ${problems.length} 个问题 / ${rows.length} rows, ${problems.length} problems`);
      printProblems(problems);
      if (result)
        console.log(
          `已导入 ${result.rows} 行：新增 ${result.created}，更新 ${result.updated} / ` +
            `imported ${result.rows} rows: ${result.created} created, ${result.updated} updated`,
        );
      else if (problems.length) console.log('未导入：请修正问题 / nothing imported');
      else console.log('试运行，未写入 / dry run, nothing written');
    }
    if (problems.length) process.exitCode = 1;
  } finally {
    await ctx.database.destroy();
  }
}

export function registerIndicatorCommands(program: Command): void {
  const indicators = program.command('indicators').description('指标与评分 / indicators and scoring');

  indicators
    .command('score')
    .description(
      '按评价方法为导出格式的 CSV 计分 / score a CSV laid out like the publisher export (e.g. the World Bank DB2019 starting-a-business file)',
    )
    .requiredOption('--method <id>', 'method id (a file in src/modules/indicators/methods/), e.g. doing-business')
    .requiredOption('--values <file>', 'CSV file with component values (or topic scores)')
    .option('--json', 'print {"results": [...]} as JSON')
    .option('--values-only', 'ignore published component scores in the file (by default they are used where the printed value is rounded)')
    .action((opts: { method: string; values: string; json?: boolean; valuesOnly?: boolean }) =>
      runCommand(async () => {
        const method = loadMethod(opts.method);
        const text = readFile(opts.values).toString('utf8');
        const out = scoreExportCsv(method, text, path.basename(opts.values), { valuesOnly: opts.valuesOnly });
        if (opts.json) {
          console.log(JSON.stringify(out));
          return;
        }
        for (const r of out.results) {
          const published = r.published === undefined ? '' : `  (published ${r.published.toFixed(5)})`;
          console.log(`${r.economy}\t${r.topic}\t${r.score.toFixed(5)}${published}${r.warnings ? `  ⚠ ${r.warnings.join('; ')}` : ''}`);
        }
      }),
    );

  indicators
    .command('import-values <file>')
    .description(
      '从 Excel 导入指标数值（列：指标编码、单位、期间、数值、来源、佐证说明；全部成功或全部不导入） / import KPI values from .xlsx, all or nothing',
    )
    .option('--dry-run', 'check and show the preview only; nothing is written')
    .option('--json', 'print the preview as one JSON object on stdout')
    .action((file: string, opts: ValuesImportOptions) => runCommand(() => importValuesFile(file, opts)));

  indicators
    .command('import-peers <file>')
    .description(
      '导入盟市数值或主题得分（CSV 列：peer,topic,component,value；component 为空表示主题得分） / import peer league/city values or topic scores from CSV',
    )
    .requiredOption('--method <id>', 'method id, e.g. regional-demo')
    .requiredOption('--period <period>', 'e.g. 2024')
    .requiredOption('--source <text>', 'where the figures come from')
    .option('--synthetic', 'the figures are invented (demo); the forecast says so')
    .action((file: string, opts: { method: string; period: string; source: string; synthetic?: boolean }) =>
      runCommand(async () => {
        let records: Record<string, string>[];
        try {
          records = parse(
            readFile(file)
              .toString('utf8')
              .replace(/^\uFEFF/, ''),
            { columns: true, skip_empty_lines: true, trim: true },
          );
        } catch (err) {
          throw new AppError('VALIDATION_FAILED', [{ path: file, message: `CSV 格式错误 / malformed CSV: ${(err as Error).message}` }]);
        }
        const bad = records.flatMap((r, i) =>
          r.value !== undefined && r.value !== '' && Number.isFinite(Number(r.value))
            ? []
            : [{ path: `${path.basename(file)}:row ${i + 2}, column value`, message: `不是数字 / not a number: "${r.value ?? ''}"` }],
        );
        if (bad.length) throw new AppError('INDICATOR_BAD_VALUE', bad);
        const rows = records.map((r) => ({
          peer: r.peer,
          topic: r.topic,
          ...(r.component ? { component: r.component } : {}),
          value: Number(r.value),
        }));
        const ctx = await openCliContext();
        try {
          const r = await importPeerValues(ctx, SYSTEM_ACTOR, {
            method: opts.method,
            period: opts.period,
            source: opts.source,
            synthetic: Boolean(opts.synthetic),
            rows,
          });
          console.log(`imported ${r.rows} rows for ${r.peers} leagues/cities (${r.replaced} earlier rows replaced)`);
        } finally {
          await ctx.database.destroy();
        }
      }),
    );

  indicators
    .command('forecast')
    .description('盟市排名预测与“保二争一”差距分析 / rank forecast and gap analysis')
    .option('--method <id>', 'method id', 'regional-demo')
    .requiredOption('--period <period>', 'e.g. 2024')
    .option('--json', 'print the whole forecast as JSON')
    .action((opts: { method: string; period: string; json?: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        try {
          const f = await forecast(ctx, { method: opts.method, period: opts.period });
          if (opts.json) return console.log(JSON.stringify(f));
          if (f.synthetic) console.log('注意：含演示用虚构数据 / contains synthetic demo data');
          for (const p of f.peers)
            console.log(`${String(p.rank).padStart(2)}  ${p.name}\t${p.score.toFixed(2)}${p.code === f.focus.code ? '  ◀' : ''}`);
          for (const plan of f.plans) {
            const how = plan.improvements.map((i) => `${i.component} ${Number(i.from.toFixed(3))} → ${Number(i.to.toFixed(3))}`).join('; ');
            const reach = plan.reachable ? `+${plan.neededGain.toFixed(3)} via ${how} (${plan.algorithm})` : 'out of reach';
            console.log(`rank ${plan.rank}: ${plan.alreadyThere ? 'already there' : reach}`);
          }
        } finally {
          await ctx.database.destroy();
        }
      }),
    );
}
