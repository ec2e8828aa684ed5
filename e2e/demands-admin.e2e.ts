import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const TAX_UNIT = '国家税务总局呼和浩特市税务局';
const button = (page: Page, name: RegExp) => page.getByRole('button', { name }).filter({ visible: true });
const noSideScroll = async (page: Page) =>
  expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(0);

describeE2E(
  'demand desk settings',
  (e) => {
    test(
      'the office re-routes a subject and the next ticket goes to the new unit; ' +
        'an answer it adds to the knowledge base, linked to a service, is found by the seat, then edited and removed; ' +
        'a window gets a rating code',
      async () => {
        const office = await e.newPage();
        await e.loginAs(office, 'office');
        await office.goto('/demands/settings');
        await office.getByRole('tab', { name: '派单规则' }).waitFor();
        await button(office, /^修改规则 开办企业$/)
          .first()
          .click();
        const dialog = office.getByRole('dialog', { name: '修改规则' });
        await chooseOption(office, dialog, '承办单位', TAX_UNIT, '税务局');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await office.getByRole('row').filter({ hasText: '开办企业' }).filter({ hasText: TAX_UNIT }).first().waitFor();
        await e.screenshot(office, 'demands-settings-routes');

        // A new ticket on the subject follows the edited rule.
        await office.goto('/demands');
        const intake = office.locator('.ant-card').filter({ hasText: '受理诉求' }).first();
        await chooseOption(office, intake, '诉求类型', '求助');
        await chooseOption(office, intake, '业务事项', '开办企业');
        await intake.getByLabel('诉求内容').fill('新办企业税控设备领用流程（规则改派测试）');
        await button(office, /^提\s*交$/).click();
        await expect.poll(() => new URL(office.url()).pathname).toMatch(/^\/demands\/\d+$/);
        await office.locator('.ant-descriptions').getByText(TAX_UNIT).first().waitFor();

        // An answer added to the knowledge base…
        await office.goto('/demands/settings?tab=knowledge');
        await button(office, /^新增答复$/).click();
        const add = office.getByRole('dialog', { name: '新增答复' });
        await add.getByLabel('问题').fill('跨区迁移需要注销原税务登记吗？（测试）');
        await add.getByLabel('答复', { exact: true }).fill('市内跨区迁移无需注销，在电子税务局办理迁移即可（测试数据）。');
        await add.getByLabel('关键词（空格分隔）').fill('迁移 跨区');
        await chooseOption(office, add, '关联政务服务事项', '企业设立登记（SL-SC-001）', '企业设立');
        await add.getByRole('button', { name: /保\s*存/ }).click();
        await add.waitFor({ state: 'hidden' });
        await office.getByText('跨区迁移需要注销原税务登记吗？（测试）').waitFor();

        // …is what the seat finds while the caller is on the line.
        const seat = await e.newPage();
        await e.loginAs(seat, 'specialist');
        await seat.goto('/demands');
        await seat.getByRole('searchbox', { name: '知识库' }).fill('跨区 迁移');
        await seat.getByRole('searchbox', { name: '知识库' }).press('Enter');
        await seat.getByText('市内跨区迁移无需注销，在电子税务局办理迁移即可（测试数据）。').waitFor();
        // The answer names its service, with a link to the service's public guide.
        const guide = seat.getByRole('link', { name: '办事指南：企业设立登记' });
        expect(await guide.getAttribute('href')).toBe('/guide/services/SL-SC-001');

        // The office corrects the answer, then removes it.
        const item = office.locator('.ant-list-item').filter({ hasText: '跨区迁移需要注销原税务登记吗？（测试）' });
        await item.getByRole('button', { name: '修改答复' }).click();
        const change = office.getByRole('dialog', { name: '修改答复' });
        await change.getByLabel('答复', { exact: true }).fill('市内跨区迁移无需注销（已修改，测试数据）。');
        await change.getByRole('button', { name: /保\s*存/ }).click();
        await change.waitFor({ state: 'hidden' });
        await office.getByText('市内跨区迁移无需注销（已修改，测试数据）。').waitFor();
        await e.screenshot(office, 'demands-settings-knowledge');
        await item.getByRole('button', { name: /^删\s*除$/ }).click();
        await button(office, /^(确\s*定|OK)$/).click();
        await item.waitFor({ state: 'detached' });

        // A window's rating code, shown with its link; deactivated, it leaves the list of codes in use.
        await office.goto('/demands/settings?tab=codes');
        await button(office, /^新增评价码$/).click();
        const code = office.getByRole('dialog', { name: '新增评价码' });
        await code.getByLabel('名称').fill('综合窗口 8 号（测试）');
        await chooseOption(office, code, '承办单位', TAX_UNIT, '税务局');
        await code.getByRole('button', { name: /保\s*存/ }).click();
        const shown = office.getByRole('dialog', { name: '综合窗口 8 号（测试）' });
        await shown.getByText('/public/rate?point=W').waitFor();
        await e.screenshot(office, 'demands-settings-rating-code');
        await shown.getByRole('button', { name: /关\s*闭/ }).click();
        const row = office.getByRole('row').filter({ hasText: '综合窗口 8 号（测试）' });
        await row.getByRole('button', { name: /^停\s*用$/ }).click();
        await button(office, /^(确\s*定|OK)$/).click();
        await row.getByText('已停用').waitFor();

        const phone = await e.newPage({ viewport: PHONE });
        await e.loginAs(phone, 'office');
        for (const tab of ['routes', 'deadlines', 'knowledge', 'codes']) {
          await phone.goto(`/demands/settings?tab=${tab}`);
          await phone.getByRole('heading', { name: '诉求设置' }).waitFor();
          await phone.getByRole('tabpanel').first().waitFor();
          await noSideScroll(phone);
          await e.screenshot(phone, `demands-settings-${tab}-phone`);
        }
      },
      240_000,
    );
  },
  { seed: 'light' },
);
