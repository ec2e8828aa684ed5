import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Role } from '../src/common/roles.js';
import { SYSTEM_ACTOR } from '../src/context.js';
import { takeWeeklySnapshot } from '../src/modules/supervision/weekly.service.js';
import { PHONE, describeE2E, topNavLabels } from './fixture.js';

/**
 * The modules each demo role finds in the navigation (top level, Chinese labels, menu order): only
 * what the role may use and what is built — no entry for a module still to come (collusion
 * warning). A module with several pages shows them as a group under its label.
 */
const EXPECTED_NAV: Record<Role, string[]> = {
  admin: ['首页', '系统管理', '审计日志'],
  office: [
    '首页',
    '驾驶舱',
    '四表一单',
    '督查督办',
    '指标监测',
    '惠企政策',
    '企业诉求',
    '政务服务',
    '法治环境',
    '融资环境',
    '串通投标预警',
    '定时任务',
    '审计日志',
  ],
  leader: ['首页', '驾驶舱', '四表一单', '督查督办', '指标监测', '企业诉求', '政务服务', '法治环境', '融资环境', '串通投标预警'],
  unit_head: ['首页', '四表一单', '督查督办', '指标监测', '诉求工单', '法治环境', '串通投标线索', '本单位'],
  liaison: ['首页', '四表一单', '督查督办', '指标监测', '诉求工单', '法治环境', '串通投标线索', '本单位'],
  // The specialist hears complaints about enforcement: 法治环境 opens on them, nothing else of the module.
  specialist: ['首页', '惠企政策', '企业诉求', '法治环境'],
  // The policies module names its one entry for enterprises 我的政策; the enforcement module its 我的信用.
  enterprise: ['首页', '我的政策', '诉求工单', '我的信用', '融资环境'],
  bank: ['首页', '融资环境'],
};

/** The entries of each group a role sees, in order. */
const EXPECTED_GROUPS: Partial<Record<Role, Record<string, string[]>>> = {
  admin: { 系统管理: ['用户管理', '单位管理', '定时任务', '工作日历'] },
  office: { 惠企政策: ['政策库与规则', '匹配与兑现'], 企业诉求: ['诉求工单', '办理指标', '诉求设置'] },
  specialist: { 惠企政策: ['政策库与规则', '匹配与兑现'], 企业诉求: ['诉求工单', '办理指标'] },
};

/** Opens a group of the navigation menu and reads its entries. */
async function groupLabels(page: Page, group: string): Promise<string[]> {
  const submenu = page.getByRole('menu', { name: '导航菜单' }).locator(':scope > li.ant-menu-submenu', { hasText: group });
  await submenu.locator('.ant-menu-submenu-title').click();
  const items = submenu.locator('li.ant-menu-item');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim());
}

async function expectGroups(page: Page, role: Role): Promise<void> {
  for (const [group, entries] of Object.entries(EXPECTED_GROUPS[role] ?? {})) {
    expect(await groupLabels(page, group), group).toEqual(entries);
  }
}

const navLabels = (page: Page) => topNavLabels(page);

/** How far the page is wider than the screen (> 0 means a phone user must scroll sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeE2E(
  'navigation by role',
  (e) => {
    for (const role of Object.keys(EXPECTED_NAV) as Role[]) {
      test(`${role} logs in and sees the navigation of the role`, async () => {
        const page = await e.newPage();
        await e.loginAs(page, role);
        // A leader comes to read the cockpit, which is the leader's home; everyone else lands on the welcome page.
        if (role === 'leader') await expect.poll(() => new URL(page.url()).pathname).toBe('/cockpit');
        else await expect.poll(() => page.getByRole('heading', { level: 3 }).innerText()).toMatch(/^您好，/);
        expect(await navLabels(page)).toEqual(EXPECTED_NAV[role]);
        await expectGroups(page, role);
        await e.screenshot(page, `home-${role}`);
      });

      test(`${role} sees the same navigation on a 390 px phone`, async () => {
        const page = await e.newPage({ viewport: PHONE });
        await e.loginAs(page, role);
        await page.getByRole('button', { name: '导航菜单' }).click();
        expect(await navLabels(page)).toEqual(EXPECTED_NAV[role]);
        await expectGroups(page, role);
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await e.screenshot(page, `phone-nav-${role}`);
      });
    }

    test('the specialist follows matches through but is offered no bulk match, which only the office may start', async () => {
      for (const [role, buttons] of [
        ['specialist', 0],
        ['office', 1],
      ] as const) {
        const page = await e.newPage();
        await e.loginAs(page, role);
        await page.goto('/policies/match');
        await page.getByRole('tab').first().waitFor();
        expect(await page.getByRole('button', { name: '全量匹配' }).count(), role).toBe(buttons);
        expect(await page.getByRole('button', { name: '匹配变化部分' }).count(), role).toBe(buttons);
        if (role === 'specialist') await e.screenshot(page, 'specialist-match');
      }
    });

    test('the specialist finds only the complaints about enforcement under 法治环境, on a 390 px phone too', async () => {
      const page = await e.newPage({ viewport: PHONE });
      await e.loginAs(page, 'specialist');
      await page.getByRole('button', { name: '导航菜单' }).click();
      await page.getByRole('menuitem', { name: '法治环境' }).click();
      await page.getByRole('button', { name: '登记投诉' }).waitFor();
      expect((await page.getByRole('tab').allInnerTexts()).map((t) => t.trim())).toEqual(['涉企执法投诉']);
      await e.screenshot(page, 'phone-specialist-complaints');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      // A plan is not the specialist's to read: the page is refused, as its route is on the server.
      await page.goto('/enforcement/plans/1');
      await expect.poll(() => page.getByText('无权访问').count()).toBe(1);
    });

    test("a unit's people see their unit's place on the latest weekly red/black list", async () => {
      const page = await e.newPage({ viewport: PHONE });
      await e.loginAs(page, 'unit_head');
      await page.goto('/my-unit');
      const card = page.locator('.ant-card', { hasText: '本单位红黑榜位置' });
      await expect.poll(() => card.innerText()).toContain('暂无本单位的周督查排名');
      // The light seed has no items: the unit is listed in the snapshot but not ranked.
      await takeWeeklySnapshot(e.ctx, SYSTEM_ACTOR);
      await page.reload();
      await expect.poll(() => card.innerText()).toContain('本周无牵头事项，未参与排名');
      expect(await card.innerText()).toMatch(/周次\s*\d{4}-\d{2}-\d{2}/);
      await e.screenshot(page, 'phone-unit-head-position');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });

    test('every menu entry leads to a working page, never a placeholder', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      const menu = page.getByRole('menu', { name: '导航菜单' });
      const main = page.getByRole('main');
      await menu.waitFor();
      const items = menu.locator('li.ant-menu-item');
      const entries = (await items.allInnerTexts()).map((s) => s.trim());
      expect(entries.length).toBeGreaterThan(5);
      for (const [i, entry] of entries.entries()) {
        await items.nth(i).click();
        // The entry turns selected in the same render that swaps the page below it.
        await expect.poll(() => items.nth(i).getAttribute('class')).toContain('ant-menu-item-selected');
        await expect.poll(() => main.innerText(), { message: entry }).not.toBe('');
        const text = await main.innerText();
        expect(text, entry).not.toMatch(/页面不存在|无权访问|功能尚未开放/);
      }
    });

    test('a page outside the role is refused, not shown', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'enterprise');
      await page.goto('/admin/users');
      await expect.poll(() => page.getByText('无权访问').count()).toBe(1);
      expect(await page.getByRole('table').count()).toBe(0);
    });

    test('a liaison works on a 390×844 phone: drawer navigation, own unit, no sideways scrolling', async () => {
      const page = await e.newPage({ viewport: PHONE });
      await e.loginAs(page, 'liaison');
      await page.getByRole('heading', { name: /^您好，/ }).waitFor();
      // The side bar is replaced by a drawer on a phone.
      expect(await page.getByRole('menu', { name: '导航菜单' }).count()).toBe(0);
      await e.screenshot(page, 'phone-liaison-home');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: '导航菜单' }).click();
      expect(await navLabels(page)).toEqual(EXPECTED_NAV.liaison);
      await e.screenshot(page, 'phone-liaison-drawer');
      await page.getByRole('menuitem', { name: '本单位' }).click();
      await expect.poll(() => page.getByText('呼和浩特市行政审批和政务服务局').count()).toBeGreaterThan(0);
      await e.screenshot(page, 'phone-liaison-my-unit');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: '单位联络员（演示）' }).click();
      await page.getByRole('menuitem', { name: '个人设置' }).click();
      await page.getByRole('button', { name: '修改密码' }).waitFor();
      await e.screenshot(page, 'phone-liaison-profile');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });

    test('logging out returns to the login page and the session is gone', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.getByRole('button', { name: '专班工作人员（演示）' }).click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
      await page.goto('/audit');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    });
  },
  { seed: 'light' },
);
