import fs from "node:fs";
import path from "node:path";
import { Option } from "commander";
import { AppError } from "../common/errors.js";
import { ITEM_KINDS } from "../common/schemas/worklists.js";
import { SYSTEM_ACTOR } from "../context.js";
import { buildWorklistWorkbook, exportWorklistItems } from "../modules/worklists/export/worklist-export.js";
import { commitBlockers, commitWorkbook, presentPreview, previewWorkbook } from "../modules/worklists/import/import.service.js";
import { listWorklists } from "../modules/worklists/worklists.service.js";
import { referenceSeed } from "../seed.js";
import { openCliContext, runCommand } from "./context.js";
import { printProblems } from "./import-output.js";
function parent(program, name, description) {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
const progress = (message) => process.stderr.write(`\u2026 ${message}
`);
async function importWorklist(file, opts) {
  const ctx = await openCliContext();
  try {
    let preview;
    let blockers;
    let result = null;
    let error = null;
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (size < 0) {
      blockers = [{ sheet: null, row: null, column: null, message: `\u627E\u4E0D\u5230\u6587\u4EF6 ${file} / file not found` }];
      preview = { rows: [], problems: blockers, mapping: [] };
    } else if (size > ctx.config.uploadMaxBytes) {
      const message = `\u6587\u4EF6 ${(size / 1048576).toFixed(1)} MB \u8D85\u8FC7\u4E0A\u9650 ${ctx.config.uploadMaxBytes / 1048576} MB / the file exceeds the upload limit`;
      blockers = [{ sheet: null, row: null, column: null, message }];
      preview = { rows: [], problems: blockers, mapping: [] };
    } else {
      for (const step of referenceSeed) await step.run(ctx, () => {
      });
      const parsed = await previewWorkbook(ctx, fs.readFileSync(file), opts.kind, progress);
      preview = presentPreview(parsed);
      blockers = commitBlockers(parsed, Boolean(opts.keepValid));
      if (!blockers.length && !opts.dryRun) {
        progress(`committing to list \u201C${opts.list}\u201D`);
        try {
          result = await commitWorkbook(ctx, SYSTEM_ACTOR, parsed, { kind: opts.kind, list: opts.list, keepValid: Boolean(opts.keepValid), fileName: path.basename(file) });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const body = err.toBody("zh");
          error = { code: body.code, message: [body.message, ...(body.details ?? []).map((d) => `${d.path ?? ""} ${d.message}`)].join("\n") };
        }
      }
    }
    if (opts.json) console.log(JSON.stringify({ ...preview, ...result ? { result } : {}, ...error ? { error } : {} }));
    else {
      for (const m of preview.mapping) {
        const cols = m.columns.map((c) => `${c.column} ${c.header}\u2192${c.field ?? "\uFF08\u5FFD\u7565\uFF09"}`).join("\uFF0C");
        console.log(`\u5DE5\u4F5C\u8868\u201C${m.sheet}\u201D\uFF1A${m.skipped ?? `\u8868\u5934\u5728\u7B2C ${m.headerRow} \u884C\uFF1B${cols}`}`);
      }
      console.log(`\u8BFB\u53D6 ${preview.rows.length} \u884C\uFF0C\u53D1\u73B0 ${preview.problems.length} \u4E2A\u95EE\u9898 / ${preview.rows.length} rows, ${preview.problems.length} problems`);
      printProblems(preview.problems);
      if (result) console.log(`\u5DF2\u5BFC\u5165\u6E05\u5355\u201C${result.list}\u201D\uFF1A\u65B0\u589E ${result.created}\uFF0C\u66F4\u65B0 ${result.updated}\uFF0C\u8DF3\u8FC7 ${result.skipped} / imported`);
      else if (error) console.error(`\u9519\u8BEF / error ${error.code}: ${error.message}`);
      else if (blockers.length) console.log(opts.keepValid ? "\u65E0\u6CD5\u5BFC\u5165\uFF08\u89C1\u4E0A\uFF09 / nothing imported" : "\u672A\u5BFC\u5165\uFF1A\u8BF7\u4FEE\u6B63\u95EE\u9898\uFF0C\u6216\u52A0 --keep-valid \u53EA\u5BFC\u5165\u65E0\u8BEF\u7684\u884C / nothing imported");
      else console.log("\u8BD5\u8FD0\u884C\uFF0C\u672A\u5199\u5165 / dry run, nothing written");
    }
    if (blockers.length || error) process.exitCode = 1;
  } finally {
    await ctx.database.destroy();
  }
}
async function exportWorklistFile(opts) {
  const ctx = await openCliContext();
  try {
    const lists = (await listWorklists(ctx, SYSTEM_ACTOR, opts.kind)).filter((l) => l.name === opts.list);
    if (!lists.length) throw new AppError("NOT_FOUND", [{ path: "--list", message: `\u6CA1\u6709\u540D\u4E3A\u201C${opts.list}\u201D\u7684\u6E05\u5355 / no list named \u201C${opts.list}\u201D` }]);
    if (lists.length > 1) throw new AppError("VALIDATION_FAILED", [{ path: "--kind", message: `\u591A\u4E2A\u7C7B\u578B\u7684\u6E05\u5355\u540C\u540D\uFF0C\u8BF7\u52A0 --kind / several lists share this name; add --kind` }]);
    progress(`reading list \u201C${opts.list}\u201D`);
    const items = await exportWorklistItems(ctx, SYSTEM_ACTOR, { listId: lists[0].id });
    fs.writeFileSync(opts.out, await buildWorklistWorkbook(items, { title: opts.list }));
    console.log(`\u5DF2\u5BFC\u51FA ${items.length} \u9879\u5230 ${path.resolve(opts.out)} / exported ${items.length} items`);
  } finally {
    await ctx.database.destroy();
  }
}
function registerWorklistCommands(program) {
  parent(program, "import", "\u5BFC\u5165\u6587\u4EF6 / import files").command("worklist <file>").description("\u5BFC\u5165 Excel \u5DE5\u4F5C\u6E05\u5355\uFF08\u5148\u68C0\u67E5\uFF0C\u5168\u90E8\u6210\u529F\u6216\u5168\u90E8\u4E0D\u5199\uFF09 / import a work list from .xlsx (checked first; all or nothing)").addOption(new Option("--kind <kind>", "list kind").choices(ITEM_KINDS).makeOptionMandatory()).requiredOption("--list <name>", "list name, e.g. \u5B9E\u65BD\u65B9\u68484.0 (created when missing; re-import updates items by code)").option("--dry-run", "check and show the preview only").option("--keep-valid", "import the rows without problems and skip the others").option("--json", "print the preview as one JSON object on stdout").action((file, opts) => runCommand(() => importWorklist(file, opts)));
  parent(program, "export", "\u5BFC\u51FA\u6587\u4EF6 / export files").command("worklist").description("\u5BFC\u51FA\u6E05\u5355\u4E3A Excel\uFF08\u53EF\u518D\u6B21\u5BFC\u5165\uFF09 / export a list as .xlsx (re-importable)").requiredOption("--list <name>", "list name").requiredOption("--out <file>", "output .xlsx file").addOption(new Option("--kind <kind>", "list kind, when lists of several kinds share the name").choices(ITEM_KINDS)).action((opts) => runCommand(() => exportWorklistFile(opts)));
}
export {
  registerWorklistCommands
};
//# sourceMappingURL=worklists.js.map
