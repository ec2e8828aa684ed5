import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chooseOption, describeE2E } from './fixture.js';

const visibleText = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true });

describeE2E(
  'administration',
  (e) => {
    test('an admin creates a user, who must change the initial password and then reaches the home page', async () => {
      const admin = await e.newPage();
      await e.loginAs(admin, 'admin');
      await admin.goto('/admin/users');
      await admin.getByRole('button', { name: '新增用户' }).click();
      const dialog = admin.getByRole('dialog', { name: '新增用户' });
      await dialog.getByLabel('用户名').fill('zhang.wei');
      await dialog.getByLabel('姓名').fill('张伟');
      await chooseOption(admin, dialog, '角色', '单位联络员');
      await chooseOption(admin, dialog, '所属单位', '呼和浩特市发展和改革委员会', '市发改委');
      await dialog.getByLabel('初始密码').fill('Temp-pass-2026');
      await e.screenshot(admin, 'admin-create-user');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = admin.getByRole('row').filter({ hasText: 'zhang.wei' });
      await expect.poll(() => row.innerText()).toContain('待改密码');
      expect(await row.innerText()).toContain('呼和浩特市发展和改革委员会');
      await e.screenshot(admin, 'admin-users');

      const user = await e.newPage();
      await e.loginAs(user, 'zhang.wei', 'Temp-pass-2026');
      await expect.poll(() => new URL(user.url()).pathname).toBe('/change-password');
      // Nothing else is reachable before the password is changed.
      await user.goto('/my-unit');
      await expect.poll(() => new URL(user.url()).pathname).toBe('/change-password');
      await user.getByLabel('当前密码').fill('Temp-pass-2026');
      await user.getByLabel('新密码', { exact: true }).fill('Mine-pass-2027');
      await user.getByLabel('再次输入新密码').fill('Mine-pass-2027');
      await e.screenshot(user, 'forced-password-change');
      await user.getByRole('button', { name: '修改密码' }).click();
      await user.getByRole('heading', { name: '您好，张伟' }).waitFor();
      expect(new URL(user.url()).pathname).toBe('/');
      expect(await visibleText(user, '所属单位：呼和浩特市发展和改革委员会').count()).toBe(1);
    });

    test('the users table paginates in Chinese (条/页) and a wrong field is shown next to the field', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'admin');
      await page.goto('/admin/users');
      await expect.poll(() => visibleText(page, /\d+ 条\/页/).count()).toBe(1);
      await page.getByRole('button', { name: '新增用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新增用户' });
      // A duplicate username passes the form's own rules; the server's located error lands under the field.
      await dialog.getByLabel('用户名').fill('office');
      await dialog.getByLabel('姓名').fill('重复的人');
      await chooseOption(page, dialog, '角色', '领导');
      await dialog.getByLabel('初始密码').fill('Temp-pass-2026');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => dialog.getByText('用户名“office”已存在').count()).toBe(1);
      await e.screenshot(page, 'admin-user-duplicate');
    });

    test('a locked account shows as locked until the admin unlocks it', async () => {
      const page = await e.newPage();
      // Wrong passwords until the server locks the account (its configured maximum of failures).
      for (let i = 0; i < e.ctx.config.loginMaxFailures; i++) {
        await page.request.post('/api/v1/auth/login', { data: { username: 'specialist', password: 'wrong-password-1' } });
      }
      const locked = await page.request.post('/api/v1/auth/login', { data: { username: 'specialist', password: e.demoPassword } });
      expect(locked.status()).toBe(401); // the same answer as a wrong password: nothing to enumerate

      await e.loginAs(page, 'admin');
      await page.goto('/admin/users');
      const row = page.getByRole('row').filter({ hasText: 'specialist' });
      await expect.poll(() => row.innerText()).toContain('已锁定');
      await row.getByRole('button', { name: '解锁' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
      await expect.poll(() => row.innerText()).not.toContain('已锁定');

      const again = await e.newPage();
      await e.loginAs(again, 'specialist');
      await again.getByRole('heading', { name: /^您好，/ }).waitFor();
    });

    test('units: tree by kind, add with aliases, duplicate name refused, rename, merge, a unit with users cannot be deleted', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'admin');
      await page.goto('/admin/units');
      await expect.poll(() => visibleText(page, /^旗县区（\d+）$/).count()).toBe(1);
      expect(await visibleText(page, /^市直部门（\d+）$/).count()).toBe(1);
      await e.screenshot(page, 'admin-units');

      await page.getByRole('button', { name: '新增单位' }).click();
      let dialog = page.getByRole('dialog', { name: '新增单位' });
      await dialog.getByLabel('单位名称').fill('呼和浩特市发展和改革委员会');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => dialog.getByText('已被其他单位使用').count()).toBe(1);
      await dialog.getByLabel('单位名称').fill('呼和浩特市演示测试局');
      const aliases = dialog.getByLabel('简称/别名');
      await aliases.fill('市演示局');
      await aliases.press('Enter');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const created = page.getByRole('row').filter({ hasText: '呼和浩特市演示测试局' });
      await expect.poll(() => created.innerText()).toContain('市演示局');

      await created.getByRole('button', { name: '编辑/更名' }).click();
      dialog = page.getByRole('dialog', { name: /编辑\/更名/ });
      await dialog.getByLabel('单位名称').fill('呼和浩特市演示改名局');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const renamed = page.getByRole('row').filter({ hasText: '呼和浩特市演示改名局' });
      // The old name stays as an alias so older lists still resolve.
      await expect.poll(() => renamed.innerText()).toContain('呼和浩特市演示测试局');

      // Merging: the unit leaves the active tree; with retired units shown it says where it went.
      await renamed.getByRole('button', { name: '合并' }).click();
      dialog = page.getByRole('dialog', { name: /合并/ });
      await chooseOption(page, dialog, '合并到', '呼和浩特市发展和改革委员会', '发改委');
      await dialog.getByRole('button', { name: '合并' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByRole('cell', { name: '呼和浩特市演示改名局', exact: true }).count()).toBe(0);
      // Its names now lead to the unit it joined.
      const target = page.getByRole('row').filter({ hasText: '呼和浩特市发展和改革委员会' }).first();
      await expect.poll(() => target.innerText()).toContain('呼和浩特市演示改名局');
      await page.getByRole('checkbox', { name: '显示已撤销单位' }).check();
      await expect
        .poll(() => page.getByRole('cell', { name: /^呼和浩特市演示改名局\s*已并入 呼和浩特市发展和改革委员会$/ }).count())
        .toBe(1);

      const busy = page.getByRole('row').filter({ hasText: '呼和浩特市行政审批和政务服务局' }).first();
      await busy.getByRole('button', { name: '删除' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
      await expect.poll(() => visibleText(page, /仍有 \d+ 个用户，不能删除；可改为撤销/).count()).toBe(1);
      await e.screenshot(page, 'admin-unit-in-use');
    });

    test('office reads the audit log, filters by action and sees a before/after diff', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      // A write of office's own to find in the log: a new display name.
      await page.goto('/profile');
      await page.getByLabel('姓名').fill('专班 王芳');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('button', { name: '专班 王芳' }).waitFor();

      await page.getByRole('menu', { name: '导航菜单' }).getByRole('menuitem', { name: '审计日志' }).click();
      // Actions read in the office's words (auth.login → 登录), the code stays the filter's value.
      await expect.poll(() => page.getByRole('row').filter({ hasText: '登录' }).count()).toBeGreaterThan(0);
      const action = page.getByRole('combobox', { name: '操作', exact: true });
      await action.fill('user.update_profile');
      await action.press('Enter');
      await action.blur();
      await expect.poll(() => page.getByRole('row').filter({ hasText: '登录' }).count()).toBe(0);
      const row = page.getByRole('row').filter({ hasText: '用户 · 修改个人设置' }).first();
      await row.getByRole('button', { name: /展开行|Expand row/ }).click();
      await expect.poll(() => visibleText(page, '专班工作人员（演示）').count()).toBeGreaterThan(0);
      expect(await visibleText(page, '专班 王芳').count()).toBeGreaterThan(0);
      expect(await visibleText(page, '修改前').count()).toBe(1);
      await e.screenshot(page, 'audit-diff');
    });
  },
  { seed: 'light' },
);
