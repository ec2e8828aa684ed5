import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';

/**
 * A small copy of the chart font holding only the glyphs the charts use.
 *
 * resvg-js (2.6, native) reads the whole font file from disk again for every glyph it lays out
 * (fontdb keeps a file path, not the data; upstream thx/resvg-js#367), and its `fontBuffers`
 * option exists only in the Wasm build. With the 5 MB WenQuanYi face (or Noto Sans CJK's 15 MB of
 * CFF outlines) that is most of a chart's rendering time. So the font is read once per process and
 * the charts are drawn with a subset of it made by `subset-font` (HarfBuzz's hb-subset, Wasm) that
 * holds the characters seen so far; a chart with new characters writes a new file with the union,
 * and the set soon stops growing. The subset keeps the outline format: TrueType stays `glyf`, Noto's
 * CFF stays CFF (an OpenType file resvg reads as well), both a few hundred KB.
 *
 * The system fonts are collections (.ttc) and subset-font takes a single face (it rejects the
 * `ttcf` signature and opens face 0), so `faceOf` copies the wanted face's tables out first.
 */

/** The face of a font file (a collection or not) whose name table names `family`, as a standalone sfnt. */
export function faceOf(data: Buffer, family: string): Buffer {
  if (data.toString('latin1', 0, 4) !== 'ttcf') return data;
  const tablesAt = (off: number) =>
    Array.from({ length: data.readUInt16BE(off + 4) }, (_, i) => {
      const r = off + 12 + 16 * i;
      return { record: r, tag: data.toString('latin1', r, r + 4), offset: data.readUInt32BE(r + 8), length: data.readUInt32BE(r + 12) };
    });
  const faces = Array.from({ length: data.readUInt32BE(8) }, (_, i) => data.readUInt32BE(12 + 4 * i));
  const wanted = Buffer.from(family, 'utf16le').swap16();
  const face =
    faces.find((off) => {
      const name = tablesAt(off).find((t) => t.tag === 'name');
      return name !== undefined && data.subarray(name.offset, name.offset + name.length).includes(wanted);
    }) ?? faces[0];
  const tables = tablesAt(face);
  const header = Buffer.from(data.subarray(face, face + 12 + 16 * tables.length));
  const bodies: Buffer[] = [];
  let at = header.length;
  tables.forEach((t, i) => {
    const body = data.subarray(t.offset, t.offset + t.length);
    header.set(data.subarray(t.record, t.record + 12), 12 + 16 * i); // tag, checksum, (offset)
    header.writeUInt32BE(at, 12 + 16 * i + 8);
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    bodies.push(padded);
    at += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** The characters an SVG may draw: its text (markup is ASCII) plus numeric entities. */
function charsOf(svg: string): Set<string> {
  const chars = new Set<string>(svg);
  for (const m of svg.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) chars.add(String.fromCodePoint(Number.parseInt(m[2], m[1] ? 16 : 10)));
  return chars;
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));

interface SubsetState {
  source: string;
  face: Buffer | null;
  chars: Set<string>;
  /** the subset for the current character set; replaced (not mutated) when the set grows */
  file: Promise<string> | null;
  dir: string | null;
  serial: number;
}

let state: SubsetState | undefined;

async function writeSubset(s: SubsetState, face: Buffer, text: string): Promise<string> {
  if (!s.dir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-chart-font-'));
    s.dir = dir;
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  await fs.promises.mkdir(s.dir, { recursive: true });
  const file = path.join(s.dir, `font-${++s.serial}.otf`);
  await fs.promises.writeFile(file, await subsetFont(face, text, { targetFormat: 'truetype' }));
  return file;
}

/**
 * A font file with the glyphs `svg` needs, for resvg. Falls back to the original file when the
 * font cannot be read or subset.
 */
export function fontFileFor(file: string, family: string, svg: string): Promise<string> {
  return cutFor(file, family, svg, false);
}

async function cutFor(file: string, family: string, svg: string, retry: boolean): Promise<string> {
  try {
    if (state?.source !== file) {
      let face: Buffer | null = null;
      try {
        face = faceOf(fs.readFileSync(file), family);
      } catch {
        face = null;
      }
      state = { source: file, face, chars: new Set(ASCII), file: null, dir: null, serial: 0 };
    }
    const s = state;
    if (!s.face) return file;
    const before = s.chars.size;
    for (const c of charsOf(svg)) s.chars.add(c);
    if (!s.file || s.chars.size !== before) {
      const previous = s.file;
      const next = writeSubset(s, s.face, [...s.chars].join(''));
      s.file = next;
      // Once the new file is there nothing new asks for the old one (renders already given it have
      // opened it by then or keep the data they read); a failed subset is retried by the next chart.
      next.then(
        () => previous?.then((old) => fs.promises.rm(old, { force: true })).catch(() => undefined),
        () => {
          if (s.file === next) s.file = null;
        },
      );
    }
    const current = s.file;
    const cut = await current;
    if (fs.existsSync(cut) || retry) return cut;
    // Removed under us (a temp-directory cleaner on a long-running server): cut it again.
    if (s.file === current) s.file = null;
    return await cutFor(file, family, svg, true);
  } catch {
    return file;
  }
}
