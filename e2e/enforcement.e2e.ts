import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { type DrawSnapshot, runDraw } from '../src/modules/enforcement/draw.js';
import { syntheticUscc } from '../src/modules/policies/index.js';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function chooseMany(page: Page, label: string, options: string[]) {
  for (const o of options) await chooseOption(page, page, label, o);
  await page.keyboard.press('Escape');
  // The next select opens only once this list has closed and the form has taken the choice.
  await expect.poll(() => page.getByRole('combobox', { name: label }).getAttribute('aria-expanded')).not.toBe('true');
}

describeE2E(
  'enforcement (双随机、一公开)',
  (e) => {
    test(
      'office makes a plan, publishes the commitment, draws; anyone verifies from the public seed; ' +
        'a problem is rectified and published',
      async () => {
        const page = await e.newPage();
        await e.loginAs(page, 'office');
        // Six enterprises in the registry, registered through the API as the office would.
        const csrf = ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
        for (let i = 0; i < 6; i++) {
          const res = await page.request.post('/api/v1/policies/enterprises', {
            data: { uscc: syntheticUscc(7000 + i, '150102', '有限责任公司'), name: `双随机示例企业${i + 1}（示例）`, county: '新城区' },
            headers: { 'x-csrf-token': csrf },
          });
          expect(res.status()).toBe(201);
        }

        await page.goto('/enforcement');
        await page.getByRole('button', { name: '新建抽查计划' }).click();
        const dialog = page.getByRole('dialog', { name: '新建抽查计划' });
        await dialog.getByLabel('名称').fill('食品经营双随机抽查（示例）');
        await chooseMany(page, '实施部门', ['呼和浩特市市场监督管理局']);
        await chooseMany(page, '抽查事项', ['SJ-CC-01 食品经营许可情况检查（示例）']);
        await chooseMany(page, '执法人员库', ['张执法（示例）', '李执法（示例）', '王执法（示例）']);
        // Ungraded enterprises count as grade B: half of them are drawn.
        await dialog.getByLabel('信用等级 B').fill('50');
        await e.screenshot(page, 'enforcement-new-plan');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/enforcement\/plans\/\d+$/);
        const planId = new URL(page.url()).pathname.split('/').pop()!;
        await page.getByRole('heading', { name: '食品经营双随机抽查（示例）' }).waitFor();

        await page.getByRole('button', { name: '固定对象库并公布承诺值' }).click();
        await page.getByText('已公布承诺值').waitFor();
        const publicPage = await e.newPage();
        await publicPage.goto(`/public/inspections/${planId}`);
        await publicPage.getByText('抽取后公布').waitFor();
        const commitment = (
          (await (await publicPage.request.get(`/api/v1/enforcement/public/plans/${planId}`)).json()) as { commitment: string }
        ).commitment;
        expect(await publicPage.getByText(commitment).count()).toBeGreaterThan(0);

        await page.getByRole('button', { name: '抽取', exact: true }).click();
        await page.getByRole('button', { name: '复核抽取' }).click();
        await page.getByText('复核一致').waitFor();
        await e.screenshot(page, 'enforcement-plan-drawn');

        // Anyone, without login: the seed hashes to the commitment, the snapshot to its hash, and the
        // published algorithm re-run from them gives exactly the enterprises listed on the page.
        await publicPage.reload();
        const pub = (await (await publicPage.request.get(`/api/v1/enforcement/public/plans/${planId}`)).json()) as {
          seed: string;
          snapshotHash: string;
          visits: { enterpriseId: number; enterpriseName: string }[];
        };
        await publicPage.getByText(pub.seed).waitFor();
        expect(sha256(pub.seed)).toBe(commitment);
        const snapshotText = await (await publicPage.request.get(`/api/v1/enforcement/public/plans/${planId}/snapshot`)).text();
        expect(sha256(snapshotText)).toBe(pub.snapshotHash);
        const rerun = runDraw(pub.seed, JSON.parse(snapshotText) as DrawSnapshot);
        expect(rerun.map((v) => v.enterpriseId)).toEqual(pub.visits.map((v) => v.enterpriseId));
        expect(rerun).toHaveLength(3); // ceil(50 % of 6)
        for (const v of pub.visits) await publicPage.getByRole('cell', { name: v.enterpriseName }).first().waitFor();
        await e.screenshot(publicPage, 'enforcement-public-drawn');

        // A problem found: ordered to rectify, then rectified.
        const first = pub.visits[0]!.enterpriseName;
        await page.getByRole('row').filter({ hasText: first }).getByRole('button', { name: '登记结果' }).click();
        const record = page.getByRole('dialog', { name: /登记结果/ });
        await chooseOption(page, record, '检查结果', '责令整改');
        await record.getByLabel('情况说明').fill('经营许可证未在经营场所显著位置公示');
        await record.getByRole('button', { name: /保\s*存/ }).click();
        const resultRow = page.getByRole('row').filter({ hasText: '责令整改' });
        await expect.poll(() => resultRow.innerText()).toContain('整改中');
        await resultRow.getByRole('button', { name: '整改完成' }).click();
        await expect.poll(() => resultRow.innerText()).toMatch(/整改完成 \d{4}-\d{2}-\d{2}/);
        await page.getByRole('button', { name: '公示检查结果' }).click();
        await e.screenshot(page, 'enforcement-plan-results');

        await publicPage.reload();
        const published = publicPage.getByRole('row').filter({ hasText: '责令整改' });
        await published.waitFor();
        expect(await published.innerText()).toContain(first);
        // No personal data on the public page: no inspector names, no notes.
        const text = await publicPage.locator('body').innerText();
        expect(text).not.toContain('张执法');
        expect(text).not.toContain('经营许可证未在');
        await e.screenshot(publicPage, 'enforcement-public-results');
        const phone = await e.newPage({ viewport: PHONE });
        await phone.goto(`/public/inspections/${planId}`);
        await phone.getByText('公示的检查结果').waitFor();
        await e.screenshot(phone, 'enforcement-public-phone');
        // The office's plan page at phone width names the plan above its actions.
        const planPhone = await e.newPage({ viewport: PHONE });
        await e.loginAs(planPhone, 'office');
        await planPhone.goto(`/enforcement/plans/${planId}`);
        await planPhone.getByRole('heading', { name: '食品经营双随机抽查（示例）' }).waitFor();
        expect(await planPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await e.screenshot(planPhone, 'enforcement-plan-phone');

        // The office's workspace at desktop and phone width: the plan, the catalogue and the figures.
        await page.goto('/enforcement');
        await page.getByRole('link', { name: '食品经营双随机抽查（示例）' }).waitFor();
        await e.screenshot(page, 'enforcement-plans');
        await page.getByRole('tab', { name: '数据统计' }).click();
        await page.getByText('持证执法人员').waitFor();
        await e.screenshot(page, 'enforcement-figures');
        const officePhone = await e.newPage({ viewport: PHONE });
        await e.loginAs(officePhone, 'office');
        await officePhone.goto('/enforcement');
        await officePhone.getByRole('tab', { name: '执法事项清单' }).click();
        await officePhone.getByText('对食品经营者的监督检查（示例）', { exact: false }).first().waitFor();
        await e.screenshot(officePhone, 'enforcement-catalogue-phone');
      },
      180_000,
    );

    test('an enterprise sees its own grade explained in sentences and applies for credit repair, at phone width', async () => {
      const office = await e.newPage();
      await e.loginAs(office, 'office');
      const csrf = ((await (await office.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
      // The enterprise account is linked to a registered enterprise (as the registry's import links it).
      const created = await office.request.post('/api/v1/policies/enterprises', {
        data: { uscc: syntheticUscc(7100, '150102', '有限责任公司'), name: '青城信用示例企业（示例）', county: '新城区', taxGrade: 'A' },
        headers: { 'x-csrf-token': csrf },
      });
      expect(created.status()).toBe(201);
      const user = await e.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
      await e.ctx.db.deleteFrom('enterprise_user').where('user_id', '=', user.id).execute();
      await e.ctx.db
        .insertInto('enterprise_user')
        .values({ user_id: user.id, enterprise_id: ((await created.json()) as { id: number }).id })
        .execute();
      const page = await e.newPage({ viewport: PHONE });
      await e.loginAs(page, 'enterprise');
      const mine = (await (await page.request.get('/api/v1/enforcement/credit/mine')).json()) as { enterpriseId: number };
      const units = (await (await office.request.get('/api/v1/units')).json()) as { id: number; name: string }[];
      const res = await office.request.post('/api/v1/enforcement/credit/records', {
        data: {
          enterpriseId: mine.enterpriseId,
          unitId: units.find((u) => u.name === '呼和浩特市市场监督管理局')!.id,
          kind: 'penalty',
          summary: '未按期公示年度报告（示例）',
          occurredOn: '2026-02-03',
        },
        headers: { 'x-csrf-token': csrf },
      });
      expect(res.status(), await res.text()).toBe(201);

      await page.goto('/enforcement/my-credit');
      await page.getByText('贵企业目前的信用风险等级是').waitFor();
      // Hand-computed from credit-model.json: 100, one penalty −15, tax grade A +5 → 90, grade B.
      await page.getByText('贵企业目前的信用风险等级是B级（一般风险），评分90分。').waitFor();
      await page.getByText('评分从100分算起：行政处罚1条，扣15分；纳税信用A级，加5分。').waitFor();
      const record = page.getByRole('listitem', { name: '未按期公示年度报告（示例）' });
      await record.getByText('仍在公示，影响评分').waitFor();
      await e.screenshot(page, 'enforcement-my-credit-phone');
      await record.getByRole('button', { name: '申请信用修复' }).click();
      const dialog = page.getByRole('dialog', { name: '申请信用修复' });
      await dialog.getByLabel('申请理由').fill('已补报并公示2025年度报告');
      await dialog.getByRole('button', { name: '提交申请' }).click();
      await record.getByText('修复申请审核中').waitFor();
      expect(await record.getByRole('button', { name: '申请信用修复' }).count()).toBe(0);
      // Nothing of the page is wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await e.screenshot(page, 'enforcement-my-credit-applied');

      // The office opens the credit tab from the notification's link, sees whose application it is
      // and which record, finds the enterprise by its name (not an internal number) and approves.
      await office.goto('/enforcement?tab=credit');
      const application = office.getByRole('row').filter({ hasText: '已补报并公示2025年度报告' });
      expect(await application.innerText()).toContain('青城信用示例企业（示例）');
      expect(await application.innerText()).toContain('未按期公示年度报告（示例）');
      await chooseOption(
        office,
        office,
        '输入企业名称或信用代码查找',
        `青城信用示例企业（示例） ${syntheticUscc(7100, '150102', '有限责任公司')}`,
        '青城信用',
      );
      await office.getByText('评分说明').waitFor();
      await application.getByRole('button', { name: '通过', exact: true }).click();
      await office.getByText('暂无待审核的申请。').waitFor();
      // The enterprise is told the decision.
      await page.goto('/notifications');
      await page.getByText('信用修复申请已通过').first().waitFor();
    }, 120_000);
  },
  { seed: 'light' },
);
