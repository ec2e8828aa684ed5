import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SYSTEM_ACTOR } from '../src/context.js';
import { notify } from '../src/modules/notifications/notifications.service.js';
import { DEMO_UNIT } from '../src/modules/org/seed.js';
import { loadUnitResolver } from '../src/modules/org/units.service.js';
import { createItem, createWorklist } from '../src/modules/worklists/worklists.service.js';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const button = (page: Page, name: RegExp) => page.getByRole('button', { name }).filter({ visible: true });
const bell = (page: Page, unread: number) => page.getByRole('button', { name: `我的消息（${unread} 条未读）` });

describeE2E(
  'notifications',
  (e) => {
    test('the liaison reports → the unit head finds the message in the inbox and opens the item from it (desktop and phone)', async () => {
      const unitId = (await loadUnitResolver(e.ctx.db)).resolve(DEMO_UNIT)!.id;
      const list = await createWorklist(e.ctx, SYSTEM_ACTOR, { name: '通知测试清单', kind: 'task' });
      const item = await createItem(e.ctx, SYSTEM_ACTOR, {
        listId: list.id,
        code: 'N1',
        content: '推进不动产登记一网通办（通知测试）',
        leadUnitIds: [unitId],
        deadline: '2026-12-31',
      });
      const url = `/worklists/items/${item.id}`;

      const liaison = await e.newPage();
      await e.loginAs(liaison, 'liaison');
      // The liaison was told of the new item.
      await bell(liaison, 1).waitFor();
      await liaison.goto(url);
      await button(liaison, /报送进展/).click();
      const dialog = liaison.getByRole('dialog', { name: '报送进展' });
      await dialog.getByLabel('进展情况').fill('已完成系统对接，不动产登记实现全程网办');
      await dialog.getByLabel('进度').fill('100');
      await button(liaison, /提\s*交/).click();
      await liaison.locator('.ant-card-head').getByText('待单位审核', { exact: true }).waitFor();

      const head = await e.newPage();
      await e.loginAs(head, 'unit_head');
      await bell(head, 1).click();
      await expect.poll(() => new URL(head.url()).pathname).toBe('/notifications');
      const message = head.getByRole('listitem', { name: '待审核报送：N1' });
      await message.waitFor();
      expect(await message.innerText()).toContain('待单位审核');
      expect(await message.innerText()).toContain('完成 100%');
      await e.screenshot(head, 'notifications-head-inbox');
      await message.getByRole('button', { name: '查看' }).click();
      await expect.poll(() => new URL(head.url()).pathname).toBe(url);
      await button(head, /审核通过/).waitFor();
      await bell(head, 0).waitFor();
      await e.screenshot(head, 'notifications-head-item');

      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'unit_head');
      await phone.goto('/notifications');
      const onPhone = phone.getByRole('listitem', { name: '待审核报送：N1' });
      await onPhone.waitFor();
      expect(Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'notifications-head-inbox-phone');
      await onPhone.getByRole('button', { name: '查看' }).click();
      await expect.poll(() => new URL(phone.url()).pathname).toBe(url);
      await button(phone, /审核通过/).waitFor();
      await e.screenshot(phone, 'notifications-head-item-phone');
    }, 240_000);

    test(
      'the office filters its inbox by kind, marks the selected and ' + 'then the whole kind read; the 99+ badge covers nothing at 390 px',
      async () => {
        for (let i = 1; i <= 120; i++)
          await notify(e.ctx, undefined, {
            roles: ['office'],
            kind: 'overdue',
            title: `事项逾期：T${i}`,
            body: '已超过完成时限。',
            link: '/worklists?overdue=true',
          });
        for (const code of ['R1', 'R2', 'R3'])
          await notify(e.ctx, undefined, {
            roles: ['office'],
            kind: 'awaiting_review',
            title: `待审核：${code} 进展报送`,
            body: '请审核。',
            link: '/worklists',
          });

        const phone = await e.newPage({ viewport: PHONE });
        await e.loginAs(phone, 'office');
        const header = bell(phone, 123);
        await header.waitFor();
        // The badge stays clear of the language switch beside the bell (measured once its zoom-in has finished).
        await e.screenshot(phone, 'notifications-bell-phone');
        const badge = await header.locator('.ant-badge-count').boundingBox();
        const lang = await phone.getByRole('button', { name: /English/ }).boundingBox();
        expect(badge && lang).toBeTruthy();
        expect(badge!.x + badge!.width).toBeLessThanOrEqual(lang!.x);
        expect(badge!.y).toBeGreaterThanOrEqual(0);

        await phone.goto('/notifications');
        await chooseOption(phone, phone, '消息类型', '待办公室审核（3）');
        await phone.getByRole('listitem', { name: '待审核：R1 进展报送' }).waitFor();
        await expect.poll(() => phone.getByRole('listitem').filter({ hasText: '事项逾期' }).count()).toBe(0);
        await phone.getByRole('checkbox', { name: '选择 待审核：R3 进展报送' }).check();
        await phone.getByRole('checkbox', { name: '选择 待审核：R2 进展报送' }).check();
        await e.screenshot(phone, 'notifications-filter-phone');
        await button(phone, /所选标为已读（2）/).click();
        await bell(phone, 121).waitFor();
        await button(phone, /本类全部标为已读/).click();
        await bell(phone, 120).waitFor();

        const desktop = await e.newPage();
        await e.loginAs(desktop, 'office');
        await desktop.goto('/notifications');
        await chooseOption(desktop, desktop, '消息类型', '逾期（120）');
        await desktop.getByRole('listitem', { name: '事项逾期：T120' }).waitFor();
        await e.screenshot(desktop, 'notifications-filter');
        await button(desktop, /本类全部标为已读/).click();
        await bell(desktop, 0).waitFor();
        // An overdue message opens the item list already filtered to overdue items.
        const listed = desktop.waitForRequest((r) => r.url().includes('/api/v1/items?') && r.url().includes('overdue=true'));
        await desktop.getByRole('listitem', { name: '事项逾期：T120' }).getByRole('button', { name: '查看' }).click();
        await listed;
        expect(new URL(desktop.url()).search).toBe('?overdue=true');
      },
      240_000,
    );
  },
  { seed: 'light' },
);
