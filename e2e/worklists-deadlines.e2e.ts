import { expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, chinaDate } from '../src/common/dates.js';
import { SYSTEM_ACTOR } from '../src/context.js';
import { DEMO_UNIT } from '../src/modules/org/seed.js';
import { loadUnitResolver } from '../src/modules/org/units.service.js';
import { createItem, createWorklist } from '../src/modules/worklists/worklists.service.js';
import { PHONE, chooseOption, describeE2E } from './fixture.js';

describeE2E('work lists: deadlines already past', (e) => {
  test('saving an item with a past deadline asks first; saved only once confirmed', async () => {
    const today = chinaDate(new Date());
    const past = addDays(today, -10);
    const unitId = (await loadUnitResolver(e.ctx.db)).resolve(DEMO_UNIT)!.id;
    const list = await createWorklist(e.ctx, SYSTEM_ACTOR, { name: '时限确认测试清单', kind: 'task' });
    const content = '推进不动产登记一窗办理（浏览器测试）';
    const item = await createItem(e.ctx, SYSTEM_ACTOR, {
      listId: list.id,
      code: 'D1',
      content,
      leadUnitIds: [unitId],
      deadline: addDays(today, 30),
    });
    const stored = async () =>
      (await e.ctx.db.selectFrom('item').select('deadline').where('id', '=', item.id).executeTakeFirstOrThrow()).deadline;

    const office = await e.newPage();
    await e.loginAs(office, 'office');
    await office.goto(`/worklists/items/${item.id}`);
    await office.getByRole('button', { name: /^编\s*辑$/ }).click();
    const form = office.getByRole('dialog', { name: 'D1' });
    const date = form.getByLabel('完成时限');
    await date.click();
    await date.fill(past);
    await date.press('Enter');
    await form.getByRole('button', { name: /确\s*定|OK/ }).click();
    const confirm = office.getByRole('dialog', { name: '完成时限早于今天' });
    await confirm.waitFor();
    await confirm.getByText(`完成时限 ${past} 已过`).waitFor();
    await e.screenshot(office, 'worklists-past-deadline-confirm');
    expect(await stored()).toBe(addDays(today, 30));
    await confirm.getByRole('button', { name: '确认保存' }).click();
    await expect.poll(stored).toBe(past);
  });

  test('the import preview warns of rows already past their deadline, by sheet, row and column (phone)', async () => {
    const today = chinaDate(new Date());
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务');
    ws.addRow(['序号', '指标领域', '工作任务', '工作措施', '牵头单位', '配合单位', '完成时限']);
    ws.addRow(['1', '政务服务', '已过时限的任务', null, DEMO_UNIT, null, addDays(today, -20)]);
    ws.addRow(['2', '政务服务', '按期推进的任务', null, DEMO_UNIT, null, addDays(today, 60)]);
    const office = await e.newPage({ viewport: PHONE });
    await e.loginAs(office, 'office');
    await office.goto('/worklists/import');
    await chooseOption(office, office, '清单类型', '重点任务');
    await office.getByRole('combobox', { name: '导入到清单' }).fill('逾期提示测试');
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await office.locator('input[type=file]').setInputFiles({ name: 'overdue.xlsx', mimeType: 'application/octet-stream', buffer });
    await office
      .getByRole('button', { name: /上传并预览/ })
      .filter({ visible: true })
      .click();
    await office.getByText('1 行的完成时限早于今天').waitFor();
    const row = office
      .getByRole('row')
      .filter({ hasText: addDays(today, -20) })
      .filter({ hasText: '早于今天' });
    expect((await row.first().getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['任务', '2', 'G']);
    // A warning does not block: everything can be imported.
    await expect
      .poll(() =>
        office
          .getByRole('button', { name: /全部导入/ })
          .filter({ visible: true })
          .isDisabled(),
      )
      .toBe(false);
    await row.first().scrollIntoViewIfNeeded();
    await e.screenshot(office, 'worklists-import-past-deadline-phone');
  });
});
