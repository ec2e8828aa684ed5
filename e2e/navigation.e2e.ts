import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Role } from '../src/common/roles.js';
import { PHONE, describeE2E, topNavLabels } from './fixture.js';

/**
 * The modules each demo role finds in the navigation (top level, Chinese labels, menu order). A
 * module with several pages shows them as a group under its label; its own entries are its tests'.
 */
const EXPECTED_NAV: Record<Role, string[]> = {
  admin: ['首页', '系统管理', '审计日志'],
  office: ['首页', '驾驶舱', '四表一单', '督查督办', '指标监测', '惠企政策', '企业诉求', '串通投标预警', '定时任务', '审计日志'],
  leader: ['首页', '驾驶舱', '四表一单', '督查督办', '指标监测', '串通投标预警'],
  unit_head: ['首页', '四表一单', '督查督办', '指标监测', '本单位'],
  liaison: ['首页', '四表一单', '督查督办', '指标监测', '本单位'],
  specialist: ['首页', '惠企政策', '企业诉求'],
  // The policies module names its one entry for enterprises 我的政策.
  enterprise: ['首页', '我的政策', '企业诉求'],
};

const navLabels = (page: Page) => topNavLabels(page);

/** How far the page is wider than the screen (> 0 means a phone user must scroll sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeE2E('navigation by role', (e) => {
  for (const role of Object.keys(EXPECTED_NAV) as Role[]) {
    test(`${role} logs in and sees the navigation of the role`, async () => {
      const page = await e.newPage();
      await e.loginAs(page, role);
      // A leader comes to read the cockpit, which is the leader's home; everyone else lands on the welcome page.
      if (role === 'leader') await expect.poll(() => new URL(page.url()).pathname).toBe('/cockpit');
      else await expect.poll(() => page.getByRole('heading', { level: 3 }).innerText()).toMatch(/^您好，/);
      expect(await navLabels(page)).toEqual(EXPECTED_NAV[role]);
      if (role === 'admin') {
        const menu = page.getByRole('menu', { name: '导航菜单' });
        for (const entry of ['用户管理', '单位管理']) expect(await menu.getByRole('menuitem', { name: entry }).count()).toBe(1);
      }
      await e.screenshot(page, `home-${role}`);
    });
  }

  test('every menu entry leads to a page: the module itself, or a plain "not available yet"', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'office');
    const menu = page.getByRole('menu', { name: '导航菜单' });
    const main = page.getByRole('main');
    await menu.waitFor();
    const items = menu.locator('li.ant-menu-item');
    const entries = (await items.allInnerTexts()).map((s) => s.trim());
    expect(entries.length).toBeGreaterThan(8);
    let placeholders = 0;
    for (const [i, entry] of entries.entries()) {
      await items.nth(i).click();
      // The entry turns selected in the same render that swaps the page below it.
      await expect.poll(() => items.nth(i).getAttribute('class')).toContain('ant-menu-item-selected');
      await expect.poll(() => main.innerText(), { message: entry }).not.toBe('');
      const text = await main.innerText();
      expect(text, entry).not.toMatch(/页面不存在|无权访问/);
      if (text.includes('功能尚未开放')) {
        expect(text, entry).toContain(`“${entry}”功能尚未开放`);
        if (placeholders++ === 0) await e.screenshot(page, 'not-available');
      }
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
}, { seed: 'light' });
