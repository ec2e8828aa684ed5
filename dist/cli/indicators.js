import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { AppError } from "../common/errors.js";
import { SYSTEM_ACTOR } from "../context.js";
import { importIndicatorValues } from "../modules/indicators/indicators.service.js";
import { loadMethod } from "../modules/indicators/method.js";
import { forecast, importPeerValues } from "../modules/indicators/scores.service.js";
import { scoreExportCsv } from "../modules/indicators/worldbank-file.js";
import { openCliContext, runCommand } from "./context.js";
import { printProblems, problemsOf } from "./import-output.js";
function readFile(file) {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new AppError("VALIDATION_FAILED", [{ path: file, message: `\u65E0\u6CD5\u8BFB\u53D6\u6587\u4EF6 / cannot read the file: ${err.message}` }]);
  }
}
async function importValuesFile(file, opts) {
  const ctx = await openCliContext();
  try {
    let rows = [];
    let problems = [];
    let result = null;
    try {
      const upload = { filename: path.basename(file), data: readFile(file) };
      rows = (await importIndicatorValues(ctx, SYSTEM_ACTOR, upload, { dryRun: true })).preview ?? [];
      if (!opts.dryRun) result = await importIndicatorValues(ctx, SYSTEM_ACTOR, upload);
    } catch (err) {
      const located = problemsOf(err);
      if (!located) throw err;
      problems = located;
    }
    if (opts.json) console.log(JSON.stringify({ rows, problems, ...result ? { result } : {} }));
    else {
      for (const r of rows) {
        const action = r.action === "update" ? `\u66F4\u65B0\uFF0C\u539F\u503C ${r.previous} / update, was ${r.previous}` : "\u65B0\u589E / create";
        console.log(`\u7B2C ${r.row} \u884C	${r.code} ${r.indicatorName}	${r.unitName}	${r.period}	${r.value}${r.unitOfMeasure ? ` ${r.unitOfMeasure}` : ""}	(${action})`);
      }
      console.log(`\u8BFB\u53D6 ${rows.length} \u884C\uFF0C\u53D1\u73B0 ${problems.length} \u4E2A\u95EE\u9898 / ${rows.length} rows, ${problems.length} problems`);
      printProblems(problems);
      if (result) console.log(`\u5DF2\u5BFC\u5165 ${result.rows} \u884C\uFF1A\u65B0\u589E ${result.created}\uFF0C\u66F4\u65B0 ${result.updated} / imported ${result.rows} rows: ${result.created} created, ${result.updated} updated`);
      else if (problems.length) console.log("\u672A\u5BFC\u5165\uFF1A\u8BF7\u4FEE\u6B63\u95EE\u9898 / nothing imported");
      else console.log("\u8BD5\u8FD0\u884C\uFF0C\u672A\u5199\u5165 / dry run, nothing written");
    }
    if (problems.length) process.exitCode = 1;
  } finally {
    await ctx.database.destroy();
  }
}
function registerIndicatorCommands(program) {
  const indicators = program.command("indicators").description("\u6307\u6807\u4E0E\u8BC4\u5206 / indicators and scoring");
  indicators.command("score").description("\u6309\u8BC4\u4EF7\u65B9\u6CD5\u4E3A\u5BFC\u51FA\u683C\u5F0F\u7684 CSV \u8BA1\u5206 / score a CSV laid out like the publisher export (e.g. the World Bank DB2019 starting-a-business file)").requiredOption("--method <id>", "method id (a file in src/modules/indicators/methods/), e.g. doing-business").requiredOption("--values <file>", "CSV file with component values (or topic scores)").option("--json", 'print {"results": [...]} as JSON').option("--values-only", "ignore published component scores in the file (by default they are used where the printed value is rounded)").action(
    (opts) => runCommand(async () => {
      const method = loadMethod(opts.method);
      const text = readFile(opts.values).toString("utf8");
      const out = scoreExportCsv(method, text, path.basename(opts.values), { valuesOnly: opts.valuesOnly });
      if (opts.json) {
        console.log(JSON.stringify(out));
        return;
      }
      for (const r of out.results) {
        const published = r.published === void 0 ? "" : `  (published ${r.published.toFixed(5)})`;
        console.log(`${r.economy}	${r.topic}	${r.score.toFixed(5)}${published}${r.warnings ? `  \u26A0 ${r.warnings.join("; ")}` : ""}`);
      }
    })
  );
  indicators.command("import-values <file>").description("\u4ECE Excel \u5BFC\u5165\u6307\u6807\u6570\u503C\uFF08\u5217\uFF1A\u6307\u6807\u7F16\u7801\u3001\u5355\u4F4D\u3001\u671F\u95F4\u3001\u6570\u503C\u3001\u6765\u6E90\u3001\u4F50\u8BC1\u8BF4\u660E\uFF1B\u5168\u90E8\u6210\u529F\u6216\u5168\u90E8\u4E0D\u5BFC\u5165\uFF09 / import KPI values from .xlsx, all or nothing").option("--dry-run", "check and show the preview only; nothing is written").option("--json", "print the preview as one JSON object on stdout").action((file, opts) => runCommand(() => importValuesFile(file, opts)));
  indicators.command("import-peers <file>").description("\u5BFC\u5165\u76DF\u5E02\u6570\u503C\u6216\u4E3B\u9898\u5F97\u5206\uFF08CSV \u5217\uFF1Apeer,topic,component,value\uFF1Bcomponent \u4E3A\u7A7A\u8868\u793A\u4E3B\u9898\u5F97\u5206\uFF09 / import peer league/city values or topic scores from CSV").requiredOption("--method <id>", "method id, e.g. regional-demo").requiredOption("--period <period>", "e.g. 2024").requiredOption("--source <text>", "where the figures come from").option("--synthetic", "the figures are invented (demo); the forecast says so").action(
    (file, opts) => runCommand(async () => {
      let records;
      try {
        records = parse(readFile(file).toString("utf8").replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, trim: true });
      } catch (err) {
        throw new AppError("VALIDATION_FAILED", [{ path: file, message: `CSV \u683C\u5F0F\u9519\u8BEF / malformed CSV: ${err.message}` }]);
      }
      const bad = records.flatMap((r, i) => r.value !== void 0 && r.value !== "" && Number.isFinite(Number(r.value)) ? [] : [{ path: `${path.basename(file)}:row ${i + 2}, column value`, message: `\u4E0D\u662F\u6570\u5B57 / not a number: "${r.value ?? ""}"` }]);
      if (bad.length) throw new AppError("INDICATOR_BAD_VALUE", bad);
      const rows = records.map((r) => ({ peer: r.peer, topic: r.topic, ...r.component ? { component: r.component } : {}, value: Number(r.value) }));
      const ctx = await openCliContext();
      try {
        const r = await importPeerValues(ctx, SYSTEM_ACTOR, { method: opts.method, period: opts.period, source: opts.source, synthetic: Boolean(opts.synthetic), rows });
        console.log(`imported ${r.rows} rows for ${r.peers} leagues/cities (${r.replaced} earlier rows replaced)`);
      } finally {
        await ctx.database.destroy();
      }
    })
  );
  indicators.command("forecast").description("\u76DF\u5E02\u6392\u540D\u9884\u6D4B\u4E0E\u201C\u4FDD\u4E8C\u4E89\u4E00\u201D\u5DEE\u8DDD\u5206\u6790 / rank forecast and gap analysis").option("--method <id>", "method id", "regional-demo").requiredOption("--period <period>", "e.g. 2024").option("--json", "print the whole forecast as JSON").action(
    (opts) => runCommand(async () => {
      const ctx = await openCliContext();
      try {
        const f = await forecast(ctx, { method: opts.method, period: opts.period });
        if (opts.json) return console.log(JSON.stringify(f));
        if (f.synthetic) console.log("\u6CE8\u610F\uFF1A\u542B\u6F14\u793A\u7528\u865A\u6784\u6570\u636E / contains synthetic demo data");
        for (const p of f.peers) console.log(`${String(p.rank).padStart(2)}  ${p.name}	${p.score.toFixed(2)}${p.code === f.focus.code ? "  \u25C0" : ""}`);
        for (const plan of f.plans) {
          const how = plan.improvements.map((i) => `${i.component} ${Number(i.from.toFixed(3))} \u2192 ${Number(i.to.toFixed(3))}`).join("; ");
          console.log(`rank ${plan.rank}: ${plan.alreadyThere ? "already there" : plan.reachable ? `+${plan.neededGain.toFixed(3)} via ${how} (${plan.algorithm})` : "out of reach"}`);
        }
      } finally {
        await ctx.database.destroy();
      }
    })
  );
}
export {
  registerIndicatorCommands
};
//# sourceMappingURL=indicators.js.map
