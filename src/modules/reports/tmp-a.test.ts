import { describe, expect, it } from 'vitest';
import { rasterizeSvg, renderChartPng, renderChartSvg } from './charts.js';
import { chineseNumber, numberHeadings, officialDate } from './document.js';

const TITLE_CHART = { title: { text: '各旗县区任务完成率', left: 'center', top: 10 }, xAxis: { type: 'category', data: ['新城区', '回民区'] }, yAxis: {}, series: [{ type: 'bar', data: [90, 80] }] };

/** Dark pixels in the band where the chart title is drawn. */
function darkPixelsInTitle(img: { pixels: Buffer; width: number; height: number }): number {
  let dark = 0;
  for (let y = 0; y < Math.floor(img.height * 0.15); y++) {
    for (let x = Math.floor(img.width * 0.25); x < Math.floor(img.width * 0.75); x++) {
      const i = (y * img.width + x) * 4;
      if (img.pixels[i] < 128 && img.pixels[i + 1] < 128 && img.pixels[i + 2] < 128) dark++;
    }
  }
  return dark;
}

describe('charts', () => {
  it('renders an ECharts option to SVG with the CJK font named', () => {
    const svg = renderChartSvg(TITLE_CHART, { width: 600, height: 300 });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('各旗县区任务完成率');
    expect(svg).toContain('Noto Sans CJK SC');
  });

  it('draws the Chinese title in the PNG (with the font there are glyphs, without it nothing)', () => {
    const png = renderChartPng(TITLE_CHART, { width: 600, height: 300 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const svg = renderChartSvg(TITLE_CHART, { width: 600, height: 300 });
    const withFont = rasterizeSvg(svg);
    const withoutFont = rasterizeSvg(svg, { fonts: false });
    expect(withFont.width).toBe(1200);
    expect(darkPixelsInTitle(withFont)).toBeGreaterThan(500);
    expect(darkPixelsInTitle(withoutFont)).toBe(0);
  });
});

