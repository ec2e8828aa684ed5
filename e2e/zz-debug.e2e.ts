import { test } from 'vitest';
import { describeE2E } from './fixture.js';

describeE2E('debug', (e) => {
  test('dump', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新增用户' });
    await dialog.waitFor();
    console.log(await dialog.ariaSnapshot());
    await page.goto('/admin/units');
    await page.waitForTimeout(1500);
    console.log((await page.locator('body').ariaSnapshot()).slice(0, 3000));
    await e.screenshot(page, 'debug-units');
  });
});
