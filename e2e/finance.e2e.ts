import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const PURPOSE = '扩建冷链仓库（浏览器测试）';

describeE2E('finance (融资环境)', (e) => {
  const dialog = (page: Page) => page.getByRole('dialog');
  const ok = async (page: Page) => {
    await dialog(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await dialog(page).waitFor({ state: 'hidden' });
  };

  test(
    'an enterprise files a need on a phone; the office publishes it to two ' +
      'banks; one bank offers, grants and lands; the event and project totals move',
    async () => {
      // The enterprise, on a phone.
      const ent = await e.newPage({ viewport: PHONE });
      await e.loginAs(ent, 'enterprise');
      await ent.goto('/finance');
      await ent.getByRole('button', { name: '填报融资需求' }).click();
      await dialog(ent).getByLabel('需求金额（元）').fill('2000000.505');
      await dialog(ent).getByLabel('期限（月）').fill('24');
      await dialog(ent).getByLabel('用途').fill(PURPOSE);
      await dialog(ent).getByLabel('担保方式').fill('仓库抵押');
      await dialog(ent)
        .getByRole('button', { name: /保\s*存/ })
        .click();
      // three decimals are refused where they were typed
      await dialog(ent).getByText('请输入金额，最多两位小数').waitFor();
      await dialog(ent).getByLabel('需求金额（元）').fill('2000000.50');
      await ok(ent);
      // a phone shows the enterprise and the amount; the rest opens below the row
      await ent.getByText('2,000,000.50 元').first().waitFor();
      await e.screenshot(ent, 'finance-enterprise-phone');

      // The office publishes it to both banks under a major project, and records a matchmaking event presenting it.
      const office = await e.newPage();
      await e.loginAs(office, 'office');
      await office.goto('/finance');
      await office.getByRole('button', { name: `推送银行 ${PURPOSE}` }).click();
      await dialog(office).getByLabel('示例银行甲分行（演示）').check();
      await dialog(office).getByLabel('示例银行乙分行（演示）').check();
      await chooseOption(office, dialog(office), '重大项目', '示例重大项目：新能源装备产业园（演示）');
      await ok(office);
      await office.getByRole('button', { name: `登记授信 示例银行甲分行（演示） ${PURPOSE}` }).waitFor({ state: 'detached' });
      const totals = office.getByLabel('重大项目授信合计');
      await office.goto('/finance?tab=projects');
      await expect.poll(() => totals.innerText()).toContain('授信 0.00 元，已放款 0.00 元');
      await office.goto('/finance?tab=events');
      await office.getByRole('button', { name: '登记对接会' }).click();
      await dialog(office).getByLabel('名称').fill('冷链物流专场政金企对接会');
      await chooseOption(office, dialog(office), '推介需求', `（演示）呼和浩特青城智造科技有限公司 · ${PURPOSE} · 2,000,000.50 元`);
      // a multiple select stays open: clicking elsewhere in the form closes it
      await dialog(office).getByLabel('名称').click();
      await office.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await ok(office);
      const eventRow = office.getByRole('row').filter({ hasText: '冷链物流专场政金企对接会' });
      await expect.poll(() => eventRow.innerText()).toContain('授信 0.00 元');

      // The first bank offers, grants and lands; it sees only its own publication.
      const bank = await e.newPage();
      await e.loginAs(bank, 'bank');
      await bank.goto('/finance');
      await bank.getByText('仅显示推送给本行的需求及本行的回应。').waitFor();
      expect(await bank.getByText('示例银行乙分行（演示）').count()).toBe(0);
      await bank.getByRole('button', { name: `回应 示例银行甲分行（演示） ${PURPOSE}` }).click();
      await dialog(bank).getByLabel('方案金额（元）').fill('2000000');
      await ok(bank);
      await bank.getByRole('button', { name: `登记授信 示例银行甲分行（演示） ${PURPOSE}` }).click();
      await dialog(bank).getByLabel('授信金额（元）').fill('2000000');
      await ok(bank);
      await bank.getByRole('button', { name: `登记放款 示例银行甲分行（演示） ${PURPOSE}` }).click();
      // more than the credit is refused with the server's message
      await dialog(bank).getByLabel('放款金额（元）').fill('2000000.01');
      await dialog(bank)
        .getByRole('button', { name: /保\s*存/ })
        .click();
      await bank
        .getByText(/超过授信金额/)
        .first()
        .waitFor();
      await dialog(bank).getByLabel('放款金额（元）').fill('1500000');
      await ok(bank);
      await bank.getByText('放款 1,500,000.00 元', { exact: false }).first().waitFor();
      await e.screenshot(bank, 'finance-bank');

      // The event's and the project's totals moved.
      await office.goto('/finance?tab=events');
      await expect.poll(() => eventRow.innerText()).toContain('授信 2,000,000.00 元');
      expect(await eventRow.innerText()).toContain('放款 1,500,000.00 元');
      await e.screenshot(office, 'finance-events');
      // The event's detail: the need presented, the results by window, and a follow-up the office adds.
      await eventRow.getByRole('button', { name: '冷链物流专场政金企对接会' }).click();
      const detail = office.locator('.ant-drawer-content');
      await detail.getByText('对接会详情：冷链物流专场政金企对接会').waitFor();
      await detail.getByText(`${PURPOSE} · 2,000,000.50 元`).first().waitFor();
      await detail.getByText('（演示）呼和浩特青城智造科技有限公司', { exact: true }).first().waitFor();
      await expect.poll(() => detail.getByRole('row').filter({ hasText: '30天内' }).innerText()).toContain('放款 1,500,000.00 元');
      await detail.getByRole('button', { name: '新增跟进事项' }).click();
      // the drawer is a dialog too: the follow-up form is the modal above it
      const modal = office.locator('.ant-modal-content');
      await modal.getByLabel('跟进内容').fill('督促乙分行一周内给出方案');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await detail.getByText('督促乙分行一周内给出方案').waitFor();
      // The office marks it done: the date shows and the button goes.
      const markDone = detail.getByRole('button', { name: '标记完成：督促乙分行一周内给出方案' });
      await markDone.click();
      await detail.getByText(/完成日期：\d{4}-\d{2}-\d{2}/).waitFor();
      await markDone.waitFor({ state: 'detached' });
      await e.screenshot(office, 'finance-event-detail');
      // On a phone the detail shows the same, the follow-up done.
      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'office');
      await phone.goto('/finance?tab=events');
      await phone.getByRole('button', { name: '冷链物流专场政金企对接会' }).first().click();
      const phoneDetail = phone.locator('.ant-drawer-content');
      await phoneDetail.getByText(/完成日期：\d{4}-\d{2}-\d{2}/).waitFor();
      expect(await phoneDetail.getByRole('button', { name: /标记完成/ }).count()).toBe(0);
      await e.screenshot(phone, 'finance-event-detail-phone');
      // The banks tab lists the demo account manager under the first bank.
      await office.goto('/finance?tab=banks');
      const bankRow = office.getByRole('row').filter({ hasText: '示例银行甲分行（演示）' });
      await expect.poll(() => bankRow.innerText()).not.toContain('尚未关联');
      await office.goto('/finance?tab=projects');
      await expect.poll(() => totals.innerText()).toContain('授信 2,000,000.00 元，已放款 1,500,000.00 元');
      await e.screenshot(office, 'finance-projects');
    },
    180_000,
  );
});
