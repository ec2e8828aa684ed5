/** Source position of a node: offsets into the rule text, 1-based line and column of its start. */
export interface Loc {
  start: number;
  end: number;
  line: number;
  column: number;
}

export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type DurationUnit = 'year' | 'month' | 'day';

export type Expr =
  | { type: 'num'; value: number; loc: Loc }
  | { type: 'str'; value: string; loc: Loc }
  | { type: 'date'; value: string; loc: Loc }
  | { type: 'today'; loc: Loc }
  | { type: 'duration'; amount: number; unit: DurationUnit; loc: Loc }
  | { type: 'field'; name: string; loc: Loc }
  | { type: 'call'; name: string; args: Expr[]; loc: Loc }
  | { type: 'arith'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr; loc: Loc }
  | { type: 'neg'; expr: Expr; loc: Loc };

export type Literal = Extract<Expr, { type: 'num' | 'str' | 'date' }>;

export type Cond =
  | { type: 'and' | 'or'; items: Cond[]; loc: Loc }
  | { type: 'not'; item: Cond; loc: Loc }
  | { type: 'cmp'; op: CmpOp; left: Expr; right: Expr; loc: Loc }
  | { type: 'between'; value: Expr; low: Expr; high: Expr; loc: Loc }
  | { type: 'in'; value: Expr; list: Literal[]; negated: boolean; loc: Loc }
  | { type: 'under'; value: Expr; list: Literal[]; loc: Loc }
  | { type: 'within'; value: Expr; amount: number; unit: DurationUnit; loc: Loc }
  | { type: 'test'; expr: Expr; loc: Loc };

/** A located problem in a rule: what the editor underlines. */
export interface RuleProblem {
  kind:
    | 'syntax'
    | 'empty'
    | 'unknown_field'
    | 'unknown_function'
    | 'unknown_value'
    | 'type'
    | 'contradiction'
    | 'circular'
    | 'too_deep'
    | 'unknown_rule';
  message: string;
  line: number;
  column: number;
  start: number;
  end: number;
}
