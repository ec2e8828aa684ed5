import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CHART_FONTS } from './charts.js';
import { faceOf, fontFileFor } from './font-subset.js';

function svgWith(text: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="60"><rect width="360" ` +
    `height="60" fill="#fff"/><text x="10" y="40" style="font-size:28px">${text}</text></svg>`
  );
}

function pixels(svg: string, fontFile: string, family: string): Buffer {
  return Buffer.from(
    new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: family } }).render().pixels,
  );
}

// Both chart fonts when installed: WenQuanYi (TrueType outlines) and Noto Sans CJK (CFF outlines).
const installed = CHART_FONTS.filter((f) => fs.existsSync(f.file));

describe.skipIf(!installed.length).each(installed)('chart font subset of $family', ({ file, family }) => {
  it('takes the named face out of the collection', () => {
    const face = faceOf(fs.readFileSync(file), family);
    expect(['\0\x01\0\0', 'OTTO', 'true']).toContain(face.toString('latin1', 0, 4));
    expect(face.includes(Buffer.from(family, 'utf16le').swap16())).toBe(true);
  });

  it('draws exactly what the full font draws, from a much smaller file', async () => {
    const svg = svgWith('各单位完成率 96% Unit');
    const cut = await fontFileFor(file, family, svg);
    expect(cut).not.toBe(file);
    expect(fs.statSync(cut).size).toBeLessThan(fs.statSync(file).size / 4);
    const full = pixels(svg, file, family);
    expect(full.some((p) => p < 128)).toBe(true); // the text is drawn at all
    expect(pixels(svg, cut, family).equals(full)).toBe(true);
  });

  it('adds the glyphs of characters first seen in a later chart', async () => {
    const first = await fontFileFor(file, family, svgWith('甲'));
    const svg = svgWith('乙丙丁逾期');
    const later = await fontFileFor(file, family, svg);
    expect(later).not.toBe(first);
    expect(pixels(svg, later, family).equals(pixels(svg, file, family))).toBe(true);
    // Characters already held reuse the same file.
    expect(await fontFileFor(file, family, svgWith('甲乙'))).toBe(later);
  });
});
