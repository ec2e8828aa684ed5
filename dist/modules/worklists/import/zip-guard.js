import zlib from "node:zlib";
import yauzl from "yauzl";
import { IMPORT_LIMITS } from "../../../common/schemas/worklists-import.js";
const ZIP_MAGIC = Buffer.from([80, 75, 3, 4]);
class WorkbookRejected extends Error {
  constructor(message, tooLarge = false) {
    super(message);
    this.tooLarge = tooLarge;
  }
  tooLarge;
}
function openZip(buffer) {
  return new Promise(
    (resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => err ? reject(err) : resolve(zip))
  );
}
function readEntries(zip) {
  return new Promise((resolve, reject) => {
    const entries = [];
    zip.on("entry", (e) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}
function inflateEntry(zip, entry, budget) {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks = [];
      let n = 0;
      stream.on("data", (chunk) => {
        n += chunk.length;
        if (n > budget) stream.destroy(new Error("budget exceeded"));
        else chunks.push(chunk);
      });
      stream.on("end", () => resolve(Buffer.concat(chunks, n)));
      stream.on("error", reject);
    });
  });
}
function storedZip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const crc = zlib.crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(67324752, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(2048, 6);
    local.writeUInt16LE(33, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(33639248, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(2048, 8);
    dir.writeUInt16LE(33, 14);
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
  end.writeUInt32LE(101010256, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
const NOT_XLSX = "\u6587\u4EF6\u4E0D\u662F Excel \u5DE5\u4F5C\u7C3F\uFF08.xlsx\uFF09\uFF1B.xls\u3001.csv\u3001.docx \u6216\u635F\u574F\u7684\u6587\u4EF6\u65E0\u6CD5\u5BFC\u5165\uFF0C\u8BF7\u5728 Excel \u4E2D\u53E6\u5B58\u4E3A .xlsx / the file is not an .xlsx workbook";
async function assertSafeXlsx(buffer, limits) {
  const maxUncompressed = limits.uncompressedBytes ?? IMPORT_LIMITS.uncompressedBytes;
  const maxRatio = limits.compressionRatio ?? IMPORT_LIMITS.compressionRatio;
  const maxEntries = limits.zipEntries ?? IMPORT_LIMITS.zipEntries;
  if (buffer.length > limits.maxBytes) {
    throw new WorkbookRejected(`\u6587\u4EF6 ${mb(buffer.length)} \u8D85\u8FC7\u4E0A\u9650 ${mb(limits.maxBytes)} / the file exceeds the ${mb(limits.maxBytes)} limit`, true);
  }
  if (buffer.length === 0) throw new WorkbookRejected("\u6587\u4EF6\u4E3A\u7A7A / the file is empty");
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new WorkbookRejected(NOT_XLSX);
  let zip;
  let entries;
  try {
    zip = await openZip(buffer);
    entries = await readEntries(zip);
  } catch {
    throw new WorkbookRejected(NOT_XLSX);
  }
  if (entries.length > maxEntries) throw new WorkbookRejected(`\u538B\u7F29\u5305\u542B ${entries.length} \u4E2A\u6587\u4EF6\uFF0C\u4E0D\u50CF\u5DE5\u4F5C\u7C3F / ${entries.length} zip entries: not a workbook`);
  const names = new Set(entries.map((e) => e.fileName));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw new WorkbookRejected(NOT_XLSX);
  if (entries.some((e) => e.isEncrypted())) throw new WorkbookRejected("\u5DE5\u4F5C\u7C3F\u5DF2\u52A0\u5BC6\uFF0C\u8BF7\u53D6\u6D88\u5BC6\u7801\u540E\u518D\u5BFC\u5165 / the workbook is encrypted");
  const bomb = (why) => new WorkbookRejected(`\u538B\u7F29\u5F02\u5E38\uFF08\u7591\u4F3C\u538B\u7F29\u70B8\u5F39\uFF1A${why}\uFF09\uFF0C\u5DF2\u62D2\u7EDD / rejected as a zip bomb: ${why}`, true);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > maxUncompressed) throw bomb(`\u89E3\u538B\u540E ${mb(declared)} > ${mb(maxUncompressed)}`);
  for (const e of entries) {
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize / Math.max(e.compressedSize, 1) > maxRatio) {
      throw bomb(`${e.fileName} \u538B\u7F29\u6BD4 ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))}:1`);
    }
  }
  let actual = 0;
  const inflated = [];
  try {
    for (const e of entries) {
      const data = await inflateEntry(zip, e, maxUncompressed - actual);
      actual += data.length;
      inflated.push({ name: e.fileName, data });
    }
  } catch {
    throw bomb("\u5B9E\u9645\u89E3\u538B\u5927\u5C0F\u4E0E\u58F0\u660E\u4E0D\u7B26 / entry sizes do not match the directory");
  } finally {
    zip.close();
  }
  return storedZip(inflated);
}
function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
export {
  WorkbookRejected,
  ZIP_MAGIC,
  assertSafeXlsx,
  storedZip
};
//# sourceMappingURL=zip-guard.js.map
