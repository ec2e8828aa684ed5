import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SYSTEM_ACTOR } from '../src/context.js';
import { DEMO_UNIT } from '../src/modules/org/seed.js';
import { loadUnitResolver } from '../src/modules/org/units.service.js';
import { createItem, createWorklist } from '../src/modules/worklists/worklists.service.js';
import { PHONE, describeE2E } from './fixture.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const statusTag = (page: Page, text: string) => page.locator('.ant-card-head').getByText(text, { exact: true });
const button = (page: Page, name: RegExp) => page.getByRole('button', { name }).filter({ visible: true });

describeE2E('work lists', (e) => {
  test(
    'liaison reports with evidence → unit head approves → office returns ' +
      '→ liaison fixes → office closes; the timeline shows every step',
    async () => {
      const unitId = (await loadUnitResolver(e.ctx.db)).resolve(DEMO_UNIT)!.id;
      const list = await createWorklist(e.ctx, SYSTEM_ACTOR, { name: '浏览器测试清单', kind: 'task' });
      const item = await createItem(e.ctx, SYSTEM_ACTOR, {
        listId: list.id,
        code: 'E1',
        content: '推进企业开办全程网办（浏览器测试）',
        leadUnitIds: [unitId],
        deadline: '2026-12-31',
      });
      const url = `/worklists/items/${item.id}`;

      const liaison = await e.newPage({ viewport: PHONE });
      await e.loginAs(liaison, 'liaison');
      await liaison.goto(url);
      await button(liaison, /报送进展/).click();
      const dialog = liaison.getByRole('dialog', { name: '报送进展' });
      await dialog.getByLabel('进展情况').fill('系统改造完成，企业开办实现全程网办');
      await dialog.getByLabel('进度').fill('100');
      await dialog.locator('input[type=file]').setInputFiles({ name: '办件统计.pdf', mimeType: 'application/pdf', buffer: PDF });
      await dialog.getByText('办件统计.pdf').waitFor();
      await e.screenshot(liaison, 'worklists-report-phone');
      await button(liaison, /提\s*交/).click();
      await statusTag(liaison, '待单位审核').waitFor();

      const head = await e.newPage();
      await e.loginAs(head, 'unit_head');
      await head.goto(url);
      await button(head, /审核通过/).click();
      await statusTag(head, '办公室审核中').waitFor();

      const office = await e.newPage();
      await e.loginAs(office, 'office');
      await office.goto(url);
      await button(office, /^退\s*回$/).click();
      await office.getByRole('dialog').getByLabel('理由').fill('缺少办件量统计，请补充');
      await button(office, /确\s*定|OK/).click();
      await statusTag(office, '已退回').waitFor();

      await liaison.reload();
      await liaison.getByText('缺少办件量统计，请补充').first().waitFor();
      await button(liaison, /报送进展/).click();
      const again = liaison.getByRole('dialog', { name: '报送进展' });
      await again.getByLabel('进展情况').fill('已补充办件量统计：本月办件 230 件');
      await again.getByLabel('进度').fill('100');
      await button(liaison, /提\s*交/).click();
      await statusTag(liaison, '待单位审核').waitFor();

      await head.reload();
      await button(head, /审核通过/).click();
      await statusTag(head, '办公室审核中').waitFor();

      await office.reload();
      await button(office, /采纳并销号/).click();
      await statusTag(office, '已销号').waitFor();

      const steps = await office.locator('[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event')));
      expect(steps).toEqual([
        'created',
        'evidence_added',
        'reported',
        'head_approved',
        'returned',
        'reported',
        'head_approved',
        'accepted',
        'closed',
      ]);
      expect(await office.getByText('办件统计.pdf').count()).toBeGreaterThan(0);
      await e.screenshot(office, 'worklists-item-closed');
      // Three people, nine steps, each a page load on a shared 2-core machine: more than the default minute.
    },
    240_000,
  );

  test('the liaison’s to-do fits a phone screen and the case board shows every stage', async () => {
    const page = await e.newPage({ viewport: PHONE });
    await e.loginAs(page, 'liaison');
    await page.goto('/worklists/todo');
    await page.getByText('待报送').first().waitFor();
    // A string expression: the browser globals are not in the Node typings of this folder.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(0);
    await e.screenshot(page, 'worklists-todo-phone');

    const office = await e.newPage();
    await e.loginAs(office, 'office');
    await office.goto('/worklists/cases');
    for (const stage of ['申报', '培育', '入选', '推广']) await office.getByText(new RegExp(`^${stage}（\\d+）$`)).waitFor();
    await e.screenshot(office, 'worklists-case-board');
    await office.goto('/worklists');
    await office.getByLabel('关键词').fill('企业开办');
    await button(office, /查\s*询/).click();
    await expect.poll(() => office.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await e.screenshot(office, 'worklists-items');
  }, 120_000);
});
