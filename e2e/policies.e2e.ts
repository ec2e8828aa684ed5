import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const visible = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true });

describeE2E('policies (免申即享)', (e) => {
  test('office writes a rule, tests it on an example, runs the match and opens an enterprise’s "why not"', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'office');
    await page.goto('/policies');
    await page.getByRole('button', { name: '编辑规则 KJ-GXQY' }).click();
    const rule = page.getByLabel('资格规则');

    // A field that does not exist is reported with its line and column while typing.
    await rule.fill('has("高新技术企业")\nand turnover > 10');
    await expect.poll(() => visible(page, /第 2 行第 5 列.*turnover/).count()).toBe(1);
    await e.screenshot(page, 'policies-rule-error');

    await rule.fill('has("高新技术企业")\nand taxGrade in ["A", "B"]\nand county in ["赛罕区", "新城区"]');
    await visible(page, '规则有效').waitFor();
    await page.getByRole('button', { name: '在示例企业上测试' }).click();
    const rows = page.getByRole('row').filter({ hasText: '持证企业' });
    await expect.poll(() => rows.innerText()).toContain('通过');
    expect(await visible(page, '未通过').count()).toBe(0);
    await e.screenshot(page, 'policies-rule-examples');
    await page.getByRole('button', { name: '保存规则' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'KJ-GXQY' });
    await expect.poll(() => item.innerText()).toContain('待重新匹配');

    await page.goto('/policies/match');
    // The server rebuilds the changed rule's matches over the demo registry; a busy machine answers slowly.
    await page.getByRole('button', { name: '匹配变化部分' }).click({ timeout: 90_000 });
    await expect.poll(() => page.getByRole('status', { name: '匹配进度' }).innerText(), { timeout: 120_000 }).toContain('匹配完成');
    await e.screenshot(page, 'policies-match-done');

    // The near misses: enterprises that fail exactly one condition.
    await chooseOption(page, page, '状态', '差一项');
    const why = page.getByRole('button', { name: /^为什么/ }).first();
    await why.waitFor();
    await why.click();
    const drawer = page.getByRole('dialog', { name: /为什么不符合/ });
    await drawer.waitFor();
    await expect.poll(() => drawer.getByLabel(/不满足$/).count()).toBeGreaterThan(0);
    // Staff read each condition in words with the enterprise's value, and the rule text below it.
    expect(await drawer.innerText()).toContain('企业情况');
    await e.screenshot(page, 'policies-why-not');
    // The office records the enterprise's legal representative and shareholders from the same drawer.
    await drawer.getByRole('button', { name: '修改 法定代表人和股东' }).click();
    const owners = page.getByRole('dialog', { name: /法定代表人和股东$/ });
    await owners.getByLabel('法定代表人').fill('演示法人甲');
    await owners.getByLabel('股东').fill('演示股东乙\n演示股东丙');
    await owners.getByRole('button', { name: /保\s*存/ }).click();
    await owners.waitFor({ state: 'hidden' });
    await drawer.getByText('演示股东乙、演示股东丙').waitFor();
    const stored = await e.ctx.db
      .selectFrom('enterprise')
      .select(['legal_representative', 'shareholders_json'])
      .where('legal_representative', '=', '演示法人甲')
      .execute();
    expect(stored).toEqual([{ legal_representative: '演示法人甲', shareholders_json: JSON.stringify(['演示股东乙', '演示股东丙']) }]);
    await e.screenshot(page, 'policies-owners');
  }, 240_000);

  test('the enterprise reads its benefits in plain Chinese, accepts one and declines one with a reason; the office sees both', async () => {
    // The office tells the enterprise of two matches (seeded through the API as the office would).
    const office = await e.newPage();
    await e.loginAs(office, 'office');
    const csrf = ((await (await office.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
    const demo = (await (await office.request.get(`/api/v1/policies/enterprises?q=${encodeURIComponent('青城智造')}`)).json()).items[0] as {
      id: number;
    };
    const matched = (await (await office.request.get(`/api/v1/policies/results?enterpriseId=${demo.id}&status=matched`)).json()).items as {
      id: number;
      version: number;
      benefit: { name: string };
    }[];
    expect(matched.length).toBeGreaterThanOrEqual(2);
    const [accept, decline] = matched;
    for (const r of [accept!, decline!]) {
      const res = await office.request.post(`/api/v1/policies/results/${r.id}/actions`, {
        data: { action: 'notify', version: r.version },
        headers: { 'x-csrf-token': csrf },
      });
      expect(res.status()).toBe(200);
    }

    // No rule code anywhere the enterprise looks: no operators, field names or functions.
    const ruleCode = /(>=|<=|==|!=|\b(revenue|employees|rdSpending|registeredOn|taxGrade|industry|county|growth|has|under|within)\b)/;

    const page = await e.newPage();
    await e.loginAs(page, 'enterprise');
    await page.goto('/policies/portal');
    await visible(page, '（演示）呼和浩特青城智造科技有限公司').first().waitFor();
    await visible(page, '满足全部条件').first().waitFor();
    await expect.poll(() => visible(page, /还需：/).count()).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(ruleCode);
    expect(text).toMatch(/持有有效的|万元|%/);
    await page.getByRole('button', { name: `确认享受 ${accept!.benefit.name}` }).click();
    const accepted = page.getByRole('listitem', { name: accept!.benefit.name });
    await expect.poll(() => accepted.innerText()).toContain('已确认');
    await e.screenshot(page, 'policies-portal');

    // At phone width: the same page, no sideways scrolling; decline with a reason.
    const phone = await e.newPage({ viewport: PHONE });
    await e.loginAs(phone, 'enterprise');
    await phone.goto('/policies/portal');
    await visible(phone, '满足全部条件').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await phone.locator('main').innerText()).not.toMatch(ruleCode);
    await phone.getByRole('button', { name: `放弃享受 ${decline!.benefit.name}` }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByLabel('原因').fill('已享受市级同类补贴，不重复申领');
    await e.screenshot(phone, 'policies-portal-decline-phone');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const declined = phone.getByRole('listitem', { name: decline!.benefit.name });
    await expect.poll(() => declined.innerText()).toContain('已放弃');
    expect(await declined.innerText()).toContain('已享受市级同类补贴，不重复申领');
    await e.screenshot(phone, 'policies-portal-phone');

    // The office sees both answers in its inbox and in the payout list (desktop and phone).
    await office.goto('/notifications');
    await visible(office, `企业放弃享受：${decline!.benefit.name}`).first().waitFor();
    await visible(office, `企业已确认享受：${accept!.benefit.name}`).first().waitFor();
    await office.goto('/policies/match');
    await chooseOption(office, office, '状态', '已放弃');
    await visible(office, '已享受市级同类补贴，不重复申领').first().waitFor();
    await e.screenshot(office, 'policies-match-declined');

    const officePhone = await e.newPage({ viewport: PHONE });
    await e.loginAs(officePhone, 'office');
    await officePhone.goto('/policies/match');
    await chooseOption(officePhone, officePhone, '状态', '已确认');
    await e.screenshot(officePhone, 'policies-match-phone');
    await officePhone
      .getByRole('button', { name: /^为什么/ })
      .first()
      .click();
    const drawer = officePhone.getByRole('dialog', { name: /为什么符合/ });
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain('企业已确认');
    // What the enterprise was sent: its inbox, and the registry's e-mail and mobile number.
    expect(await drawer.innerText()).toMatch(/站内消息[\s\S]*电子邮件[\s\S]*短信（待发送文本）/);
    expect(await officePhone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await e.screenshot(officePhone, 'policies-match-drawer-phone');
    await officePhone.keyboard.press('Escape');
    await officePhone.getByRole('tab', { name: '汇总' }).click();
    await visible(officePhone, '合计').first().waitFor();
    await e.screenshot(officePhone, 'policies-totals-phone');

    // The English switch turns the whole portal English: labels, statuses and the conditions.
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page, 'Benefits you qualify for (no application needed)').waitFor();
    await visible(page, 'Meets every condition').first().waitFor();
    await expect.poll(() => visible(page, /^Still needed: /).count()).toBeGreaterThan(0);
    const english = await page.locator('main').innerText();
    expect(english).not.toMatch(/可享受的政策|满足全部条件|还需：|已确认|放弃享受|万元/);
    // English sentences say "revenue" in words; rule code would show operators and identifiers.
    expect(english).not.toMatch(/>=|<=|==|!=|\b(rdSpending|registeredOn|taxGrade|sizeClass|legalForm)\b|\w\("/);
    await e.screenshot(page, 'policies-portal-en');
  }, 240_000);
});
