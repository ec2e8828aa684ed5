import { expect, test } from 'vitest';
import { notify } from '../src/modules/notifications/notifications.service.js';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

describeE2E(
  'scheduled jobs, inbox and working-day calendar',
  (e) => {
    test('an admin sees last and next runs, runs a job now and sees it finish', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'admin');
      await page.goto('/admin/jobs');
      const schedules = page.getByRole('region', { name: '定时任务' });
      const row = schedules.getByRole('row').filter({ hasText: '到期提醒与督办升级' });
      // Every schedule is on by default, so each has a next run in China time.
      await expect.poll(() => row.innerText()).toMatch(/0 9 \* \* \*[\s\S]*\d{4}-\d{2}-\d{2} 09:00:00/);
      expect(await row.innerText()).toContain('从未执行');
      await e.screenshot(page, 'admin-jobs-schedules');

      await row.getByRole('button', { name: '立即运行 到期提醒与督办升级' }).click();
      await expect.poll(() => row.getByRole('status').innerText()).toContain('成功');
      // The schedule's last run turns into the run just made, with its status and duration.
      await expect.poll(() => row.innerText()).not.toContain('从未执行');
      await expect.poll(() => row.innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s*成功\s*\d+\.\d s/);
      const runs = page.locator('.ant-card').filter({ hasText: '最近执行记录' });
      await expect
        .poll(() => runs.getByRole('row').filter({ hasText: '到期提醒与督办升级' }).first().innerText())
        .toMatch(/成功[\s\S]*手动/);

      // A wrong cron expression is refused by the server, with its reason under the field.
      await page.getByRole('button', { name: '修改执行时间 周督查快照' }).click();
      const dialog = page.getByRole('dialog', { name: /修改执行时间/ });
      await dialog.getByLabel('执行时间（cron）').fill('0 8 * * 9 9 9');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => dialog.getByText(/无效的 cron 表达式/).count()).toBe(1);
      await e.screenshot(page, 'admin-jobs-cron-error');
      await dialog.getByLabel('执行时间（cron）').fill('30 7 * * 1');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const weekly = schedules.getByRole('row').filter({ hasText: '周督查快照' });
      await expect.poll(() => weekly.innerText()).toMatch(/30 7 \* \* 1[\s\S]*07:30:00/);

      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'office');
      await phone.goto('/admin/jobs');
      await phone.getByRole('row').filter({ hasText: '月通报草稿' }).waitFor();
      // The office may run jobs but not change their schedules.
      expect(await phone.getByRole('button', { name: /^修改执行时间/ }).count()).toBe(0);
      await e.screenshot(phone, 'admin-jobs-phone');
      await phone.getByRole('button', { name: 'English' }).click();
      await phone.getByRole('button', { name: 'Run now Monthly bulletin draft' }).waitFor();
      await e.screenshot(phone, 'admin-jobs-phone-en');
    }, 120_000);

    test('a user sees the unread count in the header, opens the inbox and marks messages read', async () => {
      const liaison = await e.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'liaison').executeTakeFirstOrThrow();
      for (const title of ['督办提醒：事项 1 将于 3 个工作日后到期', '督办单：事项 2 已逾期']) {
        await notify(e.ctx, undefined, { userIds: [liaison.id], title, body: '请及时报送进展。', link: '/worklists' });
      }
      const page = await e.newPage();
      await e.loginAs(page, 'liaison');
      const bell = page.getByRole('button', { name: '我的消息（2 条未读）' });
      await bell.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/notifications');
      const first = page.getByRole('listitem', { name: '督办单：事项 2 已逾期' });
      await first.waitFor();
      await e.screenshot(page, 'inbox');
      await first.getByRole('button', { name: '标为已读' }).click();
      await page.getByRole('button', { name: '我的消息（1 条未读）' }).waitFor();
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await page.getByRole('button', { name: '我的消息（0 条未读）' }).waitFor();
      // The bell counts at once; the list follows when its reload comes back.
      await expect.poll(() => page.getByRole('button', { name: '标为已读', exact: true }).count()).toBe(0);

      // The e-mail for notifications is the user's own setting.
      await page.getByLabel('通知邮箱').fill('liaison@example.org');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(async () => (await page.request.get('/api/v1/notifications/contact')).json())
        .toEqual({ email: 'liaison@example.org', delivery: 'digest' });

      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'liaison');
      await phone.goto('/notifications');
      await phone.getByRole('listitem', { name: '督办单：事项 2 已逾期' }).waitFor();
      await e.screenshot(phone, 'inbox-phone');
    }, 120_000);

    test('an admin adds a swapped working day to the calendar and sees it listed beside the official days', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'admin');
      await page.goto('/admin/calendar');
      // The packaged State Council schedule is there, marked official.
      await chooseOption(page, page, '年份', '2026');
      await expect.poll(() => page.getByRole('row').filter({ hasText: '国庆节' }).first().innerText()).toContain('国务院安排（内置）');
      await e.screenshot(page, 'admin-calendar');

      await chooseOption(page, page, '年份', '2027');
      await page.getByText('2027 年尚无内置的国务院放假安排').waitFor();
      await page.getByRole('button', { name: '添加日期' }).click();
      const dialog = page.getByRole('dialog', { name: '添加日期' });
      await dialog.getByLabel('日期').fill('2027-02-20');
      await chooseOption(page, dialog, '类型', '调休上班');
      await dialog.getByLabel('名称').fill('春节调休');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: '2027-02-20' });
      await expect.poll(() => row.innerText()).toMatch(/周六[\s\S]*调休上班[\s\S]*春节调休[\s\S]*管理员添加/);
      await e.screenshot(page, 'admin-calendar-added');
    }, 120_000);

    test("an admin imports next year's schedule; a file with a bad row is refused with the row named", async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'admin');
      await page.goto('/admin/calendar');
      await chooseOption(page, page, '年份', '2027');
      await page.getByRole('button', { name: '导入放假安排' }).click();
      const imp = page.getByRole('dialog', { name: '导入放假安排' });
      await imp.getByLabel('文件内容').fill('date,type,name\n2027-02-06,休,春节\n2027-02-30,休,春节');
      await imp.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => imp.getByRole('alert').filter({ hasText: '文件有误' }).innerText()).toContain('第 3 行 date');
      await e.screenshot(page, 'admin-calendar-import-error');
      await imp.getByLabel('文件内容').fill('date,type,name\n2027-02-06,休,春节');
      await imp.getByRole('button', { name: /确\s*定|OK/ }).click();
      await imp.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByRole('row').filter({ hasText: '2027-02-06' }).innerText()).toContain('放假');

      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'admin');
      await phone.goto('/admin/calendar');
      await chooseOption(phone, phone, '年份', '2027');
      await phone.getByRole('row').filter({ hasText: '2027-02-06' }).waitFor();
      await e.screenshot(phone, 'admin-calendar-phone');
    }, 120_000);
  },
  { seed: 'light' },
);
