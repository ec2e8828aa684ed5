import fs from 'node:fs';
import { expect, test } from 'vitest';
import { SYSTEM_ACTOR } from '../src/context.js';
import { draftBulletin } from '../src/modules/supervision/bulletin.service.js';
import { PHONE, describeE2E } from './fixture.js';

describeE2E('supervision', (e) => {
  test('the office edits a draft bulletin, publishes it and downloads the Word and PDF documents', async () => {
    const { bulletin } = await draftBulletin(e.ctx, SYSTEM_ACTOR, '2026-09');
    const page = await e.newPage();
    await e.loginAs(page, 'office');
    await page.goto('/supervision/bulletins');
    await page.getByRole('link', { name: bulletin.title }).click();
    await page.getByRole('heading', { name: bulletin.title }).waitFor();
    // The other modules' sections, frozen with the draft, each with its figures or one sentence.
    for (const key of ['finance', 'procurement', 'services']) await page.locator(`[data-section="${key}"]`).waitFor();
    expect(await page.locator('[data-section="services"]').innerText()).toContain('政务服务');
    const problems = page.getByLabel('存在的问题');
    await problems.fill('一是个别单位逾期事项整改不到位（浏览器测试）。');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    await e.screenshot(page, 'supervision-bulletin-draft');

    await page.getByRole('button', { name: /发\s*布/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已发布', { exact: true }).first().waitFor();
    // Published: the commentary can no longer be edited.
    await expect.poll(() => page.getByLabel('存在的问题').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /发\s*布/ }).count()).toBe(0);
    await e.screenshot(page, 'supervision-bulletin-published');

    const [docx] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('link', { name: '下载 Word' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(`${bulletin.title}.docx`);
    const bytes = fs.readFileSync((await docx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(50_000);
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('link', { name: '下载 PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`${bulletin.title}.pdf`);
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // Drawing four charts and printing a PDF on a busy 2-core machine takes a while.
  }, 300_000);

  test('the cockpit works on a wall screen and on a phone; the weekly red/black list is shown', async () => {
    for (const [name, viewport] of [
      ['wall', { width: 1920, height: 1080 }],
      ['phone', PHONE],
    ] as const) {
      const page = await e.newPage({ viewport });
      await e.loginAs(page, 'leader');
      await page.goto('/cockpit');
      await page.getByRole('img', { name: '各单位完成情况（牵头事项）' }).locator('canvas').first().waitFor();
      expect(await page.getByRole('img', { name: '周趋势' }).count()).toBe(1);
      // Nothing is wider than the screen.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await e.screenshot(page, `supervision-cockpit-${name}`);
    }
    const office = await e.newPage({ viewport: PHONE });
    await e.loginAs(office, 'office');
    await office.goto('/supervision/weekly');
    await office.getByText('红榜', { exact: true }).first().waitFor();
    await e.screenshot(office, 'supervision-weekly-phone');
    await office.goto('/supervision/meetings');
    await office.getByText('全市优化营商环境工作调度会（演示）').waitFor();
    await e.screenshot(office, 'supervision-meetings-phone');
  }, 180_000);
});
