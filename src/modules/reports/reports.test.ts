import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeWithChromium } from '../../test/chromium.js';
import { chartFont, rasterizeSvg, renderChartPng, renderChartSvg } from './charts.js';
import { chineseNumber, numberHeadings, officialDate } from './document.js';
import { officialDocument } from './docx.js';
import { addTableSheet, newWorkbook, textWidth, workbookBuffer } from './excel.js';
import { closePdfBrowser, officialDocumentPdf } from './pdf.js';
import { sampleDocument } from './sample.js';

const TITLE_CHART = {
  title: { text: '各旗县区任务完成率', left: 'center', top: 10 },
  xAxis: { type: 'category', data: ['新城区', '回民区'] },
  yAxis: {},
  series: [{ type: 'bar', data: [90, 80] }],
};

/** Dark pixels in the band where the chart title is drawn. */
function darkPixelsInTitle(img: { pixels: Buffer; width: number; height: number }): number {
  // `pixels` is a getter that copies the whole image out of the native renderer: read it once.
  const px = img.pixels;
  let dark = 0;
  for (let y = 0; y < Math.floor(img.height * 0.15); y++) {
    for (let x = Math.floor(img.width * 0.25); x < Math.floor(img.width * 0.75); x++) {
      const i = (y * img.width + x) * 4;
      if (px[i] < 128 && px[i + 1] < 128 && px[i + 2] < 128) dark++;
    }
  }
  return dark;
}

describe('charts', () => {
  it('renders an ECharts option to SVG with the CJK font named', () => {
    const svg = renderChartSvg(TITLE_CHART, { width: 600, height: 300 });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('各旗县区任务完成率');
    expect(svg).toContain(chartFont().family);
  });

  it('draws the Chinese title in the PNG (with the font there are glyphs, without it nothing)', async () => {
    const png = await renderChartPng(TITLE_CHART, { width: 600, height: 300 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const svg = renderChartSvg(TITLE_CHART, { width: 600, height: 300 });
    const withFont = await rasterizeSvg(svg);
    const withoutFont = await rasterizeSvg(svg, { fonts: false });
    expect(withFont.width).toBe(1200);
    expect(darkPixelsInTitle(withFont)).toBeGreaterThan(500);
    expect(darkPixelsInTitle(withoutFont)).toBe(0);
  });
});

describe('official document numbering', () => {
  it('numbers headings 一、/（一）/1. and restarts under each higher level', () => {
    expect([1, 9, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '九', '十', '十二', '二十', '二十一']);
    expect(officialDate('2026-03-02')).toBe('2026年3月2日');
    const out = numberHeadings([
      { type: 'heading', level: 1, text: '基本情况' },
      { type: 'heading', level: 2, text: '政务服务' },
      { type: 'heading', level: 3, text: '一网通办' },
      { type: 'heading', level: 2, text: '市场环境' },
      { type: 'heading', level: 1, text: '存在的问题' },
      { type: 'heading', level: 2, text: '报送不及时' },
      { type: 'heading', level: 1, text: '附表', numbered: false },
    ]);
    expect(out.map((b) => (b.type === 'heading' ? b.text : ''))).toEqual([
      '一、基本情况',
      '（一）政务服务',
      '1. 一网通办',
      '（二）市场环境',
      '二、存在的问题',
      '（一）报送不及时',
      '附表',
    ]);
  });
});

describe('official document (.docx, GB/T 9704-2012)', async () => {
  const input = await sampleDocument({ charts: 4, rows: 60, appendixRows: 120 });
  const zip = await JSZip.loadAsync(await officialDocument(input));
  const xml = await zip.file('word/document.xml')!.async('string');

  it('is an A4 page with margins 37/35/28/26 mm and a fixed 28.95 pt body line', () => {
    expect(xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]);
    expect(Math.round((twips('top') / 1440) * 25.4)).toBe(37);
    expect(Math.round((twips('bottom') / 1440) * 25.4)).toBe(35);
    expect(Math.round((twips('left') / 1440) * 25.4)).toBe(28);
    expect(Math.round((twips('right') / 1440) * 25.4)).toBe(26);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
  });

  it('names the official fonts and sizes: 小标宋 2号 title, 仿宋_GB2312 3号 body, 黑体 and 楷体 headings', () => {
    for (const f of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(xml).toContain(`w:eastAsia="${f}"`);
    const runOf = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*?<w:t[^>]*>${text}[^<]*</w:t>`, 's').exec(xml)?.[0] ?? '';
    expect(runOf('关于2026年2月全市优化营商环境')).toMatch(/w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/s);
    expect(runOf('一、基本情况')).toMatch(/w:eastAsia="黑体".*<w:sz w:val="32"\/>/s);
    expect(runOf('（一）政务服务领域')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runOf('截至2月底')).toMatch(/w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/s);
  });

  it('has the issuer mark in red, the document number, the numbered headings, signature and date', () => {
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(text).toContain('示例市优化营商环境工作领导小组办公室文件');
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>(?:(?!<\/w:r>).)*示例市优化营商环境工作领导小组办公室文件/s);
    expect(text).toContain('示营商办〔2026〕3号');
    expect(text.filter((t) => /^[一二三四五六七八九十]+、/.test(t))).toEqual([
      '一、基本情况',
      '二、分领域推进情况',
      '三、各单位推进情况',
      '四、存在的问题',
      '五、下一步工作',
    ]);
    expect(text).toContain('（二）市场环境领域');
    expect(text).toContain('2026年3月2日');
    expect(text).toContain('附件：督办事项明细表（示例）');
  });

  it('holds the tables (header row repeated) and the chart images', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => t.split('<w:tr>').length - 1)).toEqual([61, 121]);
    expect(tables[0]).toContain('<w:tblHeader/>');
    const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(images).toHaveLength(4);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(4);
  });

  it('numbers pages "— n —" in 宋体 4号, odd pages right and even pages left', async () => {
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
    expect(xml).toMatch(/<w:footerReference w:type="default"[^>]*\/>/);
    expect(xml).toMatch(/<w:footerReference w:type="even"[^>]*\/>/);
  });
});

describeWithChromium('official document (.pdf via Chromium)', (chromiumPath) => {
  afterAll(closePdfBrowser);

  it('prints the same content on A4 pages', async () => {
    const pdf = await officialDocumentPdf(await sampleDocument({ charts: 1, rows: 10, appendixRows: 40 }), { chromiumPath });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/\/MediaBox\s*\[0 0 59[45]\.\d* 841\.\d*\]/);
  }, 60_000);

  it('starts the browser once for many documents, and again after it was closed', async () => {
    await closePdfBrowser();
    const launch = vi.spyOn(chromium, 'launch');
    try {
      const input = await sampleDocument({ charts: 0, rows: 3, appendixRows: 0 });
      const pdfs = await Promise.all([1, 2, 3].map(() => officialDocumentPdf(input, { chromiumPath })));
      expect(pdfs.map((p) => p.subarray(0, 5).toString())).toEqual(['%PDF-', '%PDF-', '%PDF-']);
      expect(launch).toHaveBeenCalledTimes(1);
      await closePdfBrowser();
      expect((await officialDocumentPdf(input, { chromiumPath })).subarray(0, 5).toString()).toBe('%PDF-');
      expect(launch).toHaveBeenCalledTimes(2);
    } finally {
      launch.mockRestore();
    }
  }, 60_000);
});

describe('excel tables', () => {
  it('writes a styled, frozen, fitted table that reads back', async () => {
    const wb = newWorkbook();
    const rows = [
      { unit: '呼和浩特市行政审批和政务服务局', rate: 0.92, due: '2026-03-31' },
      { unit: '新城区', rate: 0.5, due: '2026-04-30' },
    ];
    addTableSheet(
      wb,
      '周督查/第9周',
      [
        { header: '单位', value: (r: (typeof rows)[number]) => r.unit },
        { header: '完成率', value: (r) => r.rate, numFmt: '0.0%', align: 'right' },
        { header: '完成时限', value: (r) => r.due, width: 12 },
      ],
      rows,
      { title: '2026年第9周督查情况', freezeColumns: 1 },
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBuffer(wb)) as unknown as ExcelJS.Buffer);
    const ws = back.worksheets[0];
    expect(ws.name).toBe('周督查 第9周');
    expect(ws.getCell('A1').value).toBe('2026年第9周督查情况');
    expect(ws.getRow(2).values).toEqual([undefined, '单位', '完成率', '完成时限']);
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect(ws.getCell('B3').numFmt).toBe('0.0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    expect(ws.getColumn(1).width).toBe(textWidth('呼和浩特市行政审批和政务服务局') + 2);
    expect(ws.getColumn(3).width).toBe(12);
    expect(ws.rowCount).toBe(4);
  });
});
