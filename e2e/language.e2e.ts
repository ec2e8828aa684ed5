import { expect, test } from 'vitest';
import { describeE2E, topNavLabels } from './fixture.js';

describeE2E(
  'language',
  (e) => {
    test('the login page switches to English and keeps it after a reload', async () => {
      const page = await e.newPage();
      await page.goto('/login');
      // The login page loads lazily: wait for it rather than counting at once.
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      await page.reload();
      await page.getByLabel('Username').waitFor();
      await page.getByRole('heading', { name: 'Business Environment Platform' }).waitFor();
      await e.screenshot(page, 'login-en');
    });

    test('a logged-in user switches to English; it survives a reload and follows the account to another browser', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'specialist');
      await page.getByRole('heading', { name: /^您好，/ }).waitFor();
      await e.screenshot(page, 'login-zh-home');
      await page.getByRole('button', { name: 'English' }).click();
      await expect
        .poll(() => topNavLabels(page, 'Navigation'))
        .toEqual(['Home', 'Policies', 'Enterprise demands', 'Law-based environment']);
      await page.reload();
      await expect
        .poll(() => topNavLabels(page, 'Navigation'))
        .toEqual(['Home', 'Policies', 'Enterprise demands', 'Law-based environment']);
      await page.getByRole('heading', { name: /^Hello, / }).waitFor();
      await e.screenshot(page, 'home-en');

      // A fresh browser has no local choice: the account's saved language applies after login.
      const other = await e.newPage();
      await other.goto('/login');
      await other.getByRole('button', { name: '登录' }).waitFor();
      await e.loginAs(other, 'specialist');
      await other.getByRole('heading', { name: /^Hello, / }).waitFor();
      await other.getByRole('button', { name: '中文' }).click();
      await other.getByRole('heading', { name: /^您好，/ }).waitFor();
    });

    test('antd components follow the language: 条/页 in Chinese, / page in English', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.goto('/audit');
      await expect.poll(() => page.getByText(/\d+ 条\/页/).count()).toBe(1);
      await e.screenshot(page, 'audit-zh');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.getByText(/\d+ \/ page/).count()).toBe(1);
      expect(await page.getByText(/条\/页/).count()).toBe(0);
    });
  },
  { seed: 'light' },
);
