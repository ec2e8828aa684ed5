import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFont } from './charts.js';
import { fontFileFor } from './font-subset.js';

function svgWith(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="60"><rect width="360" height="60" fill="#fff"/><text x="10" y="40" style="font-size:28px">${text}</text></svg>`;
}

function pixels(svg: string, fontFile: string): Buffer {
  const font = chartFont();
  return Buffer.from(new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: font.family } }).render().pixels);
}

const font = chartFont();
// Only TrueType outlines are cut; with a CFF font (Noto Sans CJK alone) the whole file is used.
const cuttable = fontFileFor(font.file, font.family, '') !== font.file;

describe.skipIf(!cuttable)('chart font subset', () => {

  it('draws exactly what the full font draws, from a much smaller file', () => {
    const svg = svgWith('各单位完成率 96% Unit');
    const cut = fontFileFor(font.file, font.family, svg);
    expect(fs.statSync(cut).size).toBeLessThan(fs.statSync(font.file).size / 4);
    const full = pixels(svg, font.file);
    expect(full.some((p) => p < 128)).toBe(true); // the text is drawn at all
    expect(pixels(svg, cut).equals(full)).toBe(true);
  });

  it('adds the glyphs of characters first seen in a later chart', () => {
    const first = fontFileFor(font.file, font.family, svgWith('甲'));
    const svg = svgWith('乙丙丁逾期');
    const later = fontFileFor(font.file, font.family, svg);
    expect(later).not.toBe(first);
    expect(pixels(svg, later).equals(pixels(svg, font.file))).toBe(true);
    // Characters already held reuse the same file.
    expect(fontFileFor(font.file, font.family, svgWith('甲乙'))).toBe(later);
  });
});
