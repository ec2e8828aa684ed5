import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { closePdfBrowser } from '../modules/reports/pdf.js';
import { bulletinDocument } from '../modules/supervision/bulletin.document.js';
import { previewBulletin } from '../modules/supervision/bulletin.service.js';
import { openCliContext, runCommand } from './context.js';

export function registerSupervisionCommands(program: Command): void {
  program
    .command('bulletin')
    .description('按当前数据生成某月通报草稿 / write the draft bulletin of a month from the current data')
    .requiredOption('--month <YYYY-MM>', 'the month, e.g. 2026-03')
    .requiredOption('--out <file.docx>', 'the Word document to write')
    .option('--pdf <file.pdf>', 'also write a PDF')
    .action((opts: { month: string; out: string; pdf?: string }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        try {
          const bulletin = await previewBulletin(ctx, opts.month);
          const docx = await bulletinDocument(bulletin, 'docx', ctx.config);
          fs.writeFileSync(path.resolve(opts.out), docx);
          console.log(`written: ${path.resolve(opts.out)} (${docx.length} bytes)`);
          if (opts.pdf) {
            const pdf = await bulletinDocument(bulletin, 'pdf', ctx.config);
            fs.writeFileSync(path.resolve(opts.pdf), pdf);
            console.log(`written: ${path.resolve(opts.pdf)} (${pdf.length} bytes)`);
          }
        } finally {
          await closePdfBrowser();
          await ctx.database.destroy();
        }
      }),
    );
}
