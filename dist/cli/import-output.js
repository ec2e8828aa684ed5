import { AppError } from "../common/errors.js";
function printProblems(problems) {
  for (const p of problems) {
    const where = [p.sheet && `\u5DE5\u4F5C\u8868\u201C${p.sheet}\u201D`, p.row !== null && `\u7B2C ${p.row} \u884C`, p.column && `${p.column} \u5217`].filter(Boolean).join(" ");
    console.log(`  - ${where ? `${where}: ` : ""}${p.message}`);
  }
}
function problemsOf(err) {
  if (!(err instanceof AppError) || !err.details?.length) return null;
  return err.details.map((d) => ({
    sheet: typeof d.sheet === "string" ? d.sheet : null,
    row: typeof d.row === "number" ? d.row : null,
    column: typeof d.column === "string" ? d.column : null,
    message: d.message
  }));
}
export {
  printProblems,
  problemsOf
};
//# sourceMappingURL=import-output.js.map
