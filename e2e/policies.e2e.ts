import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chooseOption, describeE2E } from './fixture.js';

const visible = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true });

describeE2E('policies (免申即享)', (e) => {
  test('office writes a rule, tests it on an example, runs the match and opens an enterprise’s "why not"', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'office');
    await page.goto('/policies');
    await page.getByRole('button', { name: '编辑规则 KJ-GXQY' }).click();
    const rule = page.getByLabel('资格规则');

    // A field that does not exist is reported with its line and column while typing.
    await rule.fill('has("高新技术企业")\nand turnover > 10');
    await expect.poll(() => visible(page, /第 2 行第 5 列.*turnover/).count()).toBe(1);
    await e.screenshot(page, 'policies-rule-error');

    await rule.fill('has("高新技术企业")\nand taxGrade in ["A", "B"]\nand county in ["赛罕区", "新城区"]');
    await visible(page, '规则有效').waitFor();
    await page.getByRole('button', { name: '在示例企业上测试' }).click();
    const rows = page.getByRole('row').filter({ hasText: '持证企业' });
    await expect.poll(() => rows.innerText()).toContain('通过');
    expect(await visible(page, '未通过').count()).toBe(0);
    await e.screenshot(page, 'policies-rule-examples');
    await page.getByRole('button', { name: '保存规则' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'KJ-GXQY' });
    await expect.poll(() => item.innerText()).toContain('待重新匹配');

    await page.goto('/policies/match');
    // The server rebuilds the changed rule's matches over the demo registry; a busy machine answers slowly.
    await page.getByRole('button', { name: '匹配变化部分' }).click({ timeout: 90_000 });
    await expect.poll(() => page.getByRole('status', { name: '匹配进度' }).innerText(), { timeout: 120_000 }).toContain('匹配完成');
    await e.screenshot(page, 'policies-match-done');

    // The near misses: enterprises that fail exactly one condition.
    await chooseOption(page, page, '状态', '差一项');
    const why = page.getByRole('button', { name: /^为什么/ }).first();
    await why.waitFor();
    await why.click();
    const drawer = page.getByRole('dialog', { name: /为什么不符合/ });
    await drawer.waitFor();
    await expect.poll(() => drawer.getByLabel(/不满足$/).count()).toBeGreaterThan(0);
    expect(await drawer.innerText()).toContain('实际');
    await e.screenshot(page, 'policies-why-not');
  }, 240_000);

  test('the demo enterprise sees what it qualifies for and what it nearly qualifies for', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'enterprise');
    await page.goto('/policies/portal');
    await visible(page, '（演示）呼和浩特青城智造科技有限公司').first().waitFor();
    await visible(page, '高新技术企业认定奖励').first().waitFor();
    await expect.poll(() => visible(page, /未满足：/).count()).toBeGreaterThan(0);
    await e.screenshot(page, 'policies-portal');
  });
});
