import yauzl from 'yauzl';
import { IMPORT_LIMITS } from '../../../common/schemas/worklists-import.js';

/**
 * Checks that a buffer is a sane .xlsx container before ExcelJS sees it. ExcelJS (through JSZip)
 * inflates every entry into memory and trusts the sizes a zip declares, so a zip bomb would take
 * the server down. yauzl (3.x, one dependency, maintained since 2014) reads the central directory
 * without inflating anything and, when asked to inflate, stops at the declared size — so we first
 * add up the declared sizes and then inflate each entry once, counting bytes, to catch a zip that
 * lies about them. An xlsx is small XML: the second pass costs a few milliseconds.
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
function inflatedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      let n = 0;
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        if (n > budget) stream.destroy(new Error('budget exceeded'));
      });
      stream.on('end', () => resolve(n));
      stream.on('error', reject);
    });
  });
}

const NOT_XLSX = '文件不是 Excel 工作簿（.xlsx）；.xls、.csv、.docx 或损坏的文件无法导入，请在 Excel 中另存为 .xlsx / the file is not an .xlsx workbook';

export async function assertSafeXlsx(buffer: Buffer, limits: ZipGuardLimits): Promise<void> {
  const maxUncompressed = limits.uncompressedBytes ?? IMPORT_LIMITS.uncompressedBytes;
  const maxRatio = limits.compressionRatio ?? IMPORT_LIMITS.compressionRatio;
  const maxEntries = limits.zipEntries ?? IMPORT_LIMITS.zipEntries;
  if (buffer.length > limits.maxBytes) {
    throw new WorkbookRejected(`文件 ${mb(buffer.length)} 超过上限 ${mb(limits.maxBytes)} / the file exceeds the ${mb(limits.maxBytes)} limit`, true);
  }
  if (buffer.length === 0) throw new WorkbookRejected('文件为空 / the file is empty');
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new WorkbookRejected(NOT_XLSX);
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(buffer);
    entries = await readEntries(zip);
  } catch {
    throw new WorkbookRejected(NOT_XLSX);
  }
  if (entries.length > maxEntries) throw new WorkbookRejected(`压缩包含 ${entries.length} 个文件，不像工作簿 / ${entries.length} zip entries: not a workbook`);
  const names = new Set(entries.map((e) => e.fileName));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new WorkbookRejected(NOT_XLSX);
  if (entries.some((e) => e.isEncrypted())) throw new WorkbookRejected('工作簿已加密，请取消密码后再导入 / the workbook is encrypted');
  const bomb = (why: string) => new WorkbookRejected(`压缩异常（疑似压缩炸弹：${why}），已拒绝 / rejected as a zip bomb: ${why}`, true);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > maxUncompressed) throw bomb(`解压后 ${mb(declared)} > ${mb(maxUncompressed)}`);
  for (const e of entries) {
    // Small entries compress arbitrarily well (a sheet of empty rows), so the ratio counts only past 1 MB.
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize / Math.max(e.compressedSize, 1) > maxRatio) {
      throw bomb(`${e.fileName} 压缩比 ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))}:1`);
    }
  }
  let actual = 0;
  try {
    for (const e of entries) actual += await inflatedSize(zip, e, maxUncompressed - actual);
  } catch {
    throw bomb('实际解压大小与声明不符 / entry sizes do not match the directory');
  } finally {
    zip.close();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
