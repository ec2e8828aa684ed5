import { AppError } from '../common/errors.js';
import type { ImportProblem } from '../common/schemas/worklists-import.js';

/** Prints located problems one a line: “工作表“数值” 第 3 行 D 列: message”. */
export function printProblems(problems: ImportProblem[]): void {
  for (const p of problems) {
    const where = [p.sheet && `工作表“${p.sheet}”`, p.row !== null && `第 ${p.row} 行`, p.column && `${p.column} 列`]
      .filter(Boolean)
      .join(' ');
    console.log(`  - ${where ? `${where}: ` : ''}${p.message}`);
  }
}

/** An AppError's located details as import problems (sheet, row, column, message); other errors are not. */
export function problemsOf(err: unknown): ImportProblem[] | null {
  if (!(err instanceof AppError) || !err.details?.length) return null;
  return err.details.map((d) => ({
    sheet: typeof d.sheet === 'string' ? d.sheet : null,
    row: typeof d.row === 'number' ? d.row : null,
    column: typeof d.column === 'string' ? d.column : null,
    message: d.message,
  }));
}
