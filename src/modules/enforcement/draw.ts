import { createHash, createHmac } from 'node:crypto';

/**
 * The verifiable "双随机" draw (国务院关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见,
 * 国发〔2019〕5号: random inspection objects, random inspectors, results public).
 *
 * Algorithm `bizenv-draw-v1`, published with every plan so anyone can re-run it:
 * 1. Before the draw the office fixes the pool snapshot (`snapshot`, below) and publishes
 *    `snapshotHash = SHA-256(snapshot JSON text)` and `commitment = SHA-256(seed)`, where the seed
 *    is 64 hex characters (32 random bytes) and SHA-256 is taken of those 64 ASCII characters.
 * 2. After the draw it publishes the seed. The random stream for a label L is the sequence of
 *    HMAC-SHA256(key = the 32 seed bytes, message = "L:0", "L:1", …), each 32-byte block read as
 *    eight big-endian unsigned 32-bit numbers. `uniform(n)` takes the next number x and keeps it
 *    when x < floor(2^32 / n) · n (rejection, so no index is favoured), returning x mod n.
 * 3. Objects: for each grade in the order A, B, C, D, the snapshot's enterprises of that grade in
 *    ascending id order are partially Fisher–Yates shuffled with the stream "sample:<grade>":
 *    for i = 0 … k−1 swap position i with i + uniform(size − i). The first k are drawn, where
 *    k = the quota's count, or ceil(ratio · size).
 * 4. Officers: with the stream "officers", visit by visit in drawn order, `officersPerVisit`
 *    officers are chosen: up to 64 tries of officers[uniform(m)], keeping an officer who is
 *    eligible (his unit has not recused the enterprise, he did not inspect it last time) and not
 *    yet chosen; if the tries run out, the rest are taken one by one as uniform picks from the
 *    list (in snapshot order) of the eligible officers not yet chosen.
 * Every visit carries the plan's items minus those the enterprise was already inspected for in
 * the plan's window (mutual recognition, recorded in the snapshot).
 */
export const DRAW_ALGORITHM = 'bizenv-draw-v1';
export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export interface Quota {
  grade: CreditGrade;
  ratio?: number | undefined;
  count?: number | undefined;
}

/** Everything the draw depends on, fixed and hashed before the seed is revealed. */
export interface DrawSnapshot {
  algorithm: typeof DRAW_ALGORITHM;
  planId: number;
  items: string[];
  /** enterprise ids in ascending order and, one letter each, their credit grades */
  enterpriseIds: number[];
  grades: string;
  /** [enterpriseId, item codes it is not inspected for again (mutual recognition)] */
  recognised: [number, string[]][];
  quotas: Quota[];
  /** certified officers of the plan's pool on the snapshot day, ascending id */
  officers: { id: number; unitId: number }[];
  officersPerVisit: number;
  /** [unitId, enterpriseId]: the unit's officers never inspect the enterprise */
  recusals: [number, number][];
  /** [enterpriseId, officer ids who inspected it last time] */
  lastInspectors: [number, number[]][];
}

export interface DrawnVisit {
  enterpriseId: number;
  grade: CreditGrade;
  items: string[];
  officerIds: number[];
}

export class DrawError extends Error {
  constructor(
    readonly kind: 'pool_too_small' | 'not_enough_officers',
    readonly info: Record<string, unknown>,
  ) {
    super(kind);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The seeded random stream of one label (see step 2 above). */
export class SeedStream {
  private readonly key: Buffer;
  private block = Buffer.alloc(0);
  private offset = 32;
  private counter = 0;

  constructor(
    seedHex: string,
    private readonly label: string,
  ) {
    this.key = Buffer.from(seedHex, 'hex');
  }

  next32(): number {
    if (this.offset >= 32) {
      this.block = createHmac('sha256', this.key).update(`${this.label}:${this.counter++}`).digest();
      this.offset = 0;
    }
    const x = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return x;
  }

  uniform(n: number): number {
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const x = this.next32();
      if (x < limit) return x % n;
    }
  }
}

export function sampleSize(q: Quota, poolSize: number): number {
  return q.count ?? Math.ceil((q.ratio ?? 0) * poolSize - 1e-9);
}

/** Runs the draw. Pure: the same seed and snapshot always give the same visits. */
export function runDraw(seedHex: string, s: DrawSnapshot): DrawnVisit[] {
  // The pools by grade, in snapshot (ascending id) order: one counting pass, then one filling pass,
  // each indexed by the grade letter's code (no lookup per enterprise).
  const sizes = new Int32Array(128);
  for (let i = 0; i < s.grades.length; i++) sizes[s.grades.charCodeAt(i) & 127]!++;
  const pools: (Int32Array | undefined)[] = [];
  for (const g of CREDIT_GRADES) pools[g.charCodeAt(0)] = new Int32Array(sizes[g.charCodeAt(0)]!);
  const filled = new Int32Array(128);
  for (let i = 0; i < s.enterpriseIds.length; i++) {
    const c = s.grades.charCodeAt(i) & 127;
    const pool = pools[c];
    if (pool) pool[filled[c]!++] = s.enterpriseIds[i]!;
  }
  const recognised = new Map(s.recognised);
  const drawn: { id: number; grade: CreditGrade }[] = [];
  for (const grade of CREDIT_GRADES) {
    const quota = s.quotas.find((q) => q.grade === grade);
    if (!quota) continue;
    const pool = pools[grade.charCodeAt(0)]!;
    const k = sampleSize(quota, pool.length);
    if (k > pool.length) throw new DrawError('pool_too_small', { grade, pool: pool.length, sample: k });
    const stream = new SeedStream(seedHex, `sample:${grade}`);
    for (let i = 0; i < k; i++) {
      const j = i + stream.uniform(pool.length - i);
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
      drawn.push({ id: pool[i]!, grade });
    }
  }

  // The avoidance rules of the drawn enterprises only (a few per cent of the pool): the recusing
  // units and last inspectors keyed by enterprise, read in one pass over each list.
  const drawnIds = new Set(drawn.map((d) => d.id));
  const recusedUnits = new Map<number, number[]>();
  for (const [unitId, enterpriseId] of s.recusals)
    if (drawnIds.has(enterpriseId)) {
      const units = recusedUnits.get(enterpriseId);
      if (units) units.push(unitId);
      else recusedUnits.set(enterpriseId, [unitId]);
    }
  const lastBy = new Map<number, number[]>();
  for (const [enterpriseId, ids] of s.lastInspectors)
    if (drawnIds.has(enterpriseId)) {
      const before = lastBy.get(enterpriseId);
      lastBy.set(enterpriseId, before ? [...before, ...ids] : ids);
    }
  const none: number[] = [];
  const officers = s.officers;
  const stream = new SeedStream(seedHex, 'officers');
  return drawn.map(({ id, grade }) => {
    const units = recusedUnits.get(id) ?? none;
    const lastIds = lastBy.get(id) ?? none;
    const eligible = (o: { id: number; unitId: number }) => !units.includes(o.unitId) && !lastIds.includes(o.id);
    const chosen: number[] = [];
    for (let tries = 0; tries < 64 && chosen.length < s.officersPerVisit && officers.length; tries++) {
      const o = officers[stream.uniform(officers.length)]!;
      if (eligible(o) && !chosen.includes(o.id)) chosen.push(o.id);
    }
    while (chosen.length < s.officersPerVisit) {
      const rest = officers.filter((o) => eligible(o) && !chosen.includes(o.id));
      if (!rest.length)
        throw new DrawError('not_enough_officers', { enterpriseId: id, eligible: chosen.length, needed: s.officersPerVisit });
      chosen.push(rest[stream.uniform(rest.length)]!.id);
    }
    const skip = recognised.get(id);
    return { enterpriseId: id, grade, items: skip ? s.items.filter((c) => !skip.includes(c)) : [...s.items], officerIds: chosen };
  });
}

export interface Verification {
  matches: boolean;
  checks: { commitment: boolean; snapshot: boolean; visits: boolean };
  visits: number;
}

/** Re-runs a published draw: the seed must match the commitment, the snapshot its hash, the visits the stored ones. */
export function verifyDraw(p: {
  commitment: string;
  seed: string;
  snapshotHash: string;
  snapshotJson: string;
  visits: DrawnVisit[];
}): Verification {
  const commitment = sha256Hex(p.seed) === p.commitment;
  const snapshot = sha256Hex(p.snapshotJson) === p.snapshotHash;
  let visits = false;
  try {
    visits = JSON.stringify(runDraw(p.seed, JSON.parse(p.snapshotJson) as DrawSnapshot)) === JSON.stringify(p.visits);
  } catch {
    visits = false;
  }
  return { matches: commitment && snapshot && visits, checks: { commitment, snapshot, visits }, visits: p.visits.length };
}
