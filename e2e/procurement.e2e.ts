import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { SYSTEM_ACTOR } from '../src/context.js';
import { withTransaction } from '../src/db/database.js';
import { addProblem, addProjects, createCampaign } from '../src/modules/procurement/campaigns.service.js';
import { insertImport, replacePartyFlags } from '../src/modules/procurement/procurement.repository.js';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/procurement/bids.csv');

describeE2E(
  'procurement: bid-collusion warning',
  (e) => {
    test('office imports bids, reads why a tender was flagged, opens the group network and records a case outcome', async () => {
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.goto('/procurement');
      await page.getByRole('button', { name: '导入投标数据' }).click();
      const dialog = page.getByRole('dialog', { name: '导入投标数据' });
      await dialog.locator('input[type=file]').setInputFiles(SAMPLE);
      // the preview: counted and screened, nothing written yet
      await dialog.getByText(/可以导入：5 个标段、14 条投标；疑似串通 3 个/).waitFor();
      await e.screenshot(page, 'procurement-import-preview');
      // written at once: the dialog closes and the tenders load afresh
      await dialog.getByRole('button', { name: '确认导入' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // the flagged tender, and why
      await page.getByRole('row', { name: /ZB-2026-001\/1 示例道路改造工程一标段/ }).click();
      await page.getByRole('heading', { name: 'ZB-2026-001/1' }).waitFor();
      const why = page.locator('.ant-card').filter({ hasText: '预警原因' });
      await why
        .getByText(
          /示例建设甲公司、示例建设乙公司：投标文件由同一台电脑（机器码）制作或上传（PC-A1），属《招标投标法实施条例》第四十条第（一）项情形/,
        )
        .waitFor();
      await why.getByText(/报价变异系数 [\d.]+ ≤ 阈值/).waitFor();
      await e.screenshot(page, 'procurement-tender');

      // the bidder group's network
      await page.getByRole('link', { name: /共同投标网络 G1/ }).click();
      await page.getByRole('heading', { name: /投标人组 G1/ }).waitFor();
      await page.locator('canvas').first().waitFor();
      const members = page.locator('.ant-card').filter({ hasText: '组内投标人' });
      expect(await members.getByRole('row').count()).toBe(4); // header + 3 members
      await page.getByText(/组内投标人共同参与 3 个标段/).waitFor();
      await e.screenshot(page, 'procurement-group-network');

      // open a case on the group and record its outcome
      await page.getByRole('button', { name: '立为线索' }).click();
      await page.getByRole('heading', { name: /投标人组：示例建设甲公司、示例建设乙公司、示例建设丙公司/ }).waitFor();
      const outcome = page.locator('.ant-card').filter({ hasText: '登记处理结果' }).last();
      await chooseOption(page, outcome, '处理结果', '处罚');
      await outcome.getByLabel('说明').fill('经核查，三家企业投标文件由同一电脑制作，已依法处罚');
      await outcome.getByRole('button', { name: '登记处理结果' }).click();
      await page.locator('.ant-tag').filter({ hasText: '处理 · 处罚' }).first().waitFor();
      await page.getByText('经核查，三家企业投标文件由同一电脑制作，已依法处罚').waitFor();
      await e.screenshot(page, 'procurement-case');

      // the same tender page on a phone
      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'office');
      await phone.goto('/procurement');
      await phone.getByRole('row').filter({ hasText: 'ZB-2026-001/1' }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'procurement-phone');
      await phone.getByRole('link', { name: 'ZB-2026-001/1' }).click();
      await phone.getByText(/第四十条第（一）项情形/).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'procurement-tender-phone');
      await phone.getByRole('button', { name: 'English' }).click();
      await phone.getByText(/a case of Art\. 40\(1\) of the Tendering Law regulations/).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'procurement-tender-phone-en');
      // the account keeps the language it was given: back to Chinese for the tests after this one
      await phone.getByRole('button', { name: '中文' }).click();
      await phone.getByText(/第四十条第（一）项情形/).waitFor();
    }, 120_000);

    test('a campaign shows its totals per agency, on a desktop and a phone', async () => {
      const office = SYSTEM_ACTOR;
      const c = await createCampaign(e.ctx, office, { name: '招标代理机构专项整治（示例）' });
      const view = await addProjects(e.ctx, office, c.id, {
        projects: [
          { code: 'ZC-1', name: '示例政府采购项目一', agency: '示例招标代理甲', amount: 1_200_000, checked: true },
          { code: 'ZC-2', name: '示例政府采购项目二', agency: '示例招标代理乙', amount: 800_000, checked: true },
        ],
      });
      await addProblem(e.ctx, office, c.id, {
        projectId: view.projects[0]!.id,
        misconduct: 'improper_fees',
        description: '超标准收取代理服务费（示例）',
      });
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.goto('/procurement/campaigns');
      await page.getByRole('row', { name: /招标代理机构专项整治（示例）/ }).click();
      // checked 2, amount 2 000 000.00 yuan, 1 problem, 0 verified
      await page.getByText('2,000,000.00').first().waitFor();
      await page.getByRole('row', { name: /示例招标代理甲 1 1 0/ }).waitFor();
      await e.screenshot(page, 'procurement-campaign');
      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'office');
      await phone.goto(`/procurement/campaigns/${c.id}`);
      await phone.getByText('超标准收取代理服务费（示例）').waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'procurement-campaign-phone');
    }, 120_000);

    test('the office uploads a campaign’s projects file: located problems first, then a preview and one commit', async () => {
      const c = await createCampaign(e.ctx, SYSTEM_ACTOR, { name: '上传项目专项整治（示例）' });
      const csv = (rows: string[]) => ({
        name: 'projects.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(['项目编号,项目名称,招标代理机构,金额（元）,已检查,检查日期', ...rows].join('\n')),
      });
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.goto(`/procurement/campaigns/${c.id}`);
      await page.getByRole('button', { name: '上传检查项目' }).click();
      const dialog = page.getByRole('dialog', { name: '上传检查项目' });
      await dialog.locator('input[type=file]').setInputFiles(csv(['SC-1,示例上传项目一,示例代理丙,abc,是,2026-01-10']));
      await dialog.getByText('发现 1 处问题，未导入任何数据。').waitFor();
      await dialog.getByText(/第 2 行：金额“abc”不是非负数/).waitFor();
      await e.screenshot(page, 'procurement-projects-problems');
      await dialog
        .locator('input[type=file]')
        .setInputFiles(csv(['SC-1,示例上传项目一,示例代理丙,300000,是,2026-01-10', 'SC-2,示例上传项目二,示例代理丁,200000,否,']));
      await dialog.getByText('可以加入：2 个项目，其中已检查 1 个，涉及金额 300,000.00 元。').waitFor();
      await e.screenshot(page, 'procurement-projects-preview');
      await dialog.getByRole('button', { name: '确认导入' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: /^SC-1 示例上传项目一 示例代理丙 300,000.00 2026-01-10 0$/ }).waitFor();
      await e.screenshot(page, 'procurement-projects-added');

      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'office');
      await phone.goto(`/procurement/campaigns/${c.id}`);
      await phone.getByText('示例上传项目一').waitFor();
      await phone.getByRole('button', { name: '上传检查项目' }).click();
      await phone.getByRole('dialog', { name: '上传检查项目' }).getByRole('button', { name: '选择文件' }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'procurement-projects-upload-phone');
    }, 120_000);

    test('buyer- and procuring-entity-level flags open from the tender page, with why, inputs and threshold', async () => {
      const flag = (group: string) => ({
        code: 'R038',
        why: '被否决投标比例过高：示例采购人甲的投标中被否决的比例为 0.5，高于阈值',
        whyEn: 'Excessive disqualified bids: half of the bids of 示例采购人甲 were disqualified',
        inputs: { group, id: '示例采购人甲', value: 0.5 },
        threshold: 0.5,
      });
      await withTransaction(e.ctx.db, async (trx) => {
        const importId = await insertImport(trx, {
          filename: 'release.jsonl',
          format: 'ocds',
          tenders: 0,
          bids: 0,
          suspect: 0,
          created_by: null,
          created_at: new Date().toISOString(),
        });
        await replacePartyFlags(
          trx,
          importId,
          [{ partyId: '示例采购人甲', name: '（演示）示例采购中心', flagsJson: JSON.stringify([flag('Buyer'), flag('ProcuringEntity')]) }],
          new Date().toISOString(),
        );
      });
      const page = await e.newPage();
      await e.loginAs(page, 'office');
      await page.goto('/procurement');
      await page.getByRole('link', { name: 'ZB-2026-001/1' }).click();
      await page.getByRole('link', { name: '招标人（采购人）预警' }).click();
      await page.getByRole('heading', { name: '串通投标预警' }).waitFor();
      const table = page.locator('.ant-card').filter({ hasText: '采购人与代理机构' });
      // the name the OCDS file gave, with the identifier under it
      await table.getByRole('row', { name: /（演示）示例采购中心 示例采购人甲 采购人（招标人）/ }).waitFor();
      await table
        .getByText(/依据数据：0\.5\s+阈值：0\.5/)
        .first()
        .waitFor();
      await e.screenshot(page, 'procurement-parties');
      await page.locator('.ant-segmented').getByText('采购代理（组织）单位', { exact: true }).click();
      await table.getByRole('row', { name: /示例采购人甲 采购代理（组织）单位/ }).waitFor();

      const phone = await e.newPage({ viewport: PHONE });
      await e.loginAs(phone, 'office');
      await phone.goto('/procurement/parties');
      await phone
        .getByText(/被否决投标比例过高：示例采购人甲/)
        .first()
        .waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await e.screenshot(phone, 'procurement-parties-phone');
    }, 120_000);
  },
  { seed: 'light' },
);
