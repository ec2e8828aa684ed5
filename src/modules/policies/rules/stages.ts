/*
 * Bulk matching as a short pipeline of filters over a block of row indexes (a selection vector,
 * as column stores evaluate a WHERE clause): the first condition of a rule keeps the rows of the
 * block that meet it, each next condition keeps those of the survivors that meet it too.
 *
 * Why not one generated loop per rule: V8 optimises each generated function on its own, and for
 * 200 rules over a million rows that optimisation cost as much CPU as the matching itself (about
 * 6 ms per rule on the loaded 2-core machine; 402 TurboFan compilations measured in one run). The
 * filters below are a handful of ordinary functions, optimised once per thread and shared by every
 * rule; only a condition none of them covers (an OR, a comparison of two computed values) is a
 * generated predicate (`PredStage`), called for the rows still in the running.
 */

/** Keeps, of the rows sel[0..n), those meeting the condition, in order at sel[0..m); returns m. */
export interface Stage {
  run(sel: Int32Array, n: number): number;
  /** The same over every row of [start, end) (the first filter of a block). */
  dense(start: number, end: number, sel: Int32Array): number;
}

/** lo ≤ column ≤ hi (a missing value, NaN, never passes). */
export class RangeStage implements Stage {
  constructor(
    private readonly col: Float64Array,
    private readonly lo: number,
    private readonly hi: number,
  ) {}

  run(sel: Int32Array, n: number): number {
    const { col, lo, hi } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      const v = col[i]!;
      if (v >= lo && v <= hi) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { col, lo, hi } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      const v = col[i]!;
      if (v >= lo && v <= hi) sel[m++] = i;
    }
    return m;
  }
}

/** lo ≤ a / b − offset ≤ hi: a ratio of two columns (offset 0), or a growth rate (offset 1). */
export class RatioStage implements Stage {
  constructor(
    private readonly a: Float64Array,
    private readonly b: Float64Array,
    private readonly offset: number,
    private readonly lo: number,
    private readonly hi: number,
  ) {}

  run(sel: Int32Array, n: number): number {
    const { a, b, offset, lo, hi } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      const v = a[i]! / b[i]! - offset;
      if (v >= lo && v <= hi) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { a, b, offset, lo, hi } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      const v = a[i]! / b[i]! - offset;
      if (v >= lo && v <= hi) sel[m++] = i;
    }
    return m;
  }
}

/** An enum value (a small index) in a set given as a bit mask; `want` 0 for "not in". */
export class MaskStage implements Stage {
  constructor(
    private readonly col: Uint8Array,
    private readonly mask: number,
    private readonly want: number,
  ) {}

  run(sel: Int32Array, n: number): number {
    const { col, mask, want } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      if (((mask >>> col[i]!) & 1) === want) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { col, mask, want } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      if (((mask >>> col[i]!) & 1) === want) sel[m++] = i;
    }
    return m;
  }
}

/** A dictionary index (county, industry) whose entry the 0/1 table marks; `want` 0 for "not in". */
export class TableStage implements Stage {
  constructor(
    private readonly col: Uint16Array,
    private readonly table: Uint8Array,
    private readonly want: number,
  ) {}

  run(sel: Int32Array, n: number): number {
    const { col, table, want } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      if (table[col[i]!] === want) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { col, table, want } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      if (table[col[i]!] === want) sel[m++] = i;
    }
    return m;
  }
}

/** A 0/1 column (a tag) equal to `want`. */
export class FlagStage implements Stage {
  constructor(
    private readonly col: Uint8Array,
    private readonly want: number,
  ) {}

  run(sel: Int32Array, n: number): number {
    const { col, want } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      if (col[i] === want) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { col, want } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      if (col[i] === want) sel[m++] = i;
    }
    return m;
  }
}

/** A qualification valid on day d: from ≤ d ≤ to. */
export class ValidOnStage implements Stage {
  constructor(
    private readonly from: Float64Array,
    private readonly to: Float64Array,
    private readonly day: number,
  ) {}

  run(sel: Int32Array, n: number): number {
    const { from, to, day } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      if (from[i]! <= day && day <= to[i]!) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { from, to, day } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      if (from[i]! <= day && day <= to[i]!) sel[m++] = i;
    }
    return m;
  }
}

/** A condition no row meets, or every row meets. */
export class ConstStage implements Stage {
  constructor(private readonly pass: boolean) {}

  run(_sel: Int32Array, n: number): number {
    return this.pass ? n : 0;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    if (!this.pass) return 0;
    for (let i = start; i < end; i++) sel[i - start] = i;
    return end - start;
  }
}

/** Any other condition, as a generated predicate of the row. */
export class PredStage implements Stage {
  constructor(private readonly test: (i: number) => boolean) {}

  run(sel: Int32Array, n: number): number {
    const { test } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const i = sel[j]!;
      if (test(i)) sel[m++] = i;
    }
    return m;
  }

  dense(start: number, end: number, sel: Int32Array): number {
    const { test } = this;
    let m = 0;
    for (let i = start; i < end; i++) {
      if (test(i)) sel[m++] = i;
    }
    return m;
  }
}

/** Rows per block: the selection vector and the block's column slices stay in the processor's cache. */
const BLOCK = 4096;
const scratch = new Int32Array(BLOCK);

/** The rows in [start, end) meeting every stage, written to out from out[0]; returns how many. */
export function runStages(stages: readonly Stage[], out: Int32Array, start: number, end: number): number {
  const sel = scratch;
  let k = 0;
  for (let lo = start; lo < end; lo += BLOCK) {
    const hi = Math.min(end, lo + BLOCK);
    let n = stages[0]!.dense(lo, hi, sel);
    for (let s = 1; s < stages.length && n > 0; s++) n = stages[s]!.run(sel, n);
    if (n > 0) out.set(sel.subarray(0, n), k);
    k += n;
  }
  return k;
}
