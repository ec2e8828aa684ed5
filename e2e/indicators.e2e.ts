import { expect, test } from 'vitest';
import { describeE2E } from './fixture.js';

describeE2E('indicators: rank forecast', (e) => {
  test('a leader opens the forecast page: ranks of the 12 leagues/cities, synthetic warning, gap analysis and plans', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'leader');
    await page.getByRole('menu', { name: '导航菜单' }).getByRole('menuitem', { name: '指标监测' }).click();
    await expect.poll(() => page.getByRole('tab', { name: '指标目录' }).count()).toBe(1);
    await page.getByRole('button', { name: '排名预测' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/indicators/forecast');

    const ranks = page.getByRole('region', { name: '排名预测' }).getByRole('table');
    await expect.poll(() => ranks.getByRole('row').count()).toBe(13); // header + 12 leagues/cities
    const hohhot = ranks.getByRole('row').filter({ hasText: '呼和浩特市' });
    expect((await hohhot.getByRole('cell').first().innerText()).trim()).toBe('3');
    await expect.poll(() => page.getByText('本页含演示用虚构数据').count()).toBe(1);
    await expect.poll(() => page.getByText(/^第 2 名：需超过/).count()).toBe(1);
    await expect.poll(() => page.getByText(/^第 1 名：需超过/).count()).toBe(1);
    expect(await page.getByRole('region', { name: '差距分析：哪项改进最能提高总分' }).getByRole('table').getByRole('row').count()).toBe(11);
    expect(await page.getByRole('img', { name: '排名预测' }).locator('canvas').count()).toBe(1);
    await e.screenshot(page, 'indicators-forecast');
  });

  test('a liaison sees the catalogue but is refused the forecast', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'liaison');
    await page.goto('/indicators');
    await expect.poll(() => page.getByRole('tab', { name: '指标目录' }).count()).toBe(1);
    await expect.poll(() => page.getByText('二级指标（共 87 项）名称未能从公开来源取得').count()).toBe(1);
    expect(await page.getByRole('button', { name: '排名预测' }).count()).toBe(0);
    await page.goto('/indicators/forecast');
    await expect.poll(() => page.getByText('无权访问').count()).toBe(1);
  });

  test('office staff see the catalogue with scored bounds and a KPI trend with its source', async () => {
    const page = await e.newPage();
    await e.loginAs(page, 'office');
    await page.goto('/indicators');
    await expect.poll(() => page.getByText('边界未核实').count()).toBeGreaterThan(0);
    await e.screenshot(page, 'indicators-catalogue');
    await page.getByRole('tab', { name: '数值与趋势' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '98 %' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: '数值与趋势' }).locator('canvas').count()).toBe(1);
    await e.screenshot(page, 'indicators-values');
  });
});
