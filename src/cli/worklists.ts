import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { AppError } from '../common/errors.js';
import type { ImportProblem, ImportResultView, WorklistImportPreview } from '../common/schemas/worklists-import.js';
import { ITEM_KINDS, type ItemKind } from '../common/schemas/worklists.js';
import { SYSTEM_ACTOR } from '../context.js';
import { buildWorklistWorkbook, exportWorklistItems, ledgerFacts } from '../modules/worklists/export/worklist-export.js';
import { commitBlockers, commitWorkbook, presentPreview, previewWorkbook } from '../modules/worklists/import/import.service.js';
import { listWorklists } from '../modules/worklists/worklists.service.js';
import { referenceSeed } from '../seed.js';
import { openCliContext, runCommand } from './context.js';
import { printProblems } from './import-output.js';

/** `import` and `export` are shared by several modules: each adds its subcommand to the one parent. */
function parent(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

const progress = (message: string) => process.stderr.write(`… ${message}\n`);

interface ImportOptions {
  kind: ItemKind;
  list: string;
  dryRun?: boolean;
  keepValid?: boolean;
  json?: boolean;
}

async function importWorklist(file: string, opts: ImportOptions): Promise<void> {
  const ctx = await openCliContext();
  try {
    let preview: WorklistImportPreview;
    let blockers: ImportProblem[];
    let result: ImportResultView | null = null;
    let error: { code: string; message: string } | null = null;
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (size < 0) {
      blockers = [{ sheet: null, row: null, column: null, message: `找不到文件 ${file} / file not found` }];
      preview = { rows: [], problems: blockers, warnings: [], mapping: [] };
    } else if (size > ctx.config.uploadMaxBytes) {
      // Refused by its size alone: the file is not even read.
      const message =
        `文件 ${(size / 1048576).toFixed(1)} MB 超过上限 ${ctx.config.uploadMaxBytes / 1048576} ` +
        `MB / the file exceeds the upload limit`;
      blockers = [{ sheet: null, row: null, column: null, message }];
      preview = { rows: [], problems: blockers, warnings: [], mapping: [] };
    } else {
      for (const step of referenceSeed) await step.run(ctx, () => {}); // the units the names resolve to
      const parsed = await previewWorkbook(ctx, fs.readFileSync(file), opts.kind, progress);
      preview = presentPreview(parsed);
      blockers = commitBlockers(parsed, Boolean(opts.keepValid));
      if (!blockers.length && !opts.dryRun) {
        progress(`committing to list “${opts.list}”`);
        try {
          result = await commitWorkbook(ctx, SYSTEM_ACTOR, parsed, {
            kind: opts.kind,
            list: opts.list,
            keepValid: Boolean(opts.keepValid),
            fileName: path.basename(file),
          });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const body = err.toBody('zh');
          error = {
            code: body.code,
            message: [body.message, ...(body.details ?? []).map((d) => `${d.path ?? ''} ${d.message}`)].join('\n'),
          };
        }
      }
    }
    if (opts.json) console.log(JSON.stringify({ ...preview, ...(result ? { result } : {}), ...(error ? { error } : {}) }));
    else {
      for (const m of preview.mapping) {
        const cols = m.columns.map((c) => `${c.column} ${c.header}→${c.field ?? '（忽略）'}`).join('，');
        console.log(`工作表“${m.sheet}”：${m.skipped ?? `表头在第 ${m.headerRow} 行；${cols}`}`);
      }
      console.log(
        `读取 ${preview.rows.length} 行，发现 ${preview.problems.length} 个问题 / ${preview.rows.length} rows, ${preview.problems.length} problems`,
      );
      printProblems(preview.problems);
      if (preview.warnings.length)
        console.log(`提示 ${preview.warnings.length} 条（不影响导入） / ${preview.warnings.length} warnings (import goes ahead)`);
      printProblems(preview.warnings);
      if (result)
        console.log(`已导入清单“${result.list}”：新增 ${result.created}，更新 ${result.updated}，跳过 ${result.skipped} / imported`);
      else if (error) console.error(`错误 / error ${error.code}: ${error.message}`);
      else if (blockers.length)
        console.log(
          opts.keepValid
            ? '无法导入（见上） / nothing imported'
            : '未导入：请修正问题，或加 --keep-valid 只导入无误的行 / nothing imported',
        );
      else console.log('试运行，未写入 / dry run, nothing written');
    }
    if (blockers.length || error) process.exitCode = 1;
  } finally {
    await ctx.database.destroy();
  }
}

async function exportWorklistFile(opts: { list: string; out: string; kind?: ItemKind }): Promise<void> {
  const ctx = await openCliContext();
  try {
    const lists = (await listWorklists(ctx, SYSTEM_ACTOR, opts.kind)).filter((l) => l.name === opts.list);
    if (!lists.length)
      throw new AppError('NOT_FOUND', [{ path: '--list', message: `没有名为“${opts.list}”的清单 / no list named “${opts.list}”` }]);
    if (lists.length > 1)
      throw new AppError('VALIDATION_FAILED', [
        { path: '--kind', message: `多个类型的清单同名，请加 --kind / several lists share this name; add --kind` },
      ]);
    progress(`reading list “${opts.list}”`);
    const items = await exportWorklistItems(ctx, SYSTEM_ACTOR, { listId: lists[0].id });
    fs.writeFileSync(opts.out, await buildWorklistWorkbook(items, { title: opts.list, ledger: await ledgerFacts(ctx, items) }));
    console.log(`已导出 ${items.length} 项到 ${path.resolve(opts.out)} / exported ${items.length} items`);
  } finally {
    await ctx.database.destroy();
  }
}

export function registerWorklistCommands(program: Command): void {
  parent(program, 'import', '导入文件 / import files')
    .command('worklist <file>')
    .description('导入 Excel 工作清单（先检查，全部成功或全部不写） / import a work list from .xlsx (checked first; all or nothing)')
    .addOption(new Option('--kind <kind>', 'list kind').choices(ITEM_KINDS as unknown as string[]).makeOptionMandatory())
    .requiredOption('--list <name>', 'list name, e.g. 实施方案4.0 (created when missing; re-import updates items by code)')
    .option('--dry-run', 'check and show the preview only')
    .option('--keep-valid', 'import the rows without problems and skip the others')
    .option('--json', 'print the preview as one JSON object on stdout')
    .action((file: string, opts: ImportOptions) => runCommand(() => importWorklist(file, opts)));

  parent(program, 'export', '导出文件 / export files')
    .command('worklist')
    .description('导出清单为 Excel（可再次导入） / export a list as .xlsx (re-importable)')
    .requiredOption('--list <name>', 'list name')
    .requiredOption('--out <file>', 'output .xlsx file')
    .addOption(
      new Option('--kind <kind>', 'list kind, when lists of several kinds share the name').choices(ITEM_KINDS as unknown as string[]),
    )
    .action((opts: { list: string; out: string; kind?: ItemKind }) => runCommand(() => exportWorklistFile(opts)));
}
