import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { forecast } from '../src/modules/indicators/scores.service.js';
import { DESKTOP, PHONE, describeE2E } from './fixture.js';

/** The page is never wider than the screen: a phone user never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>('[document.scrollingElement.scrollWidth, window.innerWidth]');
  expect(scrollWidth, what).toBeLessThanOrEqual(innerWidth);
}

describeE2E('leaders: the cockpit first, the forecast headline, phone-width pages', (e) => {
  test(
    'the leader lands on the cockpit and sees the four blocks ' + 'with their figures, on a desktop above the fold and on a phone',
    async () => {
      const position = (await forecast(e.ctx, { method: 'regional-demo', period: '2024' })).position;
      for (const [name, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const page = await e.newPage({ viewport });
        await e.loginAs(page, 'leader');
        await expect.poll(() => new URL(page.url()).pathname).toBe('/cockpit');

        const rank = page.getByRole('region', { name: '保二争一' });
        await rank.getByText(`预计第${position.rank}名`).waitFor();
        expect(await rank.innerText()).toContain(`距第2名差${position.gapTo[2].toFixed(1)}分`);
        expect(await rank.innerText()).toContain(`距第1名差${position.gapTo[1].toFixed(1)}分`);
        expect(await rank.getByRole('listitem').count()).toBeGreaterThan(0); // the top improvements

        const lists = page.getByRole('region', { name: '四表一单' });
        for (const label of ['督办事项', '已销号', '按期推进', '逾期'])
          expect(await lists.innerText()).toMatch(new RegExp(`${label}\\s*[\\d,]+`));
        expect(await lists.getByRole('img').count()).toBeGreaterThanOrEqual(5); // one bar per demo list

        const grant = page.getByRole('region', { name: '免申即享' });
        const grantText = await grant.innerText();
        for (const label of ['已匹配', '已告知', '已兑现']) expect(grantText).toMatch(new RegExp(`${label}\\s*[\\d,]+`));
        expect(grantText).toMatch(/应兑现金额\s*[\d,.]+万元/);

        const sup = page.getByRole('region', { name: '督查督办' });
        const supText = await sup.innerText();
        expect(supText).toMatch(/督办升级中的事项\s*\d+/);
        for (const step of ['到期提醒', '督办单', '通报', '约谈']) expect(supText).toContain(step);
        expect(supText).toContain('红榜');

        if (name === 'desktop') {
          // Above the fold: all four blocks end within the first screen.
          for (const region of [rank, lists, grant, sup]) {
            const box = (await region.boundingBox())!;
            expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height);
          }
        }
        // The trend is shown from the first week, saying so.
        await page.getByText('仅一周数据').waitFor();
        await page.getByRole('img', { name: '各单位完成情况（牵头事项）' }).locator('canvas').first().waitFor();
        await expectNoSidewaysScroll(page, `cockpit ${name}`);
        await e.screenshot(page, `leader-cockpit-${name}`);
      }
    },
    180_000,
  );

  test('the forecast page opens with its headline in the office’s words', async () => {
    const f = await forecast(e.ctx, { method: 'regional-demo', period: '2024' });
    const page = await e.newPage();
    await e.loginAs(page, 'leader');
    await page.goto('/indicators/forecast');
    const headline = page.getByRole('region', { name: '预测结论' }).getByRole('heading');
    await headline.waitFor();
    expect((await headline.innerText()).replace(/\s+/g, '')).toBe(
      `预计第${f.position.rank}名，距第2名差${f.position.gapTo[2].toFixed(1)}分，距第1名差${f.position.gapTo[1].toFixed(1)}分`,
    );
    // No method identifiers or English units in the Chinese page.
    const text = await page.locator('main').innerText();
    for (const internal of ['inclusive_innovation', 'starting_a_business', 'working days', 'steps', '#2'])
      expect(text, internal).not.toContain(internal);
    await e.screenshot(page, 'leader-forecast');
  });

  test('at 390 px the supervision and indicators pages never scroll sideways', async () => {
    const page = await e.newPage({ viewport: PHONE });
    await e.loginAs(page, 'office');
    const visits: [string, string, () => Promise<void>][] = [
      ['/supervision/weekly', 'weekly', () => page.getByText('红榜', { exact: true }).first().waitFor()],
      ['/supervision/notices', 'notices', () => page.getByRole('table').first().waitFor()],
      ['/supervision/bulletins', 'bulletins', () => page.getByRole('table').first().waitFor()],
      ['/supervision/meetings', 'meetings', () => page.getByText('全市优化营商环境工作调度会（演示）').first().waitFor()],
      ['/indicators', 'catalogue', () => page.getByText('开办企业').first().waitFor()],
      ['/indicators/forecast', 'forecast', () => page.getByRole('region', { name: '预测结论' }).waitFor()],
    ];
    for (const [path, name, ready] of visits) {
      await page.goto(path);
      await ready();
      await expectNoSidewaysScroll(page, path);
      await e.screenshot(page, `leader-phone-${name}`);
    }
    // The other indicator tabs, and a row opened to its detail on the values table.
    await page.goto('/indicators');
    for (const tab of ['数值与趋势', '得分与解释']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByRole('table').first().waitFor();
      await expectNoSidewaysScroll(page, tab);
      await e.screenshot(page, `leader-phone-indicators-${tab === '数值与趋势' ? 'values' : 'scores'}`);
    }
  }, 180_000);
});
