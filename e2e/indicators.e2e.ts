import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeE2E } from './fixture.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The downloaded template with data rows added to its first sheet, as the office would fill it in. */
async function fillTemplate(template: Buffer, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  for (const r of rows) wb.worksheets[0]!.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByRole('dialog', { name: '从 Excel 导入' }).locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
}

describeE2E('indicators: rank forecast', (e) => {
  test('a leader opens the forecast page: ranks of the 12 leagues/cities, synthetic warning, gap analysis and plans', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'leader');
    await page.getByRole('menu', { name: '导航菜单' }).getByRole('menuitem', { name: '指标监测' }).click();
    await expect.poll(() => page.getByRole('tab', { name: '指标目录' }).count()).toBe(1);
    await page.getByRole('button', { name: '排名预测' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/indicators/forecast');

    const ranks = page.getByRole('region', { name: '排名预测' }).getByRole('table');
    await expect.poll(() => ranks.getByRole('row').count()).toBe(13); // header + 12 leagues/cities
    const hohhot = ranks.getByRole('row').filter({ hasText: '呼和浩特市' });
    expect((await hohhot.getByRole('cell').first().innerText()).trim()).toBe('3');
    await expect.poll(() => page.getByText('本页含演示用虚构数据').count()).toBe(1);
    await expect.poll(() => page.getByText(/^第2名：需超过/).count()).toBe(1);
    await expect.poll(() => page.getByText(/^第1名：需超过/).count()).toBe(1);
    expect(await page.getByRole('region', { name: '差距分析：哪项改进最能提高总分' }).getByRole('table').getByRole('row').count()).toBe(11);
    expect(await page.getByRole('img', { name: '排名预测' }).locator('canvas').count()).toBe(1);
    await e.screenshot(page, 'indicators-forecast');
  });

  test('a liaison sees the catalogue but is refused the forecast', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'liaison');
    await page.goto('/indicators');
    await expect.poll(() => page.getByRole('tab', { name: '指标目录' }).count()).toBe(1);
    await expect.poll(() => page.getByText('二级指标（共87项）的名称尚未公布').count()).toBe(1);
    expect(await page.getByRole('button', { name: '排名预测' }).count()).toBe(0);
    await page.goto('/indicators/forecast');
    await expect.poll(() => page.getByText('无权访问').count()).toBe(1);
  });

  test('office staff see the catalogue with scored bounds and a KPI trend with its source', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'office');
    await page.goto('/indicators');
    await expect.poll(() => page.getByText('边界未核实').count()).toBeGreaterThan(0);
    await e.screenshot(page, 'indicators-catalogue');
    await page.getByRole('tab', { name: '数值与趋势' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '98%' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: '数值与趋势' }).locator('canvas').count()).toBe(1);
    await e.screenshot(page, 'indicators-values');
  });

  test(
    'office staff import values from Excel: template, a located ' + 'problem, a fixed file, preview, commit, new value in table and trend',
    async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.goto('/indicators');
      await page.getByRole('tab', { name: '数值与趋势' }).click();
      await expect.poll(() => page.getByRole('cell', { name: '98%' }).count()).toBe(1);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载导入模板/ }).click()]);
      const template = fs.readFileSync((await download.path())!);

      await page.getByRole('button', { name: /从 Excel 导入/ }).click();
      const dialog = page.getByRole('dialog', { name: '从 Excel 导入' });
      await upload(
        page,
        'values.xlsx',
        await fillTemplate(template, [
          ['KPI-GOV-ONLINE', '呼和浩特市', '2025', 99.5, '市政务服务局年报'],
          ['KPI-GOV-FULLY-ONLINE', '呼和浩特市', '2025', '八十', '市政务服务局年报'],
        ]),
      );
      const problems = dialog.getByRole('table', { name: '导入问题' });
      await expect.poll(() => problems.getByRole('row').count()).toBe(2); // header + the one bad cell
      const cells = await problems.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
      expect(cells.slice(0, 3)).toEqual(['数值', '3', 'D']);
      expect(cells[3]).toContain('不是数字');
      expect(await dialog.getByText('发现 1 处问题，未导入任何数据').count()).toBe(1);
      expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
      await e.screenshot(page, 'indicators-import-problem');

      await upload(
        page,
        'values-fixed.xlsx',
        await fillTemplate(template, [
          ['KPI-GOV-ONLINE', '呼和浩特市', '2025', 99.5, '市政务服务局年报'],
          ['KPI-GOV-FULLY-ONLINE', '呼和浩特市', '2025', 80, '市政务服务局年报'],
        ]),
      );
      await expect.poll(() => dialog.getByText(/检查通过：共 2 行，将新增 2 条、更新 0 条/).count()).toBe(1);
      expect(await dialog.getByRole('table', { name: '导入预览' }).getByRole('row').count()).toBe(3);
      await e.screenshot(page, 'indicators-import-preview');
      await dialog.getByRole('button', { name: '确认导入' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const values = page.getByRole('table', { name: '数值与趋势' });
      await expect.poll(() => values.getByRole('cell', { name: '99.5%' }).count()).toBe(1);
      const trend = page.getByRole('img', { name: '数值与趋势' });
      const summaryId = await trend.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${summaryId}"]`).textContent()).toContain('2025 数值 99.5');
      await e.screenshot(page, 'indicators-import-done');
    },
  );
});
