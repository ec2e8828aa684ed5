import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readOcdsTenders } from './ocds-source.js';
import { type Bid, type BidMeta, type Tender, tenderKey } from './tender.js';

/**
 * Reads tenders from a stream — a bids CSV, a trading-centre workbook or OCDS — one tender at a
 * time, so a file of any size is screened in bounded memory. Rows of one tender (or lot) must be
 * contiguous, as every export we have seen writes them; a tender that reappears later is a located
 * problem, not a silent merge. Problems never stop the reading: they are collected (the first
 * MAX_PROBLEMS kept, all counted) so the preview can list them all at once.
 */

export type SourceFormat = 'csv' | 'xlsx' | 'ocds';

export interface ReadProblem {
  /** Line of the CSV/OCDS file or row of the sheet. */
  line: number;
  column?: string;
  message: string;
}

export interface TenderReading {
  tenders: AsyncIterable<Tender>;
  problems: ReadProblem[];
  /** Problems found, including those beyond the kept list. */
  problemCount(): number;
  rows(): number;
}

export const MAX_PROBLEMS = 200;

/** Column names read, with the Chinese headers trading-centre exports use. */
const HEADERS: Record<string, string[]> = {
  tender_id: ['tender_id', '项目编号', '招标项目编号', '标段（包）编号所属项目', '招标编号'],
  lot_id: ['lot_id', '标段编号', '标段（包）编号', '标段号', '包号'],
  title: ['title', '项目名称', '标段名称', '标段（包）名称'],
  buyer_id: ['buyer_id', '招标人', '采购人'],
  bidder_id: ['bidder_id', '统一社会信用代码', '投标人统一社会信用代码', '投标人代码'],
  bidder_name: ['bidder_name', '投标人', '投标人名称', '供应商名称'],
  amount: ['amount', '投标报价', '投标报价（元）', '投标报价(元)', '报价'],
  bid_date: ['bid_date', '投标时间', '递交时间', '开标时间'],
  winner: ['winner', '是否中标', '中标'],
  author: ['author', '文件作者', '作者'],
  last_saved_by: ['last_saved_by', '最后保存者', '最后修改人'],
  software: ['software', '编制软件', '制作软件'],
  machine_id: ['machine_id', '机器码', '硬件特征码', '电脑硬件信息'],
  network_id: ['network_id', 'ip地址', 'mac地址', '网卡地址', '上传ip'],
  deposit_account: ['deposit_account', '保证金账户', '保证金缴纳账号', '保证金转出账户'],
  agent: ['agent', '代理人', '委托代理人', '投标代理'],
  project_manager: ['project_manager', '项目负责人', '项目经理'],
  legal_representative: ['legal_representative', '法定代表人'],
  remote_evaluation: ['remote_evaluation', '远程异地评标', '是否远程异地评标'],
};

const META_COLUMNS: Record<string, keyof BidMeta> = {
  author: 'author',
  last_saved_by: 'lastSavedBy',
  software: 'software',
  machine_id: 'machineId',
  network_id: 'networkId',
  deposit_account: 'depositAccount',
  agent: 'agent',
  project_manager: 'projectManager',
  legal_representative: 'legalRepresentative',
};

const HEADER_OF = new Map(Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [n.toLowerCase(), field] as const)));

export function readTenders(input: Readable, format: SourceFormat): TenderReading {
  const problems: ReadProblem[] = [];
  let count = 0;
  let rows = 0;
  const problem = (p: ReadProblem) => {
    count++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const source =
    format === 'ocds' ? readOcdsTenders(input, problem) : groupRows(format === 'csv' ? csvRows(input) : xlsxRows(input), problem);
  async function* counted(): AsyncIterable<Tender> {
    for await (const t of source) {
      rows += t.bids.length;
      yield t;
    }
  }
  return { tenders: counted(), problems, problemCount: () => count, rows: () => rows };
}

/** The rows of a file in batches (one per chunk read), so the per-row work stays synchronous. */
interface RowBatch {
  header?: { columns: Map<string, number>; line: number };
  rows: { line: number; cells: string[] }[];
}

function headerMap(cells: string[]): Map<string, number> {
  const map = new Map<string, number>();
  cells.forEach((cell, i) => {
    const field = HEADER_OF.get(
      cell
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    );
    if (field && !map.has(field)) map.set(field, i);
  });
  return map;
}

/** CSV (RFC 4180 quoting; comma separated; UTF-8 with or without BOM), read chunk by chunk. */
async function* csvRows(input: Readable): AsyncIterable<RowBatch> {
  input.setEncoding('utf8');
  let header: Map<string, number> | null = null;
  let line = 0;
  let rest = '';
  let pending = '';
  let pendingStart = 0;
  const batchOf = (text: string, batch: RowBatch) => {
    const lines = text.split('\n');
    for (const raw of lines) {
      line++;
      const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const full = pending ? `${pending}\n${t}` : t;
      if (!pending) pendingStart = line;
      // an odd number of quotes means a quoted field continues on the next line
      if (full.includes('"') && (full.match(/"/g)!.length & 1) === 1) {
        pending = full;
        continue;
      }
      pending = '';
      if (!full.trim()) continue;
      const cells = full.includes('"') ? splitQuoted(full) : full.split(',');
      if (!header) {
        header = headerMap(cells);
        batch.header = { columns: header, line: pendingStart };
      } else batch.rows.push({ line: pendingStart, cells });
    }
  };
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    const cut = text.lastIndexOf('\n');
    if (cut < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(cut + 1);
    const batch: RowBatch = { rows: [] };
    batchOf(text.slice(0, cut), batch);
    yield batch;
  }
  const batch: RowBatch = { rows: [] };
  if (rest || pending) batchOf(rest, batch);
  yield batch;
}

function splitQuoted(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/**
 * The first worksheet of an .xlsx, streamed row by row (ExcelJS WorkbookReader); the first row with a bidder
 * and an amount column is the header.
 */
async function* xlsxRows(input: Readable): AsyncIterable<RowBatch> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let header: Map<string, number> | null = null;
  for await (const sheet of reader) {
    let batch: RowBatch = { rows: [] };
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!header) {
        const h = headerMap(values);
        if (h.has('amount') && (h.has('bidder_id') || h.has('bidder_name'))) {
          header = h;
          batch.header = { columns: header, line: row.number };
        }
        continue;
      }
      if (values.every((v) => !v.trim())) continue;
      batch.rows.push({ line: row.number, cells: values });
      if (batch.rows.length >= 1000) {
        yield batch;
        batch = { rows: [] };
      }
    }
    yield batch;
    break; // the bids are on the first sheet
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

const REQUIRED = ['tender_id', 'bidder_id', 'amount'];

/** Column indices read once from the header; -1 when the file lacks the column. */
class Columns {
  readonly index: Record<string, number>;
  readonly meta: [number, keyof BidMeta][];
  constructor(header: Map<string, number>) {
    this.index = Object.fromEntries(Object.keys(HEADERS).map((f) => [f, header.get(f) ?? -1]));
    this.meta = Object.entries(META_COLUMNS).flatMap(([column, key]) =>
      header.has(column) ? [[header.get(column)!, key] as [number, keyof BidMeta]] : [],
    );
  }
  get(cells: string[], field: string): string {
    const i = this.index[field]!;
    return i < 0 ? '' : (cells[i] ?? '').trim();
  }
}

/** The ways exports write yes (winner, remote evaluation). */
const WINNER_YES = new Set(['1', '是', 'true', 'yes', 'y', '中标']);

async function* groupRows(batches: AsyncIterable<RowBatch>, problem: (p: ReadProblem) => void): AsyncIterable<Tender> {
  let current = null as Tender | null;
  let columns: Columns | null = null;
  const done = new Set<string>();
  for await (const batch of batches) {
    if (batch.header) {
      const missing = REQUIRED.filter((f) => !batch.header!.columns.has(f));
      if (missing.length) {
        problem({
          line: batch.header.line,
          message: `缺少必需的列：${missing.join('、')} / missing required column(s): ${missing.join(', ')}`,
        });
        return;
      }
      columns = new Columns(batch.header.columns);
    }
    if (!columns) continue;
    const ready: Tender[] = [];
    for (const { line, cells } of batch.rows) {
      const bid = readBid(line, cells, columns, problem);
      const tenderId = columns.get(cells, 'tender_id');
      if (!tenderId) {
        problem({ line, column: 'tender_id', message: '缺少招标项目编号 / the tender id is missing' });
        continue;
      }
      const lotId = columns.get(cells, 'lot_id') || undefined;
      const key = tenderKey(tenderId, lotId);
      if (current?.id !== key) {
        if (current) {
          done.add(current.id);
          ready.push(current);
        }
        if (done.has(key)) {
          problem({
            line,
            column: 'tender_id',
            message:
              `标段 ${key} 的投标记录不连续（此前已出现），请按标段排序后再导入 / the rows of ${key} ` +
              `are not together (it appeared before); sort the file by tender`,
          });
          current = null;
          continue;
        }
        const remote = columns.get(cells, 'remote_evaluation');
        current = {
          id: key,
          tenderId,
          lotId,
          title: columns.get(cells, 'title') || undefined,
          buyerId: columns.get(cells, 'buyer_id') || undefined,
          bids: [],
        };
        if (remote) current.remoteEvaluation = WINNER_YES.has(remote.toLowerCase());
      }
      if (bid) {
        current.bids.push(bid);
        if (bid.date && (!current.date || bid.date < current.date)) current.date = bid.date;
      }
    }
    yield* ready;
  }
  if (!columns)
    problem({
      line: 1,
      message:
        '文件中没有找到表头（至少需要 tender_id、bidder_id、amount 列） / no header row found (tender_id, bidder_id and amount are needed)',
    });
  if (current) yield current;
}

function readBid(line: number, cells: string[], columns: Columns, problem: (p: ReadProblem) => void): Bid | null {
  const bidderId = columns.get(cells, 'bidder_id');
  const rawAmount = columns.get(cells, 'amount');
  let ok = true;
  if (!bidderId) {
    problem({ line, column: 'bidder_id', message: '投标人缺少统一社会信用代码或编号 / the bidder has no identifier' });
    ok = false;
  }
  let amount = Number(rawAmount);
  if (Number.isNaN(amount)) amount = Number(rawAmount.replace(/[,，\s¥￥]/g, ''));
  if (!rawAmount) {
    problem({ line, column: 'amount', message: '缺少投标报价 / the bid amount is missing' });
    ok = false;
  } else if (!Number.isFinite(amount)) {
    problem({ line, column: 'amount', message: `投标报价“${rawAmount}”不是数字 / the bid amount "${rawAmount}" is not a number` });
    ok = false;
  } else if (amount <= 0) {
    problem({ line, column: 'amount', message: `投标报价 ${rawAmount} 不能为零或负数 / the bid amount ${rawAmount} must be positive` });
    ok = false;
  }
  const rawDate = columns.get(cells, 'bid_date');
  const date = /^\d{4}-\d{2}-\d{2}/.test(rawDate) ? rawDate.slice(0, 10) : undefined;
  if (rawDate && !date)
    problem({ line, column: 'bid_date', message: `投标时间“${rawDate}”应为 YYYY-MM-DD / the bid date "${rawDate}" should be YYYY-MM-DD` });
  if (!ok) return null;
  let meta: BidMeta | undefined;
  for (const [i, key] of columns.meta) {
    const v = (cells[i] ?? '').trim();
    if (v) (meta ??= {})[key] = v;
  }
  const winner = columns.get(cells, 'winner');
  return {
    bidderId,
    bidderName: columns.get(cells, 'bidder_name') || undefined,
    amount,
    date,
    winner: winner ? WINNER_YES.has(winner.toLowerCase()) : undefined,
    meta,
  };
}
