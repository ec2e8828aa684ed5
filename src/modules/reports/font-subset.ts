import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small copy of the chart font holding only the glyphs the charts use.
 *
 * resvg-js (2.6, native) reads the whole font file from disk again for every glyph it lays out
 * (fontdb keeps a file path, not the data; upstream thx/resvg-js#367), and its `fontBuffers`
 * option exists only in the Wasm build. With the 5 MB WenQuanYi face that is ~0.5 ms per glyph,
 * most of a chart's rendering time. So the font is read and indexed once per process, and the
 * charts are drawn with a ~0.5 MB TrueType file that keeps the face's tables (names, metrics,
 * cmap, kerning) and glyph numbering but only the outlines of the characters seen so far. A
 * chart with new characters writes a new file with the union; the set soon stops growing.
 *
 * Only TrueType outlines (`glyf`) are cut; a CFF font (Noto Sans CJK) is used as it is.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

interface IndexedFont {
  data: Buffer;
  tables: Map<string, TableRecord>;
  /** code point → glyph id */
  cmap: Map<number, number>;
  /** glyph offsets into glyf, numGlyphs + 1 entries */
  loca: number[];
  numGlyphs: number;
}

const DROPPED = new Set(['glyf', 'loca', 'post', 'vhea', 'vmtx', 'hdmx', 'LTSH', 'VDMX', 'EBDT', 'EBLC', 'EBSC', 'DSIG']);

function faceOffset(data: Buffer, family: string): number {
  if (data.toString('latin1', 0, 4) !== 'ttcf') return 0;
  const count = data.readUInt32BE(8);
  const offsets = Array.from({ length: count }, (_, i) => data.readUInt32BE(12 + 4 * i));
  // The face whose name table names the family; the first face otherwise.
  const wanted = Buffer.from(family, 'utf16le').swap16();
  return offsets.find((off) => {
    const name = tableDirectory(data, off).get('name');
    return name !== undefined && data.subarray(name.offset, name.offset + name.length).includes(wanted);
  }) ?? offsets[0];
}

function tableDirectory(data: Buffer, off: number): Map<string, TableRecord> {
  const n = data.readUInt16BE(off + 4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < n; i++) {
    const r = off + 12 + 16 * i;
    tables.set(data.toString('latin1', r, r + 4), { tag: data.toString('latin1', r, r + 4), offset: data.readUInt32BE(r + 8), length: data.readUInt32BE(r + 12) });
  }
  return tables;
}

function readCmap(data: Buffer, t: TableRecord): Map<number, number> {
  const map = new Map<number, number>();
  const n = data.readUInt16BE(t.offset + 2);
  const subtables: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = t.offset + 4 + 8 * i;
    const platform = data.readUInt16BE(r);
    const encoding = data.readUInt16BE(r + 2);
    if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) subtables.push(t.offset + data.readUInt32BE(r + 4));
  }
  for (const s of subtables) {
    const format = data.readUInt16BE(s);
    if (format === 4) {
      const segX2 = data.readUInt16BE(s + 6);
      const ends = s + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      for (let i = 0; i < segX2; i += 2) {
        const end = data.readUInt16BE(ends + i);
        const start = data.readUInt16BE(starts + i);
        const delta = data.readUInt16BE(deltas + i);
        const range = data.readUInt16BE(ranges + i);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let g: number;
          if (range === 0) g = (c + delta) & 0xffff;
          else {
            g = data.readUInt16BE(ranges + i + range + 2 * (c - start));
            if (g !== 0) g = (g + delta) & 0xffff;
          }
          if (g !== 0 && !map.has(c)) map.set(c, g);
        }
      }
    } else if (format === 12) {
      const groups = data.readUInt32BE(s + 12);
      for (let i = 0; i < groups; i++) {
        const r = s + 16 + 12 * i;
        const start = data.readUInt32BE(r);
        const end = data.readUInt32BE(r + 4);
        const glyph = data.readUInt32BE(r + 8);
        for (let c = start; c <= end; c++) if (!map.has(c)) map.set(c, glyph + c - start);
      }
    }
  }
  return map;
}

function indexFont(file: string, family: string): IndexedFont | null {
  const data = fs.readFileSync(file);
  const tables = tableDirectory(data, faceOffset(data, family));
  const [head, maxp, loca, glyf, cmap] = ['head', 'maxp', 'loca', 'glyf', 'cmap'].map((t) => tables.get(t));
  if (!head || !maxp || !loca || !glyf || !cmap) return null; // not TrueType outlines
  const numGlyphs = data.readUInt16BE(maxp.offset + 4);
  const long = data.readInt16BE(head.offset + 50) === 1;
  const offsets: number[] = [];
  for (let g = 0; g <= numGlyphs; g++) offsets.push(long ? data.readUInt32BE(loca.offset + 4 * g) : 2 * data.readUInt16BE(loca.offset + 2 * g));
  return { data, tables, cmap: readCmap(data, cmap), loca: offsets, numGlyphs };
}

/** The glyph ids a set of characters needs, with the parts of composite glyphs. */
function glyphClosure(font: IndexedFont, chars: Iterable<number>): Set<number> {
  const glyf = font.tables.get('glyf')!;
  const out = new Set<number>([0]);
  const todo = [...chars].map((c) => font.cmap.get(c)).filter((g): g is number => g !== undefined);
  while (todo.length) {
    const g = todo.pop()!;
    if (out.has(g) || g >= font.numGlyphs) continue;
    out.add(g);
    const start = glyf.offset + font.loca[g];
    if (font.loca[g + 1] <= font.loca[g] || font.data.readInt16BE(start) >= 0) continue;
    // Composite: flags, glyphIndex, then arguments and a transform sized by the flags.
    let p = start + 10;
    for (;;) {
      const flags = font.data.readUInt16BE(p);
      todo.push(font.data.readUInt16BE(p + 2));
      p += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  }
  return out;
}

function checksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0;
  return sum;
}

function pad4(b: Buffer): Buffer {
  return b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
}

/** A standalone TrueType file of the face with only `glyphs` outlined; glyph ids stay the same. */
function buildSubset(font: IndexedFont, glyphs: Set<number>): Buffer {
  const { data, tables } = font;
  const glyf = tables.get('glyf')!;
  const pieces: Buffer[] = [];
  const loca = Buffer.alloc(4 * (font.numGlyphs + 1));
  let at = 0;
  for (let g = 0; g < font.numGlyphs; g++) {
    loca.writeUInt32BE(at, 4 * g);
    if (!glyphs.has(g)) continue;
    const piece = pad4(data.subarray(glyf.offset + font.loca[g], glyf.offset + font.loca[g + 1]));
    pieces.push(piece);
    at += piece.length;
  }
  loca.writeUInt32BE(at, 4 * font.numGlyphs);
  const out = new Map<string, Buffer>();
  for (const t of tables.values()) if (!DROPPED.has(t.tag)) out.set(t.tag, Buffer.from(data.subarray(t.offset, t.offset + t.length)));
  out.set('glyf', Buffer.concat(pieces));
  out.set('loca', loca);
  const head = out.get('head')!;
  head.writeUInt32BE(0, 8); // checkSumAdjustment
  head.writeInt16BE(1, 50); // long loca offsets
  const postSrc = tables.get('post');
  if (postSrc) {
    const post = Buffer.from(data.subarray(postSrc.offset, postSrc.offset + 32));
    post.writeUInt32BE(0x00030000, 0); // no glyph names
    out.set('post', post);
  }
  const tags = [...out.keys()].sort();
  const headerSize = 12 + 16 * tags.length;
  const dir = Buffer.alloc(headerSize);
  dir.writeUInt32BE(0x00010000, 0);
  dir.writeUInt16BE(tags.length, 4);
  const pow = 2 ** Math.floor(Math.log2(tags.length));
  dir.writeUInt16BE(pow * 16, 6);
  dir.writeUInt16BE(Math.log2(pow), 8);
  dir.writeUInt16BE(tags.length * 16 - pow * 16, 10);
  const bodies: Buffer[] = [];
  let offset = headerSize;
  tags.forEach((tag, i) => {
    const body = out.get(tag)!;
    const padded = pad4(body);
    const r = 12 + 16 * i;
    dir.write(tag, r, 'latin1');
    dir.writeUInt32BE(checksum(padded), r + 4);
    dir.writeUInt32BE(offset, r + 8);
    dir.writeUInt32BE(body.length, r + 12);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([dir, ...bodies]);
}

/** The characters an SVG may draw: everything in it (markup is ASCII) plus numeric entities. */
function charsOf(svg: string): Set<number> {
  const chars = new Set<number>();
  for (const ch of svg) chars.add(ch.codePointAt(0)!);
  for (const m of svg.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) chars.add(Number.parseInt(m[2], m[1] ? 16 : 10));
  return chars;
}

const ASCII = Array.from({ length: 95 }, (_, i) => 0x20 + i);

interface SubsetState {
  source: string;
  font: IndexedFont | null;
  chars: Set<number>;
  file: string | null;
  dir: string | null;
  serial: number;
}

let state: SubsetState | undefined;

/**
 * A font file with the glyphs `svg` needs, for resvg. Falls back to the original file when the
 * font cannot be cut (not TrueType) or anything about it is unexpected.
 */
export function fontFileFor(file: string, family: string, svg: string): string {
  try {
    if (state?.source !== file) {
      state = { source: file, font: indexFont(file, family), chars: new Set(ASCII), file: null, dir: null, serial: 0 };
    }
    const s = state;
    if (!s.font) return file;
    const before = s.chars.size;
    for (const c of charsOf(svg)) if (s.font.cmap.has(c)) s.chars.add(c);
    if (s.file && s.chars.size === before && fs.existsSync(s.file)) return s.file;
    if (!s.dir) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-chart-font-'));
      s.dir = dir;
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    const next = path.join(s.dir, `font-${++s.serial}.ttf`);
    fs.writeFileSync(next, buildSubset(s.font, glyphClosure(s.font, s.chars)));
    if (s.file) fs.rmSync(s.file, { force: true });
    s.file = next;
    return next;
  } catch {
    return file;
  }
}
