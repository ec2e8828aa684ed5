import fs from "node:fs";
import path from "node:path";
import { closePdfBrowser } from "../modules/reports/pdf.js";
import { bulletinDocument } from "../modules/supervision/bulletin.document.js";
import { previewBulletin } from "../modules/supervision/bulletin.service.js";
import { openCliContext, runCommand } from "./context.js";
function registerSupervisionCommands(program) {
  program.command("bulletin").description("\u6309\u5F53\u524D\u6570\u636E\u751F\u6210\u67D0\u6708\u901A\u62A5\u8349\u7A3F / write the draft bulletin of a month from the current data").requiredOption("--month <YYYY-MM>", "the month, e.g. 2026-03").requiredOption("--out <file.docx>", "the Word document to write").option("--pdf <file.pdf>", "also write a PDF").action(
    (opts) => runCommand(async () => {
      const ctx = await openCliContext();
      try {
        const bulletin = await previewBulletin(ctx, opts.month);
        const docx = await bulletinDocument(bulletin, "docx", ctx.config);
        fs.writeFileSync(path.resolve(opts.out), docx);
        console.log(`written: ${path.resolve(opts.out)} (${docx.length} bytes)`);
        if (opts.pdf) {
          const pdf = await bulletinDocument(bulletin, "pdf", ctx.config);
          fs.writeFileSync(path.resolve(opts.pdf), pdf);
          console.log(`written: ${path.resolve(opts.pdf)} (${pdf.length} bytes)`);
        }
      } finally {
        await closePdfBrowser();
        await ctx.database.destroy();
      }
    })
  );
}
export {
  registerSupervisionCommands
};
//# sourceMappingURL=supervision.js.map
