import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';
import { nestingMessage, ruleNestingProblem } from '../../../common/rule-nesting.js';
import type { Cond, RuleProblem } from './ast.js';

/*
 * Why a text language rather than JSON with a visual editor: policy staff copy conditions out of
 * policy documents ("近三年营业收入年均增长 10% 以上"), and a line such as
 *   industry under "C" and growth(revenue) >= 10% and registeredOn within 3 years
 * reads like the document, diffs cleanly in the audit log and carries exact positions for errors.
 * The grammar is a Peggy PEG (grammar.peggy): a maintained parser generator whose nodes carry
 * source locations, so every error points at a line and column.
 */
const GRAMMAR = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'grammar.peggy'), 'utf8');
const parser = peggy.generate(GRAMMAR, { cache: true });

function tooDeep(line: number, column: number, start: number, message: string): RuleProblem {
  return { kind: 'too_deep', message, line, column, start, end: start + 1 };
}

export type ParseResult = { ok: true; ast: Cond } | { ok: false; problem: RuleProblem };

export function parseRule(text: string): ParseResult {
  if (!text.replace(/#[^\n]*/g, '').trim()) {
    return { ok: false, problem: { kind: 'empty', message: '规则为空 / the rule is empty', line: 1, column: 1, start: 0, end: 0 } };
  }
  const deep = ruleNestingProblem(text);
  if (deep) return { ok: false, problem: tooDeep(deep.line, deep.column, deep.offset, nestingMessage(deep)) };
  try {
    return { ok: true, ast: parser.parse(text) as Cond };
  } catch (err) {
    // The scan above bounds the nesting; this is the last line should the grammar ever recurse elsewhere.
    if (err instanceof RangeError) return { ok: false, problem: tooDeep(1, 1, 0, '规则嵌套过深 / the rule is nested too deeply') };
    const e = err as {
      location?: { start: { offset: number; line: number; column: number }; end: { offset: number } };
      message: string;
      found?: string | null;
    };
    if (!e.location) throw err;
    const found = e.found === null || e.found === undefined ? '规则结尾 / end of rule' : `“${e.found}”`;
    return {
      ok: false,
      problem: {
        kind: 'syntax',
        message: `语法错误：此处不应出现 ${found} / syntax error: ${e.message}`,
        line: e.location.start.line,
        column: e.location.start.column,
        start: e.location.start.offset,
        end: Math.max(e.location.end.offset, e.location.start.offset + 1),
      },
    };
  }
}
