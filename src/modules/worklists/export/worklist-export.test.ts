import { describe, expect, it } from 'vitest';
import type { ItemKind, ItemView } from '../../../common/schemas/worklists.js';
import { referenceDirectory } from '../import/import.fixtures.js';
import { parseWorkbook } from '../import/workbook-parser.js';
import { buildWorklistWorkbook } from './worklist-export.js';

const units = referenceDirectory();
const unit = (name: string) => ({ id: units.resolve(name)!.id, name: units.resolve(name)!.name });

function item(kind: ItemKind, code: string, extra: Partial<ItemView> = {}): ItemView {
  return {
    id: Number(code.replace(/\D/g, '')) || 1,
    listId: 1,
    listName: `${kind}清单`,
    kind,
    code,
    area: '开办企业',
    content: `事项 ${code}`,
    measures: null,
    deadline: '2026-06-30',
    ongoing: false,
    status: 'in_progress',
    percent: 40,
    overdue: false,
    overdueWorkdays: 0,
    dueInWorkdays: 10,
    closedAt: null,
    closedLateWorkdays: 0,
    returnReason: null,
    leadUnits: [unit('市发改委')],
    coopUnits: [unit('新城区'), unit('市财政局')],
    tags: [],
    sourceEvaluation: null,
    rectification: null,
    level: null,
    maxScore: null,
    selfScore: null,
    scoringRule: null,
    stage: null,
    version: 1,
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...extra,
  };
}

describe('export layout reads back through the importer without loss', () => {
  it.each<[ItemKind, Partial<ItemView>]>([
    ['task', { measures: '按月报送', tags: ['重点', '攻坚'] }],
    ['problem', { sourceEvaluation: '2023年自治区营商环境评价', rectification: '压缩办理环节' }],
    ['question', { level: 'county', maxScore: 5, selfScore: 3.5, scoringRule: '每少一个环节加1分' }],
    ['case', { stage: 'selected', ongoing: true, deadline: null }],
  ])('%s list', async (kind, extra) => {
    const items = [item(kind, '1.10', extra), item(kind, '2', extra), item(kind, '1.9', extra)];
    const buffer = await buildWorklistWorkbook(items, { title: 'x' });
    const p = await parseWorkbook(buffer, { kind, units, maxBytes: 20 * 1024 * 1024, year: 2026 });
    expect(p.problems).toEqual([]);
    expect(p.rows.map((r) => r.code)).toEqual(['1.9', '1.10', '2']); // natural order, codes stay text
    const back = p.rows.find((r) => r.code === '1.10')!;
    const src = items[0];
    expect(back).toMatchObject({
      area: src.area,
      content: src.content,
      measures: src.measures,
      deadline: src.deadline,
      ongoing: src.ongoing,
      leadUnits: src.leadUnits,
      coopUnits: src.coopUnits,
    });
    const { sourceEvaluation, rectification, level, maxScore, selfScore, scoringRule, stage, tags } = src;
    const expected = Object.fromEntries(
      Object.entries({ sourceEvaluation, rectification, level, maxScore, selfScore, scoringRule, stage }).filter(([, v]) => v !== null),
    );
    expect(back.extra).toEqual({ ...expected, ...(tags.length ? { tags } : {}) });
  });

  it('writes one sheet per list, so each re-imports into its own list', async () => {
    const a = item('task', '1');
    const b = { ...item('task', '1'), listId: 2, listName: '另一清单' };
    const p = await parseWorkbook(await buildWorklistWorkbook([a, b], { title: 'x' }), {
      kind: 'task',
      units,
      maxBytes: 20 * 1024 * 1024,
      year: 2026,
    });
    expect(p.mapping.map((m) => m.sheet)).toEqual(['task清单', '另一清单']);
  });
});
