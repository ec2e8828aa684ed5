import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { fontFileFor } from './font-subset.js';

/**
 * CJK fonts the server can draw charts with, fastest first. resvg re-parses a font for every text
 * element; Noto Sans CJK's 15 MB CFF outlines make that ~10× slower than a TrueType face (measured
 * here: 40 labels took 22 s with Noto and 2 s with WenQuanYi under the same load), so the
 * TrueType WenQuanYi Micro Hei (Debian fonts-wqy-microhei) is used when installed and Noto Sans CJK
 * (fonts-noto-cjk) otherwise.
 */
export const CHART_FONTS = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
];

let chosen: { file: string; family: string } | undefined;
/** The first chart font present on this machine. */
export function chartFont(): { file: string; family: string } {
  chosen ??= CHART_FONTS.find((f) => fs.existsSync(f.file)) ?? CHART_FONTS[CHART_FONTS.length - 1];
  return chosen;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders an ECharts option to SVG on the server (no DOM, no animation). */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: chartFont().family }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterises an SVG with the CJK font; `fonts: false` draws without any font (tests compare the two).
 * resvg reads its font file again for every glyph, so it gets a small cut of the font holding the
 * glyphs this SVG uses (font-subset.ts), indexed once per process.
 */
export async function rasterizeSvg(svg: string, opts: { scale?: number; fonts?: boolean } = {}) {
  const font = chartFont();
  const fontFiles = opts.fonts === false ? [] : [await fontFileFor(font.file, font.family, svg)];
  const resvg = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: font.family },
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: '#ffffff',
  });
  return resvg.render();
}

/**
 * Renders an ECharts option to PNG. Without a CJK font every Chinese label would be a row of
 * boxes, so the font is loaded explicitly rather than from whatever the system offers.
 * `scale` 2 gives a sharp picture at the size the document shows it.
 */
export async function renderChartPng(option: echarts.EChartsCoreOption, size: ChartSize & { scale?: number }): Promise<Buffer> {
  return (await rasterizeSvg(renderChartSvg(option, size), { scale: size.scale })).asPng();
}
