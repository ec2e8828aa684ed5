import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, type DrawSnapshot, DrawError, SeedStream, runDraw, sha256Hex, verifyDraw } from './draw.js';

const seedOf = (i: number) => sha256Hex(`chi-square seed ${i}`);

function snapshot(over: Partial<DrawSnapshot> = {}): DrawSnapshot {
  return {
    algorithm: DRAW_ALGORITHM,
    planId: 1,
    items: ['SC-01', 'SC-02'],
    enterpriseIds: Array.from({ length: 20 }, (_, i) => 101 + i),
    grades: 'B'.repeat(20),
    recognised: [],
    quotas: [{ grade: 'B', count: 5 }],
    officers: Array.from({ length: 6 }, (_, i) => ({ id: 1 + i, unitId: i < 3 ? 10 : 20 })),
    officersPerVisit: 2,
    recusals: [],
    lastInspectors: [],
    ...over,
  };
}

describe('the verifiable draw (bizenv-draw-v1)', () => {
  it('uses HMAC-SHA256 as published: the first number of a stream is the first 4 bytes of HMAC(seed, "label:0")', async () => {
    const { createHmac } = await import('node:crypto');
    const seed = seedOf(0);
    const expected = createHmac('sha256', Buffer.from(seed, 'hex')).update('sample:B:0').digest().readUInt32BE(0);
    expect(new SeedStream(seed, 'sample:B').next32()).toBe(expected);
    // SHA-256("abc") from FIPS 180-2, appendix B.1: the commitment hash is the standard one.
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same visits for the same seed and snapshot, and others for another seed', () => {
    const s = snapshot();
    expect(runDraw(seedOf(1), s)).toEqual(runDraw(seedOf(1), s));
    expect(runDraw(seedOf(1), s)).not.toEqual(runDraw(seedOf(2), s));
    const visits = runDraw(seedOf(1), s);
    expect(visits).toHaveLength(5);
    expect(new Set(visits.map((v) => v.enterpriseId)).size).toBe(5);
    for (const v of visits) expect(new Set(v.officerIds).size).toBe(2);
  });

  it('draws every enterprise equally often (chi-square over 4 000 draws)', () => {
    const counts = new Map<number, number>();
    const firstOfficer = new Map<number, number>();
    const s = snapshot();
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const visits = runDraw(seedOf(i), s);
      for (const v of visits) counts.set(v.enterpriseId, (counts.get(v.enterpriseId) ?? 0) + 1);
      firstOfficer.set(visits[0]!.officerIds[0]!, (firstOfficer.get(visits[0]!.officerIds[0]!) ?? 0) + 1);
    }
    const chi = (observed: number[], expected: number) => observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    // 5 of 20 drawn 4 000 times: 1 000 each expected. Critical value of chi-square, 19 degrees of
    // freedom, p = 0.001: 43.82 (NIST/SEMATECH e-Handbook, table 1.3.6.7.4). The seeds are fixed,
    // so the test is deterministic.
    expect(chi([...counts.values()], (draws * 5) / 20)).toBeLessThan(43.82);
    expect(counts.size).toBe(20);
    // Officers: 6 of them, 5 degrees of freedom, p = 0.001: 20.52.
    expect(chi([...firstOfficer.values()], draws / 6)).toBeLessThan(20.52);
  });

  it('keeps the avoidance rules: recused units and last time’s inspectors are never drawn for the enterprise', () => {
    // Unit 10 (officers 1-3) recused 102; officers 4 and 5 inspected 101 last time, officer 1 inspected 103.
    const s = snapshot({
      recusals: [[10, 102]],
      lastInspectors: [
        [101, [4, 5]],
        [103, [1]],
      ],
      quotas: [{ grade: 'B', count: 20 }],
    });
    for (let i = 0; i < 50; i++) {
      const visits = runDraw(seedOf(i), s);
      const of = (id: number) => visits.find((v) => v.enterpriseId === id)!.officerIds;
      expect(of(101).some((o) => o === 4 || o === 5)).toBe(false);
      expect(of(102).every((o) => o > 3)).toBe(true);
      expect(of(103)).not.toContain(1);
    }
  });

  it('refuses a draw that cannot keep the rules or whose pool is smaller than the sample', () => {
    const s = snapshot({ recusals: [[10, 101]], lastInspectors: [[101, [4, 5]]], quotas: [{ grade: 'B', count: 20 }] });
    expect(() => runDraw(seedOf(1), s)).toThrow(DrawError);
    expect(() => runDraw(seedOf(1), snapshot({ quotas: [{ grade: 'B', count: 21 }] }))).toThrow(
      expect.objectContaining({ kind: 'pool_too_small' }),
    );
  });

  it('takes ceil(ratio · pool) per grade and drops items already inspected in the window (mutual recognition)', () => {
    const s = snapshot({
      grades: 'AAAAAAAAAABBBBBBBBBB',
      quotas: [
        { grade: 'A', ratio: 0.15 },
        { grade: 'B', ratio: 0.5 },
      ],
      recognised: [[101, ['SC-01']]],
    });
    const visits = runDraw(seedOf(3), s);
    expect(visits.filter((v) => v.grade === 'A')).toHaveLength(2); // ceil(1.5)
    expect(visits.filter((v) => v.grade === 'B')).toHaveLength(5);
    for (const v of visits) expect(v.items).toEqual(v.enterpriseId === 101 ? ['SC-02'] : ['SC-01', 'SC-02']);
  });

  it('is re-run identically by the published Python recipe (an independent implementation)', () => {
    const s = snapshot({
      grades: 'AAAAABBBBBCCCCCDDDDD',
      quotas: [
        { grade: 'A', count: 1 },
        { grade: 'C', ratio: 0.4 },
        { grade: 'D', count: 5 },
      ],
      recusals: [[20, 116]],
      lastInspectors: [[117, [1, 2]]],
      recognised: [[118, ['SC-02']]],
    });
    const seed = seedOf(42);
    const text = JSON.stringify(s);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draw-'));
    const file = path.join(dir, 'snapshot.json');
    fs.writeFileSync(file, text);
    const recipe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'verify-draw.py');
    const out = execFileSync('python3', [recipe, file, seed, sha256Hex(seed), sha256Hex(text)], { encoding: 'utf8' });
    const python = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(python).toEqual(runDraw(seed, s));
    fs.rmSync(dir, { recursive: true });
  });

  it('verifies a published draw and finds a changed seed, snapshot or result', () => {
    const s = snapshot();
    const seed = seedOf(7);
    const snapshotJson = JSON.stringify(s);
    const published = { commitment: sha256Hex(seed), seed, snapshotHash: sha256Hex(snapshotJson), snapshotJson, visits: runDraw(seed, s) };
    expect(verifyDraw(published).matches).toBe(true);
    expect(verifyDraw({ ...published, seed: seedOf(8) }).checks).toEqual({ commitment: false, snapshot: true, visits: false });
    const swapped = published.visits.map((v, i) => (i === 0 ? { ...v, enterpriseId: 120 } : v));
    expect(verifyDraw({ ...published, visits: swapped }).checks.visits).toBe(false);
    expect(
      verifyDraw({ ...published, snapshotJson: snapshotJson.replace('"officersPerVisit":2', '"officersPerVisit":3') }).checks.snapshot,
    ).toBe(false);
  });
});
