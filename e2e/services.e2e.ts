import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const HEAD = [
  '事项编码',
  '事项名称',
  '层级',
  '实施部门',
  '所属旗县区',
  '事项类型',
  '法定时限（工作日）',
  '承诺时限（工作日）',
  '收费（元）',
  '申请材料',
  '一网通办',
  '全程网办',
  '掌上办',
  '智审慧办',
  '呼包通办',
  '区域通办',
  '跨省通办',
  '园区办',
  '赋权方式',
  '办理地点',
  '网上办理地址',
];
const FLAGS = ['一网通办', '全程网办', '掌上办', '智审慧办', '呼包通办', '区域通办', '跨省通办', '园区办'];
const PACKAGE = '开办餐饮店（企业准营）“一件事”';
const overflow = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));

/** Three township services of 武川县: two online (one of them also fully online), one neither. */
async function catalogueFile(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('政务服务事项目录');
  ws.addRow(HEAD);
  const row = (code: string, name: string, flags: string[]) => [
    code,
    name,
    '乡镇级',
    '呼和浩特市民政局',
    '武川县',
    '公共服务',
    10,
    3,
    0,
    '申请表；户口簿（共享）',
    ...FLAGS.map((f) => (flags.includes(f) ? '是' : '否')),
    '',
    '武川县示例镇便民服务中心',
    '',
  ];
  ws.addRow(row('E2E-WC-1', '浏览器测试事项甲', ['一网通办']));
  ws.addRow(row('E2E-WC-2', '浏览器测试事项乙', ['一网通办', '全程网办']));
  ws.addRow(row('E2E-WC-3', '浏览器测试事项丙', []));
  await wb.xlsx.writeFile(file);
}

/** A China-time 'YYYY-MM-DD HH:mm' some days back, as the date picker reads it. */
function chinaTimeDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10) + ' 10:00';
}

describeE2E('government services', (e) => {
  test(
    'office imports a catalogue, opens the list behind a rate, files a package case ' +
      'across three departments, finishes it late and finds it on the missed-promise list',
    async () => {
      const office = await e.newPage();
      await e.loginAs(office, 'office');
      await office.goto('/services?tab=catalogue');

      const file = path.join(e.ctx.config.dataDir, 'catalogue.xlsx');
      await catalogueFile(file);
      await office.getByRole('button', { name: '导入目录' }).click();
      const importing = office.getByRole('dialog', { name: '导入目录' });
      await importing.locator('input[type=file]').setInputFiles(file);
      await importing.getByText('新增 3 项，变更 0 项，未变 0 项').waitFor();
      expect(await importing.getByRole('table', { name: '导入预览' }).getByRole('row').count()).toBe(4);
      await importing.getByRole('button', { name: '确认导入' }).click();
      // The dialog closes once the import is committed (the success toast is transient: a slow
      // commit can outlast it); if it stays open, the page's messages say why.
      await importing.waitFor({ state: 'hidden', timeout: 60_000 }).catch(async (err: unknown) => {
        const messages = await office.locator('.ant-message-notice, .ant-notification-notice').allInnerTexts();
        throw new Error(`the import was not committed; the page says: ${messages.join(' | ') || 'nothing'}`, { cause: err });
      });

      // Township level: 2 of the 3 services are online (hand count: 66.7 %).
      await chooseOption(office, office, '层级', '乡镇级');
      const online = office.getByLabel('一网通办', { exact: true });
      await online.getByText('66.7%').waitFor();
      await online.getByText('2 / 3 项').waitFor();
      await online.click();
      await office.getByText('“一网通办”事项清单').waitFor();
      await expect
        .poll(() => office.locator('.ant-table-row').allInnerTexts())
        .toEqual([expect.stringContaining('浏览器测试事项甲'), expect.stringContaining('浏览器测试事项乙')]);
      await e.screenshot(office, 'services-catalogue');

      // The demo's streamlining round and what it changed, with the reasons.
      await office.getByRole('button', { name: /事项精简/ }).click();
      const rounds = office.getByRole('dialog', { name: '事项精简' });
      await rounds.getByText(/市级政务服务事项精简（示例）：26 项 → 24 项/).click();
      await rounds.getByRole('row').filter({ hasText: '企业名称预先核准' }).getByText('合并 → SL-SC-001').waitFor();
      await rounds.getByText('改为部门间核验，不再要求申请人提交').waitFor();
      await e.screenshot(office, 'services-rounds');
      await rounds.getByRole('button', { name: /Close|关闭/ }).click();

      // The package is not on the missed-promise list yet.
      await office.getByRole('tab', { name: '高效办成一件事' }).click();
      const missed = office.getByRole('table').filter({ hasText: '超时率' });
      await office.getByRole('row').filter({ hasText: PACKAGE }).first().waitFor();
      expect(await missed.getByText(PACKAGE).count()).toBe(0);

      // The form for a new package (looked at, not filled here: the API tests create packages).
      await office.getByRole('button', { name: /新增一件事/ }).click();
      const form = office.getByRole('dialog', { name: '新增一件事' });
      await form.getByLabel('成员事项').waitFor();
      await e.screenshot(office, 'services-new-package');
      await form.getByRole('button', { name: /取\s*消/ }).click();
      await form.waitFor({ state: 'hidden' });

      // File a case received 20 days ago (at least 9 working days even across a long holiday): its three departments start at once.
      await office.getByRole('row').filter({ hasText: PACKAGE }).getByRole('button', { name: '受理办件' }).click();
      const dialog = office.getByRole('dialog');
      await dialog.getByLabel('申请人').fill('示例餐饮有限公司（浏览器测试）');
      const when = dialog.getByLabel('受理时间（不填为现在）');
      await when.click();
      await when.fill(chinaTimeDaysAgo(20));
      await when.press('Enter');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await office.waitForURL(/\/services\/cases\/\d+$/);
      const steps = office.locator('.ant-table-row');
      await expect.poll(() => steps.count()).toBe(3);
      expect(await office.getByRole('button', { name: '办结' }).count()).toBe(3);

      // Each department finishes now: that is later than the promise of five working days.
      for (let i = 0; i < 3; i++) {
        await office.getByRole('button', { name: '办结' }).first().click();
        await expect.poll(() => office.getByRole('button', { name: '办结' }).count()).toBe(2 - i);
      }
      await office.getByText('已办结').waitFor();
      await office.getByText('超时', { exact: true }).waitFor();
      await e.screenshot(office, 'services-case');

      await office.goto('/services?tab=packages');
      await missed.getByText(PACKAGE).waitFor();
      await e.screenshot(office, 'services-packages');
    },
    180_000,
  );

  test('office adds a service through the form (the promise checked against the legal limit) and an assistant', async () => {
    const office = await e.newPage();
    await e.loginAs(office, 'office');
    await office.goto('/services?tab=catalogue');
    await office.getByRole('button', { name: /新增事项/ }).click();
    const form = office.getByRole('dialog', { name: '新增事项' });
    await form.getByLabel('事项编码').fill('E2E-FORM-1');
    await form.getByLabel('事项名称').fill('浏览器表单测试事项');
    await chooseOption(office, form, '实施部门', '呼和浩特市民政局', '民政局');
    await form.getByLabel('法定时限（工作日）').fill('5');
    await form.getByLabel('承诺时限（工作日）').fill('8');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('承诺时限不能超过法定时限（5 个工作日）').waitFor();
    await e.screenshot(office, 'services-service-form-promise');
    await form.getByLabel('承诺时限（工作日）').fill('2');
    await form.getByLabel('一网通办').check();
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await office.getByLabel('事项名称或编码', { exact: true }).fill('E2E-FORM-1');
    await office.getByLabel('事项名称或编码', { exact: true }).press('Enter');
    const row = office.getByRole('row').filter({ hasText: '浏览器表单测试事项' });
    await row.getByText('2 个工作日').waitFor();
    // Edited in place from its first day: the name changes, the code stays.
    await row.getByRole('button', { name: '修改 E2E-FORM-1' }).click();
    const edit = office.getByRole('dialog', { name: '修改事项' });
    expect(await edit.getByLabel('事项编码').isDisabled()).toBe(true);
    await edit.getByLabel('事项名称').fill('浏览器表单测试事项（更正）');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await office.getByRole('row').filter({ hasText: '浏览器表单测试事项（更正）' }).waitFor();

    await office.goto('/services?tab=network');
    await office.getByRole('button', { name: /新增帮办代办员/ }).click();
    const assistant = office.getByRole('dialog', { name: '新增帮办代办员' });
    await assistant.getByLabel('姓名').fill('示例帮办员（浏览器测试）');
    await chooseOption(office, assistant, '所属单位', '呼和浩特市民政局', '民政局');
    await assistant.getByLabel('评价码').fill('SNOSUCH1');
    await assistant.getByRole('button', { name: /保\s*存/ }).click();
    await assistant.getByText(/诉求平台没有评价码 SNOSUCH1/).waitFor();
    await assistant.getByLabel('评价码').fill('');
    await assistant.getByRole('button', { name: /保\s*存/ }).click();
    await assistant.waitFor({ state: 'hidden' });
    const stored = await e.ctx.db
      .selectFrom('service_assistant')
      .select(['name', 'rating_code'])
      .where('name', '=', '示例帮办员（浏览器测试）')
      .execute();
    expect(stored).toEqual([{ name: '示例帮办员（浏览器测试）', rating_code: null }]);
    // An existing assistant gets the demand desk's rating code the seed issued, and the seeded
    // case left unrated is rated afterwards, once, through the first assistant's code.
    const seeded = await e.ctx.db
      .selectFrom('demand_rating_code')
      .select('code')
      .where('name', '=', '示例帮办员1')
      .executeTakeFirstOrThrow();
    await office.getByRole('button', { name: '设置评价码 示例帮办员（浏览器测试）' }).click();
    const codeForm = office.getByRole('dialog', { name: '示例帮办员（浏览器测试） 的评价码' });
    await codeForm.getByLabel('评价码').fill(seeded.code);
    await codeForm.getByRole('button', { name: /保\s*存/ }).click();
    await codeForm.waitFor({ state: 'hidden' });
    await office.getByRole('row').filter({ hasText: '示例帮办员（浏览器测试）' }).getByText(seeded.code).waitFor();
    await office.getByRole('button', { name: /^评价 企业开办“一件事” 示例申请人1-1$/ }).click();
    const rate = office.getByRole('dialog', { name: '评价帮办代办件' });
    await rate.getByText(/计入诉求平台好差评/).waitFor();
    await rate.getByRole('radio').nth(3).click();
    await rate.getByRole('button', { name: /保\s*存/ }).click();
    await rate.waitFor({ state: 'hidden' });
    await office.getByText('4 / 5（计入诉求平台）').first().waitFor();
    expect(
      await e.ctx.db
        .selectFrom('service_assisted_case')
        .select(['rating', 'rated_via'])
        .where('applicant', '=', '示例申请人1-1')
        .executeTakeFirstOrThrow(),
    ).toEqual({ rating: 4, rated_via: 'code' });
    expect(
      await e.ctx.db
        .selectFrom('service_assistant')
        .select('rating_code')
        .where('name', '=', '示例帮办员（浏览器测试）')
        .executeTakeFirstOrThrow(),
    ).toEqual({ rating_code: seeded.code });
    // The assisted cases link to the guide of their package.
    await office.getByRole('link', { name: '企业开办“一件事”' }).first().waitFor();
    expect(await office.getByRole('link', { name: '企业开办“一件事”' }).first().getAttribute('href')).toBe('/guide/packages/SL-YJS-QYKB');
    await e.screenshot(office, 'services-network-forms');

    // The forms at phone width: nothing wider than the screen.
    const phone = await e.newPage({ viewport: PHONE });
    await e.loginAs(phone, 'office');
    await phone.goto('/services?tab=network');
    await phone.getByRole('button', { name: /新增服务场所/ }).click();
    await phone.getByRole('dialog', { name: '新增服务场所' }).getByLabel('地址').waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await e.screenshot(phone, 'services-point-form-phone');
    await phone.keyboard.press('Escape');
    await phone.getByRole('button', { name: '设置评价码 示例帮办员1' }).click();
    await phone.getByRole('dialog', { name: '示例帮办员1 的评价码' }).getByLabel('评价码').waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await e.screenshot(phone, 'services-rating-code-phone');
    await phone.goto('/services?tab=catalogue');
    await phone.getByRole('button', { name: /记录精简轮次/ }).click();
    await phone.getByRole('dialog', { name: '记录精简轮次' }).getByLabel('轮次名称').waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await e.screenshot(phone, 'services-round-form-phone');
  }, 120_000);

  test('the public guide opens without login and fits a phone', async () => {
    const phone = await e.newPage({ viewport: PHONE });
    await phone.goto('/guide/packages/SL-YJS-KCYD');
    await phone.getByRole('heading', { name: PACKAGE }).waitFor();
    await phone.getByText('准营综合申请表').waitFor();
    await phone.getByText('5 个工作日').first().waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await e.screenshot(phone, 'services-guide-phone');

    // The office's summary on a phone: the figures with their data date, nothing wider than the screen.
    const office = await e.newPage({ viewport: PHONE });
    await e.loginAs(office, 'office');
    await office.goto('/services');
    await office.getByText(/以下数据由系统记录计算，数据日期 \d{4}-\d{2}-\d{2}/).waitFor();
    await office.getByText('企业开办', { exact: true }).waitFor();
    expect(await overflow(office)).toBeLessThanOrEqual(0);
    await e.screenshot(office, 'services-summary-phone');
    await office.getByRole('button', { name: 'English' }).click();
    await office.getByText(/Computed from the records as of \d{4}-\d{2}-\d{2}/).waitFor();
    await office.getByRole('heading', { name: 'Government services' }).waitFor();
    await e.screenshot(office, 'services-summary-phone-en');
  }, 90_000);
});
