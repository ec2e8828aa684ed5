import { expect, it } from 'vitest';
import { drainJobs, enqueueJob } from '../../jobs/runtime.js';
import { describeEachDialect } from '../../test/harness.js';
import { syntheticUscc } from '../policies/index.js';

describeEachDialect('enforcement: complaints from the demand desk', (h) => {
  it(
    'turns 投诉/举报 tickets on the enforcement subjects into complaints once, linked by ticket, for the unit dispatched to',
    {
      timeout: 180_000,
    },
    async () => {
      const office = await h.as('office');
      // The complaint goes to the unit the desk dispatches to: the demo liaison's, so someone is told.
      const liaison = await h.as('liaison');
      const market = (await liaison.get('/api/v1/auth/me')).json().user.unitId as number;
      const subjects = (await office.get('/api/v1/demands/subjects')).json() as { id: number; name: string }[];
      const opening = subjects.find((s) => s.name === '开办企业')!.id;
      const supervision = (await office.post('/api/v1/demands/subjects', { name: '执法监督' })).json().id as number;
      expect((await office.post('/api/v1/demands/route-rules', { subjectId: supervision, unitId: market })).statusCode).toBe(201);
      const uscc = syntheticUscc(9500, '150102', '有限责任公司');
      const enterprise = (
        await office.post('/api/v1/policies/enterprises', {
          uscc,
          name: '执法投诉测试企业（示例）',
          county: '新城区',
          industryCode: '5221',
        })
      ).json().id as number;

      const ticket = async (type: string, subjectId: number, description: string, key: string) => {
        const res = await office.post('/api/v1/demands', {
          channel: 'seat',
          type,
          subjectId,
          uscc,
          contactName: '测试联系人（虚构）',
          contactPhone: '138-0000-0000',
          description,
          idempotencyKey: key,
        });
        expect(res.statusCode).toBe(201);
        return res.json() as { id: number; code: string };
      };
      const complaint = await ticket('complaint', supervision, '执法人员一年内三次检查同一事项（测试）', 'enf-desk-1');
      const report = await ticket('report', supervision, '检查时索要材料超出清单范围（测试）', 'enf-desk-2');
      await ticket('consult', supervision, '咨询执法检查的依据（测试）', 'enf-desk-3');
      await ticket('complaint', opening, '营业执照办理慢（测试）', 'enf-desk-4');

      const run = async () => {
        await enqueueJob(h.ctx, 'enforcement.desk-complaints', {});
        await drainJobs(h.ctx);
      };
      await run();
      await run();

      const imported = (
        (await office.get('/api/v1/enforcement/complaints')).json() as { ticketId: number | null; source: string; unitId: number }[]
      ).filter((c) => c.ticketId !== null);
      expect(imported.map((c) => c.ticketId).sort()).toEqual([complaint.id, report.id].sort());
      for (const c of imported) expect(c).toMatchObject({ source: 'demand', unitId: market, enterpriseId: enterprise, status: 'open' });
      expect(imported.map((c) => (c as unknown as { summary: string }).summary)).toContain(
        `【${complaint.code}】执法人员一年内三次检查同一事项（测试）`,
      );
      const audits = await h.ctx.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('action', '=', 'enforcement.complaint.import')
        .execute();
      expect(audits.map((a) => JSON.parse(a.after_json!).ticketId).sort()).toEqual([complaint.id, report.id].sort());
      const told = (await (await liaison.get('/api/v1/notifications')).json()) as { items: { title: string }[] };
      expect(told.items.filter((n) => n.title === '涉企执法投诉待处理（来自企业诉求专席）')).toHaveLength(2);
    },
  );
});
