import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { loadUnitResolver } from '../org/units.service.js';
import { saveMatters } from './catalogue.service.js';
import { insertRow, listMatters } from './enforcement.repository.js';

const OFFICE = { ...SYSTEM_ACTOR, role: 'office' as const };

/**
 * A small, clearly synthetic catalogue (示例) for two departments: matters with their inspection
 * items, officers (one certificate expired, one missing, to show the block), a first-violation
 * list entry and two normative documents. Idempotent: skipped when any matter exists.
 */
export async function seedDemoEnforcement(ctx: AppContext): Promise<{ matters: number }> {
  if ((await listMatters(ctx.db)).length) return { matters: 0 };
  const units = await loadUnitResolver(ctx.db);
  const market = units.resolve('市市场监管局');
  const ecology = units.resolve('市生态环境局');
  if (!market || !ecology) return { matters: 0 };
  const at = ctx.clock().toISOString();
  await withTransaction(ctx.db, async (trx) => {
    await saveMatters(
      ctx,
      trx,
      OFFICE,
      [
        {
          unitId: market.id,
          code: 'SJ-XZJC-001',
          name: '对食品经营者的监督检查（示例）',
          type: 'inspection',
          legalBasis: '《中华人民共和国食品安全法》第一百一十条',
          items: [
            { code: 'SJ-CC-01', name: '食品经营许可情况检查（示例）' },
            { code: 'SJ-CC-02', name: '食品标签标识检查（示例）' },
          ],
        },
        {
          unitId: market.id,
          code: 'SJ-XZCF-001',
          name: '对未按规定公示年度报告的处罚（示例）',
          type: 'penalty',
          legalBasis: '《企业信息公示暂行条例》第十八条',
          items: [{ code: 'SJ-CC-03', name: '年度报告公示信息检查（示例）' }],
        },
        {
          unitId: ecology.id,
          code: 'ST-XZJC-001',
          name: '对排污单位的监督检查（示例）',
          type: 'inspection',
          legalBasis: '《排污许可管理条例》第二十六条',
          items: [{ code: 'ST-CC-01', name: '排污许可证执行情况检查（示例）' }],
        },
      ],
      () => 'seed',
    );
    const officers: [number, string, string | null, string | null][] = [
      [market.id, '张执法（示例）', '15010001', '2028-12-31'],
      [market.id, '李执法（示例）', '15010002', '2028-12-31'],
      [market.id, '王执法（示例）', '15010003', '2027-06-30'],
      [market.id, '赵执法（示例，证件过期）', '15010004', '2025-12-31'],
      [market.id, '钱执法（示例，未登记证件）', null, null],
      [ecology.id, '孙执法（示例）', '15020001', '2028-12-31'],
      [ecology.id, '周执法（示例）', '15020002', '2028-12-31'],
    ];
    for (const [unit_id, name, cert_no, cert_valid_to] of officers)
      await insertRow(trx, 'enf_officer', { unit_id, name, cert_no, cert_valid_to, created_at: at, updated_at: at });
    await insertRow(trx, 'enf_waiver', {
      unit_id: market.id,
      item_code: 'SJ-CC-03',
      kind: 'first',
      description: '首次未按时公示年度报告且及时改正的，不予处罚（示例）',
      created_at: at,
    });
    await insertRow(trx, 'enf_document', {
      unit_id: market.id,
      title: '关于规范食品经营检查的通知（示例）',
      doc_number: '呼市监发〔2021〕1号',
      issued_on: '2021-03-01',
      created_at: at,
      updated_at: at,
    });
    await insertRow(trx, 'enf_document', {
      unit_id: ecology.id,
      title: '排污单位监督检查工作规程（示例）',
      doc_number: '呼环发〔2020〕8号',
      issued_on: '2020-06-01',
      created_at: at,
      updated_at: at,
    });
  });
  return { matters: (await listMatters(ctx.db)).length };
}
