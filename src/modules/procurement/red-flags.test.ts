import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/shared-data.js';
import { parseSettings } from './ocds/index.js';
import { computeRedFlags } from './red-flags.js';
import { fileStream, presentScreenedTender, screenStream } from './screen-file.js';

/**
 * The OCDS red flags as the module shows them: cardinal-rs's fixture R028 (identical bid prices),
 * whose expected output (R028.expected, upstream's) is
 * {"OCID":{"F":{"R028":1.0}},"Tenderer":{"D":{"R028":1.0},"V":{"R028":1.0}}}.
 */
const FIXTURE = path.join(SHARED_DATA, 'procurement/cardinal-rs/tests-fixtures-indicators/R028.jsonl');
// the settings upstream's test harness gives this fixture (tests/test.rs)
const settings = parseSettings(
  'no_price_comparison_procurement_methods = NPC\n\n[exclusions]\nprocurement_method_details = EXC\n\n[R028]\n',
);

describe('OCDS red flags in the screening', () => {
  it('keeps the names the releases give their buyer, procuring entity and parties', async () => {
    const release = {
      ocid: 'ocds-demo-1',
      buyer: { id: 'B-1', name: '（演示）示例采购人' },
      tender: { id: 'T', procuringEntity: { id: 'PE-1', name: '（演示）示例代理机构' } },
      parties: [{ id: 'S-1', name: '（演示）示例供应商' }, { id: 'S-2' }],
    };
    const flags = await computeRedFlags(Readable.from([JSON.stringify(release) + '\n']), settings);
    expect(Object.fromEntries(flags.names)).toEqual({
      'B-1': '（演示）示例采购人',
      'PE-1': '（演示）示例代理机构',
      'S-1': '（演示）示例供应商',
    });
  });

  it('computes the fixture flags by process and by party, each with its why', async () => {
    const flags = await computeRedFlags(fileStream(FIXTURE), settings);
    expect([...flags.byOcid.keys()]).toEqual(['F']);
    expect(flags.byOcid.get('F')!.map((f) => [f.code, f.inputs.value])).toEqual([['R028', 1]]);
    expect([...flags.byParty.keys()].sort()).toEqual(['D', 'V']);
    for (const id of ['D', 'V'])
      expect(flags.byParty.get(id)!.map((f) => [f.code, f.inputs.group, f.inputs.value])).toEqual([['R028', 'Tenderer', 1]]);
    const why = flags.byOcid.get('F')![0]!;
    expect(why.why).toMatch(/[\u4e00-\u9fff]/);
    expect(why.whyEn).toMatch(/identical|same/i);
    expect(flags.count).toBe(3);
  });

  it('adds the process flags to its tender only, in the shape the CLI prints', async () => {
    const redFlags = await computeRedFlags(fileStream(FIXTURE), settings);
    const printed: ReturnType<typeof presentScreenedTender>[] = [];
    await screenStream(fileStream(FIXTURE), 'ocds', (r) => void printed.push(presentScreenedTender(r)), { redFlags });
    const f = printed.find((t) => t.id === 'F')!;
    expect(f.flags.filter((x) => x.code.startsWith('R0')).map((x) => x.code)).toEqual(['R028']);
    expect(Object.keys(f).sort()).toEqual(['bids', 'flags', 'id', 'risk', 'screens', 'suspect']);
    const others = printed.filter((t) => t.id !== 'F');
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(t.flags.filter((x) => /^R0\d\d$/.test(x.code))).toEqual([]);
  });

  it('gives no flags for a malformed file (the screening reports it, located)', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'red-flags-'));
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, '{"ocid":"A"}\n{not json\n');
    const flags = await computeRedFlags(fileStream(file), settings);
    expect(flags.count).toBe(0);
    const run = await screenStream(fileStream(file), 'ocds', () => undefined, { redFlags: flags });
    expect(run.problems[0]!.line).toBe(2);
  });
});
