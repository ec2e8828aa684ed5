import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../common/errors.js';
import { loadMethod } from '../modules/indicators/method.js';
import { scoreExportCsv } from '../modules/indicators/worldbank-file.js';
import { runCommand } from './context.js';

export function registerIndicatorCommands(program: Command): void {
  const indicators = program.command('indicators').description('指标与评分 / indicators and scoring');

  indicators
    .command('score')
    .description('按评价方法为导出格式的 CSV 计分 / score a CSV laid out like the publisher export (e.g. the World Bank DB2019 starting-a-business file)')
    .requiredOption('--method <id>', 'method id (a file in src/modules/indicators/methods/), e.g. doing-business')
    .requiredOption('--values <file>', 'CSV file with component values (or topic scores)')
    .option('--json', 'print {"results": [...]} as JSON')
    .option('--values-only', 'ignore published component scores in the file (by default they are used where the printed value is rounded)')
    .action((opts: { method: string; values: string; json?: boolean; valuesOnly?: boolean }) =>
      runCommand(async () => {
        const method = loadMethod(opts.method);
        let text: string;
        try {
          text = fs.readFileSync(opts.values, 'utf8');
        } catch (err) {
          throw new AppError('VALIDATION_FAILED', [{ path: opts.values, message: `无法读取文件 / cannot read the file: ${(err as Error).message}` }]);
        }
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
}
