import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTenders, type SourceFormat } from './reader.js';
import type { Tender } from './tender.js';

async function read(data: string | Buffer, format: SourceFormat) {
  const reading = readTenders(Readable.from([typeof data === 'string' ? Buffer.from(data) : data]), format);
  const tenders: Tender[] = [];
  for await (const t of reading.tenders) tenders.push(t);
  return { tenders, problems: reading.problems, count: reading.problemCount() };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('reading tenders', () => {
  it('reads a CSV with quoted fields, lots, winners and metadata', async () => {
    const csv =
      '\uFEFFtender_id,lot_id,bidder_id,bidder_name,amount,winner,machine_id\r\nT1,A,U1,"示例甲, ' +
      '公司",100,1,PC\r\nT1,A,U2,"示例""乙""",105.5,0,PC\r\nT1,B,U1,甲,7,是,\r\n';
    const { tenders, count } = await read(csv, 'csv');
    expect(count).toBe(0);
    expect(tenders.map((t) => [t.id, t.bids.length])).toEqual([
      ['T1/A', 2],
      ['T1/B', 1],
    ]);
    expect(tenders[0]!.bids[0]).toMatchObject({
      bidderId: 'U1',
      bidderName: '示例甲, 公司',
      amount: 100,
      winner: true,
      meta: { machineId: 'PC' },
    });
    expect(tenders[0]!.bids[1]).toMatchObject({ bidderName: '示例"乙"', amount: 105.5, winner: false });
    expect(tenders[1]!.bids[0]!.winner).toBe(true);
  });

  it('locates every problem by line and column', async () => {
    const csv = ['tender_id,bidder_id,amount,bid_date', 'T1,U1,abc,2026-01-01', 'T2,U1,5,2026-1-1', 'T1,U2,6,'].join('\n');
    const { problems } = await read(csv, 'csv');
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:amount', '3:bid_date', '4:tender_id']);
    expect(problems[2]!.message).toContain('不连续');
    const missing = await read('tender_id,amount\nT1,5\n', 'csv');
    expect(missing.problems).toEqual([{ line: 1, message: expect.stringContaining('bidder_id') }]);
  });

  it('reads a trading-centre workbook with Chinese headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('投标明细');
    ws.addRow(['某交易中心投标记录导出']);
    ws.addRow(['项目编号', '标段编号', '投标人名称', '统一社会信用代码', '投标报价（元）', '机器码', '保证金账户', '是否中标']);
    ws.addRow(['GC-1', '01', '示例甲公司', '91150100MA0000001X', 1_000_000, 'M-1', '6222-1', '是']);
    ws.addRow(['GC-1', '01', '示例乙公司', '91150100MA0000002X', 1_020_000, 'M-1', '6222-2', '否']);
    ws.addRow(['GC-1', '01', '示例丙公司', '', -3, 'M-3', '6222-3', '否']);
    const { tenders, problems } = await read(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(tenders).toHaveLength(1);
    expect(tenders[0]).toMatchObject({ id: 'GC-1/01', tenderId: 'GC-1', lotId: '01' });
    expect(tenders[0]!.bids.map((b) => [b.bidderId, b.amount, b.winner, b.meta?.machineId])).toEqual([
      ['91150100MA0000001X', 1_000_000, true, 'M-1'],
      ['91150100MA0000002X', 1_020_000, false, 'M-1'],
    ]);
    // row 5: no identifier and a negative amount, both reported
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['5:bidder_id', '5:amount']);
  });

  it('bizenv procurement screen --json prints the issue’s shape', () => {
    const run = spawnSync(path.join(ROOT, 'bin/bizenv'), ['procurement', 'screen', 'examples/procurement/bids.csv', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['tenders', 'pairs', 'groups']);
    const first = out.tenders[0];
    expect(Object.keys(first)).toEqual(['id', 'bids', 'screens', 'flags', 'risk', 'suspect']);
    expect(Object.keys(first.screens)).toEqual(['cv', 'spd', 'diffp', 'rd', 'kurt', 'skew', 'ks']);
    expect(first.flags[0]).toMatchObject({ code: expect.any(String), why: expect.any(String) });
    // the one-bid tender: every screen null, not an error
    const single = out.tenders.find((t: { id: string }) => t.id === 'ZB-2026-005');
    expect(Object.values(single.screens)).toEqual([null, null, null, null, null, null, null]);
    expect(out.groups[0].members).toHaveLength(3);
  }, 60_000);
});
