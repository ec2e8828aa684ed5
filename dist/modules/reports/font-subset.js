import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import subsetFont from "subset-font";
function faceOf(data, family) {
  if (data.toString("latin1", 0, 4) !== "ttcf") return data;
  const tablesAt = (off) => Array.from({ length: data.readUInt16BE(off + 4) }, (_, i) => {
    const r = off + 12 + 16 * i;
    return { record: r, tag: data.toString("latin1", r, r + 4), offset: data.readUInt32BE(r + 8), length: data.readUInt32BE(r + 12) };
  });
  const faces = Array.from({ length: data.readUInt32BE(8) }, (_, i) => data.readUInt32BE(12 + 4 * i));
  const wanted = Buffer.from(family, "utf16le").swap16();
  const face = faces.find((off) => {
    const name = tablesAt(off).find((t) => t.tag === "name");
    return name !== void 0 && data.subarray(name.offset, name.offset + name.length).includes(wanted);
  }) ?? faces[0];
  const tables = tablesAt(face);
  const header = Buffer.from(data.subarray(face, face + 12 + 16 * tables.length));
  const bodies = [];
  let at = header.length;
  tables.forEach((t, i) => {
    const body = data.subarray(t.offset, t.offset + t.length);
    header.set(data.subarray(t.record, t.record + 12), 12 + 16 * i);
    header.writeUInt32BE(at, 12 + 16 * i + 8);
    const padded = Buffer.concat([body, Buffer.alloc((4 - body.length % 4) % 4)]);
    bodies.push(padded);
    at += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
function charsOf(svg) {
  const chars = new Set(svg);
  for (const m of svg.matchAll(/&#(x?)([0-9a-fA-F]+);/g)) chars.add(String.fromCodePoint(Number.parseInt(m[2], m[1] ? 16 : 10)));
  return chars;
}
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
let state;
async function writeSubset(s, face, text) {
  if (!s.dir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bizenv-chart-font-"));
    s.dir = dir;
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  await fs.promises.mkdir(s.dir, { recursive: true });
  const file = path.join(s.dir, `font-${++s.serial}.otf`);
  await fs.promises.writeFile(file, await subsetFont(face, text, { targetFormat: "truetype" }));
  return file;
}
function fontFileFor(file, family, svg) {
  return cutFor(file, family, svg, false);
}
async function cutFor(file, family, svg, retry) {
  try {
    if (state?.source !== file) {
      let face = null;
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
      const next = writeSubset(s, s.face, [...s.chars].join(""));
      s.file = next;
      next.then(
        () => previous?.then((old) => fs.promises.rm(old, { force: true })).catch(() => void 0),
        () => {
          if (s.file === next) s.file = null;
        }
      );
    }
    const current = s.file;
    const cut = await current;
    if (fs.existsSync(cut) || retry) return cut;
    if (s.file === current) s.file = null;
    return await cutFor(file, family, svg, true);
  } catch {
    return file;
  }
}
export {
  faceOf,
  fontFileFor
};
//# sourceMappingURL=font-subset.js.map
