import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readReferenceUnits } from '../../org/seed.js';
import { normalizeUnitName } from '../../org/units.service.js';
import type { UnitDirectory, UnitRef } from './unit-cells.js';

/** Test helpers for the importer: the reference units without a database, workbooks and zips built in memory. */

export function referenceDirectory(): UnitDirectory {
  const units = readReferenceUnits().map((u, i) => ({
    id: i + 1,
    kind: u.kind,
    name: u.name,
    aliases: u.short_names ? u.short_names.split('|') : [],
  }));
  const byName = new Map<string, UnitRef>();
  for (const u of units) for (const n of [...u.aliases, u.name]) byName.set(normalizeUnitName(n), { id: u.id, name: u.name });
  const refs = (kind: string) => units.filter((u) => u.kind === kind).map((u) => ({ id: u.id, name: u.name }));
  return { resolve: (n) => byName.get(normalizeUnitName(n)), counties: refs('county'), zones: refs('zone'), cityName: '呼和浩特市' };
}

export type SheetSpec = { name?: string; rows: ExcelJS.CellValue[][]; merges?: string[] };

export async function workbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [i, s] of sheets.entries()) {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`);
    s.rows.forEach((row, r) => row.forEach((v, c) => (ws.getRow(r + 1).getCell(c + 1).value = v)));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const HEADER = ['序号', '指标领域', '工作任务', '工作措施', '牵头单位', '配合单位', '完成时限'];

/**
 * A zip written by hand, so a test can make it lie: `declared` overrides an entry's uncompressed
 * size in both headers (a bomb that claims to be small, or claims 300 MB).
 */
export function rawZip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc32 is not checked by the size guard
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A multipart/form-data body with one file field, for `app.inject`. */
export function multipart(file: Buffer, filename = 'list.xlsx'): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----bizenv${Date.now().toString(16)}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ` +
    `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
