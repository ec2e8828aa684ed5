import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { LIMITS } from '../common/limits.js';

/**
 * Checks that a buffer is a sane .xlsx container before ExcelJS sees it. ExcelJS (through JSZip)
 * inflates every entry into memory and trusts the sizes a zip declares, so a zip bomb would take
 * the server down. yauzl (3.x, one dependency, maintained since 2014) reads the central directory
 * without inflating anything and, when asked to inflate, stops at the declared size — so we first
 * add up the declared sizes and then inflate each entry once, counting bytes, to catch a zip that
 * lies about them. That inflation (native zlib) is kept: the guard hands back the workbook with
 * every entry stored uncompressed, so ExcelJS does not inflate it a second time in JavaScript.
 */

export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface ZipGuardLimits {
  maxBytes: number;
  uncompressedBytes?: number;
  compressionRatio?: number;
  zipEntries?: number;
}

/** A reason the file cannot be read at all, in Chinese and English. */
export class WorkbookRejected extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry, counting bytes; yauzl errors out when the data exceeds the declared size. */
function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let n = 0;
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        if (n > budget) stream.destroy(new Error('budget exceeded'));
        else chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks, n)));
      stream.on('error', reject);
    });
  });
}

/** A zip of the given entries, each stored (method 0) with its CRC-32; names in UTF-8. */
export function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const NOT_ZIP = '压缩文件已损坏，无法读取 / the zip container cannot be read';
const NOT_XLSX =
  '文件不是 Excel 工作簿（.xlsx）；.xls、.csv、.docx 或损坏的文件无法导入，请在 Excel 中另存为 .xlsx / the file is not an .xlsx workbook';

const bomb = (why: string) => new WorkbookRejected(`压缩异常（疑似压缩炸弹：${why}），已拒绝 / rejected as a zip bomb: ${why}`, true);

/**
 * Inflates every entry of a zip once, within the limits: entry count, declared total, per-entry
 * ratio, then the bytes actually inflated (a zip may lie about its sizes). `inspect` sees the
 * directory before anything is inflated. Throws WorkbookRejected (`tooLarge` for a bomb).
 */
export async function inflateZipSafely(
  buffer: Buffer,
  limits: ZipGuardLimits,
  inspect?: (entries: yauzl.Entry[]) => void,
): Promise<{ name: string; data: Buffer }[]> {
  const maxUncompressed = limits.uncompressedBytes ?? LIMITS.upload.uncompressedBytes;
  const maxRatio = limits.compressionRatio ?? LIMITS.upload.compressionRatio;
  const maxEntries = limits.zipEntries ?? LIMITS.upload.zipEntries;
  if (buffer.length > limits.maxBytes) throw tooBig(buffer.length, limits.maxBytes);
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(buffer);
    entries = await readEntries(zip);
  } catch {
    throw new WorkbookRejected(NOT_ZIP);
  }
  try {
    if (entries.length > maxEntries) throw bomb(`压缩包含 ${entries.length} 个文件 / ${entries.length} zip entries`);
    inspect?.(entries);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > maxUncompressed) throw bomb(`解压后 ${mb(declared)} > ${mb(maxUncompressed)}`);
    for (const e of entries) {
      // Small entries compress arbitrarily well (a sheet of empty rows), so the ratio counts only past 1 MB.
      if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize / Math.max(e.compressedSize, 1) > maxRatio) {
        throw bomb(`${e.fileName} 压缩比 ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))}:1`);
      }
    }
    let actual = 0;
    const inflated: { name: string; data: Buffer }[] = [];
    try {
      for (const e of entries) {
        const data = await inflateEntry(zip, e, maxUncompressed - actual);
        actual += data.length;
        inflated.push({ name: e.fileName, data });
      }
    } catch {
      throw bomb('实际解压大小与声明不符 / entry sizes do not match the directory');
    }
    return inflated;
  } finally {
    zip.close();
  }
}

/**
 * Rejects what is no sane workbook (WorkbookRejected); otherwise returns the same workbook with
 * its entries stored uncompressed, inflated once here, for ExcelJS to read.
 */
export async function assertSafeXlsx(buffer: Buffer, limits: ZipGuardLimits): Promise<Buffer> {
  if (buffer.length > limits.maxBytes) throw tooBig(buffer.length, limits.maxBytes);
  if (buffer.length === 0) throw new WorkbookRejected('文件为空 / the file is empty');
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new WorkbookRejected(NOT_XLSX);
  let inflated: { name: string; data: Buffer }[];
  try {
    inflated = await inflateZipSafely(buffer, limits, (entries) => {
      const names = new Set(entries.map((e) => e.fileName));
      if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new WorkbookRejected(NOT_XLSX);
      if (entries.some((e) => e.isEncrypted())) throw new WorkbookRejected('工作簿已加密，请取消密码后再导入 / the workbook is encrypted');
    });
  } catch (err) {
    if (err instanceof WorkbookRejected && err.message === NOT_ZIP) throw new WorkbookRejected(NOT_XLSX);
    throw err;
  }
  return storedZip(inflated);
}

function tooBig(size: number, max: number): WorkbookRejected {
  return new WorkbookRejected(`文件 ${mb(size)} 超过上限 ${mb(max)} / the file exceeds the ${mb(max)} limit`, true);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
