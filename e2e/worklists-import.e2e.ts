import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const SAMPLE = path.resolve('examples/worklist-sample.xlsx');
const LIST = '示例清单（浏览器测试）';
const button = (page: Page, name: RegExp) => page.getByRole('button', { name }).filter({ visible: true });
const overflow = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));

describeE2E('work lists: Excel import and export', (e) => {
  test('office previews the sample workbook, keeps the valid rows, finds an item and exports the filtered view', async () => {
    const office = await e.newPage();
    await e.loginAs(office, 'office');
    await office.goto('/worklists');
    await office.getByText('Excel 导入', { exact: true }).click();
    await office.getByText('从 Excel 导入清单').waitFor();

    await chooseOption(office, office, '清单类型', '重点任务');
    await office.getByRole('combobox', { name: '导入到清单' }).fill(LIST);
    await office.locator('input[type=file]').setInputFiles(SAMPLE);
    await button(office, /上传并预览/).click();

    // The preview: problems located by sheet, row and column; the mapping; the parsed rows.
    const problems = office.locator('.ant-card').filter({ hasText: /^问题（\d+）/ });
    await problems.waitFor();
    const unknownUnit = problems.getByRole('row').filter({ hasText: '市数字经济局' });
    await expect.poll(() => unknownUnit.count()).toBeGreaterThan(0);
    expect((await unknownUnit.first().getByRole('cell').allInnerTexts()).slice(1, 3)).toEqual(['15', 'E']);
    await office.getByText('B · 指标领域').waitFor();
    await office.getByRole('cell', { name: '推广非接触式办税', exact: true }).waitFor();
    await expect.poll(() => button(office, /全部导入/).isDisabled()).toBe(true);
    await e.screenshot(office, 'worklists-import-preview');

    await button(office, /仅导入无误的行/).click();
    await office.getByText('导入完成').waitFor();
    await office.getByText(/新增 10 项，更新 0 项，跳过 4 行/).waitFor();
    await e.screenshot(office, 'worklists-import-done');

    // The result links to the list; narrow it by keyword and export exactly that view.
    await button(office, /查看该清单/).click();
    await office.getByLabel('关键词').fill('非接触式办税');
    await button(office, /查\s*询/).click();
    await expect.poll(() => office.locator('.ant-table-row').count()).toBe(1);
    await office.locator('.ant-table-row').getByText('推广非接触式办税').waitFor();
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: /导出 Excel/ }).click()]);
    const file = path.join(e.ctx.config.dataDir, 'export.xlsx');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const texts = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([LIST]);
    expect(texts).toContain('推广非接触式办税');
    expect(texts.some((t) => t.includes('推进企业开办全程网办'))).toBe(false);
    await e.screenshot(office, 'worklists-import-filtered');
  }, 180_000);

  test('list management shows the refused delete, and the import page fits a phone', async () => {
    const office = await e.newPage();
    await e.loginAs(office, 'office');
    await office.goto('/worklists/lists');
    const row = office.getByRole('row').filter({ hasText: '重点任务' }).first();
    await row.getByRole('button', { name: /删\s*除/ }).click();
    await button(office, /确\s*定|OK/).click();
    await office.getByText('清单中仍有事项，不能删除').waitFor();
    await office.getByText('清单中有 382 个事项').waitFor();
    await e.screenshot(office, 'worklists-lists');

    // An empty list is created, renamed and deleted.
    await button(office, /新建清单/).click();
    const dialog = office.getByRole('dialog', { name: '新建清单' });
    await chooseOption(office, dialog, '清单类型', '问题清单');
    await dialog.getByLabel('名称').fill('空清单（浏览器测试）');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const fresh = office.getByRole('row').filter({ hasText: '空清单（浏览器测试）' });
    await fresh.getByRole('button', { name: '重命名' }).click();
    await office.getByRole('dialog', { name: '重命名' }).getByLabel('名称').fill('空清单（已改名）');
    await office
      .getByRole('dialog', { name: '重命名' })
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const renamed = office.getByRole('row').filter({ hasText: '空清单（已改名）' });
    await renamed.getByRole('button', { name: /删\s*除/ }).click();
    await button(office, /确\s*定|OK/).click();
    await expect.poll(() => renamed.count()).toBe(0);

    await office.goto('/worklists/import');
    await office.getByRole('button', { name: 'English' }).click();
    await office.getByText('Import a list from Excel').waitFor();
    await e.screenshot(office, 'worklists-import-en');
    // The choice is kept on the account: back to Chinese for the next login.
    await office.getByRole('button', { name: '中文' }).click();
    await office.getByText('从 Excel 导入清单').waitFor();

    const phone = await e.newPage({ viewport: PHONE });
    await e.loginAs(phone, 'office');
    await phone.goto('/worklists/import');
    await phone.getByText('从 Excel 导入清单').waitFor();
    await phone.getByRole('combobox', { name: '导入到清单' }).fill('手机导入清单');
    // A file that is no workbook: the server's coded error is shown on the page, nothing else happens.
    await phone
      .locator('input[type=file]')
      .setInputFiles({ name: '清单.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
    await button(phone, /上传并预览/).click();
    await phone.getByText(/导入失败：文件不是可读取的 Excel 工作簿/).waitFor();
    await phone.locator('input[type=file]').setInputFiles(SAMPLE);
    await button(phone, /上传并预览/).click();
    await phone.getByText(/^问题（\d+）/).waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await e.screenshot(phone, 'worklists-import-phone');
  }, 120_000);
});
