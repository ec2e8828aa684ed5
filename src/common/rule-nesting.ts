/** How deep a policy rule may nest brackets and prefix operators (`not`, `!`, `-`); real rules use a handful. */
export const MAX_RULE_NESTING = 32;

export interface NestingProblem {
  depth: number;
  line: number;
  column: number;
  offset: number;
}

/**
 * Where a rule first nests deeper than `max`, found by a flat scan before any recursive parser
 * runs (a recursive descent parser would exhaust the stack on thousands of levels). Brackets and
 * runs of prefix operators both count; text in quotes and comments does not.
 */
export function ruleNestingProblem(text: string, max = MAX_RULE_NESTING): NestingProblem | null {
  let brackets = 0;
  let prefixRun = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    const close = c === '"' ? '"' : c === '“' ? '”' : c === "'" ? "'" : null;
    if (close) {
      while (i + 1 < text.length && text[i + 1] !== close && text[i + 1] !== '\n') i++;
      i++;
      prefixRun = 0;
      continue;
    }
    if (/\s/.test(c)) continue;
    const start = i;
    if (c === '(' || c === '[') brackets++;
    else if (c === ')' || c === ']') {
      brackets = Math.max(brackets - 1, 0);
      prefixRun = 0;
    } else if (c === '-' || (c === '!' && text[i + 1] !== '=')) prefixRun++;
    else if (isNotKeyword(text, i)) {
      prefixRun++;
      i += 2;
    } else if (/[a-z0-9_\u4e00-\u9fff.%]/i.test(c)) {
      while (i + 1 < text.length && /[a-z0-9_\u4e00-\u9fff.%]/i.test(text[i + 1]!)) i++;
      prefixRun = 0;
    } else prefixRun = 0;
    if (brackets + prefixRun > max) return { depth: brackets + prefixRun, line, column: start - lineStart + 1, offset: start };
  }
  return null;
}

const WORD = /[a-z0-9_\u4e00-\u9fff]/i;

/** `not` as a whole word (the grammar's NOT), not the start of `notified`. */
function isNotKeyword(text: string, i: number): boolean {
  return /^not$/i.test(text.slice(i, i + 3)) && !WORD.test(text[i + 3] ?? ' ') && !WORD.test(text[i - 1] ?? ' ');
}

/** The bilingual message for a rule nested too deeply, with its line and column. */
export function nestingMessage(p: NestingProblem, max = MAX_RULE_NESTING): string {
  return `第 ${p.line} 行第 ${p.column} 列：括号或 not 嵌套超过 ${max} 层 / line ${p.line}, column ${p.column}: nested deeper than ${max} levels`;
}
