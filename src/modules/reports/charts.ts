import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/** The CJK font the server draws charts with (Debian package fonts-noto-cjk). */
export const CHART_FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders an ECharts option to SVG on the server (no DOM, no animation). */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let fontFiles: string[] | undefined;

/** Rasterises an SVG with the CJK font; `fonts: false` draws without any font (tests compare the two). */
export function rasterizeSvg(svg: string, opts: { scale?: number; fonts?: boolean } = {}) {
  fontFiles ??= CHART_FONT_FILES.filter((f) => fs.existsSync(f));
  const resvg = new Resvg(svg, {
    font: { fontFiles: opts.fonts === false ? [] : fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
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
export function renderChartPng(option: echarts.EChartsCoreOption, size: ChartSize & { scale?: number }): Buffer {
  return rasterizeSvg(renderChartSvg(option, size), { scale: size.scale }).asPng();
}
