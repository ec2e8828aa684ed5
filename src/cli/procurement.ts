import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../common/errors.js';
import { loadConfig } from '../config.js';
import { readUploadFile } from '../http/upload.js';
import { computeRedFlags, redFlagSettings } from '../modules/procurement/red-flags.js';
import { fileStream, formatOfFile, isSourceFormat, presentScreenedTender, screenStream } from '../modules/procurement/screen-file.js';
import { openCliContext, runCommand } from './context.js';
import { calibrate, syntheticSamples, writeModel } from '../modules/procurement/calibrate.js';
import { labelledSamples } from '../modules/procurement/procurement.service.js';
import { addProjects } from '../modules/procurement/campaigns.service.js';
import { parseProjectsFile } from '../modules/procurement/campaign-projects.import.js';
import { SYSTEM_ACTOR } from '../context.js';

interface ScreenOptions {
  format?: string;
  json?: boolean;
}

/**
 * `bizenv procurement screen FILE`: screens a file without storing anything. The JSON is written
 * as the tenders are screened (one tender at a time), so its size never sits in memory; located
 * problems follow the result (and go to stderr) with a non-zero exit.
 */
async function screenFile(file: string, opts: ScreenOptions): Promise<void> {
  const format = opts.format ?? formatOfFile(file);
  if (!isSourceFormat(format))
    throw new AppError('VALIDATION_FAILED', [
      { path: '--format', message: `格式应为 ocds、csv 或 xlsx / the format must be ocds, csv or xlsx, not "${format}"` },
    ]);
  if (format !== 'xlsx') await assertReadable(file);
  // a workbook is a zip: it goes through the upload guard (size, entries, ratio) like any upload
  const input =
    format === 'xlsx' ? Readable.from((await readUploadFile(file, { maxBytes: loadConfig().uploadMaxBytes })).data) : fileStream(file);
  const out = process.stdout;
  let first = true;
  if (opts.json) out.write('{"tenders":[');
  // OCDS: the red flags need the whole file (quartiles, fences): a first pass over the file on disk
  const redFlags = format === 'ocds' ? await computeRedFlags(fileStream(file), redFlagSettings(loadConfig().dataDir)) : undefined;
  const run = await screenStream(
    input,
    format,
    async (result) => {
      if (!opts.json) {
        if (result.suspect || result.flags.length)
          console.log(
            `${result.id}\t${result.bids} 家投标\t风险 ${result.risk}${result.suspect ? '\t疑似串通' : ''}` +
              `\t${result.flags.map((f) => f.code).join(' ')}`,
          );
        return;
      }
      const text = `${first ? '' : ','}${JSON.stringify(presentScreenedTender(result))}`;
      first = false;
      if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
    },
    { redFlags },
  );
  if (opts.json) {
    out.write(`],"pairs":${JSON.stringify(run.pairs)},"groups":${JSON.stringify(run.groups)}`);
    out.write(run.problemCount ? `,"problems":${JSON.stringify(run.problems)},"problemCount":${run.problemCount}}\n` : '}\n');
  } else {
    for (const g of run.groups)
      console.log(
        `投标人组 ${g.id}: ${g.members.join('、')}\t共同投标 ${g.tenders}\t风险 ${g.risk}\t${g.flags.map((f) => f.code).join(' ')}`,
      );
    console.log(`已筛查 ${run.tenders} 个标段、${run.bids} 条投标 / screened ${run.tenders} tenders, ${run.bids} bids`);
  }
  if (run.problemCount) {
    for (const p of run.problems) console.error(`第 ${p.line} 行${p.column ? ` ${p.column}` : ''}: ${p.message}`);
    console.error(`共 ${run.problemCount} 个问题 / ${run.problemCount} problem(s)`);
    process.exitCode = 1;
  }
}

async function assertReadable(file: string): Promise<void> {
  const { access } = await import('node:fs/promises');
  try {
    await access(file);
  } catch {
    throw new AppError('VALIDATION_FAILED', [{ path: file, message: `找不到文件 ${file} / cannot read ${file}` }]);
  }
}

/** Cross-validates the model on the synthetic set plus the tenders closed cases labelled; --write replaces risk-model.json. */
async function calibrateModel(opts: { write?: boolean }): Promise<void> {
  const ctx = await openCliContext();
  try {
    const labelled = await labelledSamples(ctx);
    const samples = [...syntheticSamples(6000), ...labelled];
    const model = calibrate(samples, opts.write ? 'written' : 'checked');
    console.log(
      `案件标注标段 ${labelled.length} 个（处罚 ${labelled.filter((s) => s.label).length}） / ${labelled.length} tenders labelled by cases`,
    );
    console.log(JSON.stringify(model.validation));
    if (opts.write) {
      await writeModel(labelled);
      console.log('已更新风险模型 / risk-model.json written');
    }
  } finally {
    await ctx.database.destroy();
  }
}

/**
 * Adds a campaign's checked projects from a CSV or .xlsx (`code,name,agency,amount[,checked][,checkedOn]`
 * or the Chinese headers, amount in yuan): read as the web upload reads it, problems listed by line,
 * and the projects go in as one transaction or not at all.
 */
async function importCampaignProjects(file: string, opts: { campaign: string; dryRun?: boolean }): Promise<void> {
  const upload = await readUploadFile(file, { maxBytes: loadConfig().uploadMaxBytes });
  const { rows, problems } = await parseProjectsFile(upload.data, upload.filename);
  if (problems.length)
    throw new AppError(
      'CAMPAIGN_PROJECTS_FILE_PROBLEMS',
      problems.map((p) => ({ path: `${file}:${p.line}${p.column ? `:${p.column}` : ''}`, message: p.message })),
    );
  const projects = rows.map((r) => ({
    code: r.code,
    name: r.name,
    agency: r.agency,
    amount: r.amount,
    checked: r.checked,
    checkedOn: r.checkedOn,
  }));
  if (opts.dryRun) {
    console.log(`检查通过：${projects.length} 个项目 / ${projects.length} projects, no problems (dry run)`);
    return;
  }
  const ctx = await openCliContext();
  try {
    const view = await addProjects(ctx, SYSTEM_ACTOR, Number(opts.campaign), { projects }, file);
    console.log(
      `已加入 ${projects.length} 个项目；该专项整治共检查 ${view.checked} 个，金额 ${view.amount.toFixed(2)} 元 / ${projects.length} projects added`,
    );
  } finally {
    await ctx.database.destroy();
  }
}

export function registerProcurementCommands(program: Command): void {
  const procurement = program.command('procurement').description('串通投标预警 / bid-collusion early warning');
  procurement
    .command('screen <file>')
    .description('筛查投标文件（不保存）：报价筛查指标、第四十条/第三十九条信号、投标人组 / screen a bids file without storing it')
    .option('--format <format>', 'ocds | csv | xlsx (default: from the file extension)')
    .option('--json', 'print one JSON object {"tenders": [...], "pairs": [...], "groups": [...]}')
    .action((file: string, opts: ScreenOptions) => runCommand(() => screenFile(file, opts)));
  procurement
    .command('campaign-projects <file>')
    .description(
      '从 CSV 或 Excel 导入专项整治的检查项目（项目编号、项目名称、招标代理机构、金额，可选已检查、检查日期；全部成功或全部不导入） / add a campaign’s projects from CSV or .xlsx, all or nothing',
    )
    .requiredOption('--campaign <id>', 'the campaign id')
    .option('--dry-run', 'check the file only')
    .action((file: string, opts: { campaign: string; dryRun?: boolean }) => runCommand(() => importCampaignProjects(file, opts)));
  procurement
    .command('calibrate')
    .description(
      '用合成样本与已结案线索的标注重新校准风险模型并交叉验证 / re-fit the risk model with the labels of closed cases, cross-validated',
    )
    .option('--write', 'replace src/modules/procurement/risk-model.json with the new fit')
    .action((opts: { write?: boolean }) => runCommand(() => calibrateModel(opts)));
}
