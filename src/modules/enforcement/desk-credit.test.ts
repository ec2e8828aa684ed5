import { expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { drainJobs, enqueueJob } from '../../jobs/runtime.js';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';
import { listUnits } from '../org/index.js';
import { createUser } from '../org/users.service.js';
import { syntheticUscc } from '../policies/index.js';
import { regradeAll } from './credit.service.js';

interface Profile {
  grade: string | null;
  score: number | null;
  computedAt: string | null;
  explanation: { factor: string; count: number; points: number; line: { zh: string; en: string } }[];
  records: { id: number; kind: string; unitId: number | null; summary: string; occurredOn: string; endedOn: string | null }[];
}

describeEachDialect('enforcement × demands: complaints found substantiated at the desk in the credit grade', (h) => {
  it(
    'grades the enterprise complained about from substantiated findings only, once per ticket, within the look-back window',
    { timeout: 240_000 },
    async () => {
      const office = await h.as('office');
      const liaison = await h.as('liaison');
      const unitId = (await liaison.get('/api/v1/auth/me')).json().user.unitId as number;
      const subject = (await office.post('/api/v1/demands/subjects', { name: '市场经营秩序（测试）' })).json().id as number;
      expect((await office.post('/api/v1/demands/route-rules', { subjectId: subject, unitId })).statusCode).toBe(201);
      const register = async (n: number, name: string) => {
        const uscc = syntheticUscc(9600 + n, '150102', '有限责任公司');
        const res = await office.post('/api/v1/policies/enterprises', { uscc, name, county: '新城区', industryCode: '5221' });
        expect(res.statusCode).toBe(201);
        return { uscc, id: res.json().id as number };
      };
      const complainant = await register(1, '投诉企业（示例）');
      const target = await register(2, '被投诉企业甲（示例）');
      const cleared = await register(3, '被投诉企业乙（示例）');
      const unknownUscc = syntheticUscc(9699, '150102', '有限责任公司');

      // — intake: only 投诉/举报 name a respondent, checked like the ticket's enterprise —
      const intake = (body: Record<string, unknown>) =>
        office.post('/api/v1/demands', {
          channel: 'seat',
          subjectId: subject,
          uscc: complainant.uscc,
          contactPhone: '13900003333',
          description: '（示例）对方企业虚假宣传、拖欠货款',
          ...body,
        });
      const onConsult = await intake({ type: 'consult', respondentUscc: target.uscc });
      expect(onConsult.json().code).toBe('VALIDATION_FAILED');
      expect(onConsult.json().details[0].path).toBe('body.respondentUscc');
      const malformed = await intake({ type: 'complaint', respondentUscc: '12345' });
      expect(malformed.json()).toMatchObject({ code: 'DEMAND_USCC_INVALID', details: [{ path: 'body.respondentUscc' }] });
      const self = await intake({ type: 'complaint', respondentUscc: complainant.uscc });
      expect(self.json().code).toBe('VALIDATION_FAILED');
      expect(self.json().details[0].path).toBe('body.respondentUscc');
      const unknown = await intake({ type: 'complaint', respondentUscc: unknownUscc, respondentName: '未登记企业（示例）' });
      expect(unknown.statusCode).toBe(201);
      expect(unknown.json().respondent).toEqual({ uscc: unknownUscc, name: '未登记企业（示例）', known: false });

      const t1 = (await intake({ type: 'complaint', respondentUscc: target.uscc })).json();
      expect(t1.respondent).toEqual({ uscc: target.uscc, name: '被投诉企业甲（示例）', known: true });
      expect(t1.unitId).toBe(unitId);
      // The second names no respondent at intake: the handling unit names it.
      const t2 = (await intake({ type: 'report' })).json();
      const t3 = (await intake({ type: 'complaint', respondentUscc: cleared.uscc })).json();
      const t4 = (await intake({ type: 'report', respondentUscc: target.uscc })).json();
      const audited = async (action: string) =>
        (
          await h.ctx.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', action).orderBy('id').execute()
        ).map((a) => ({ before: JSON.parse(a.before_json ?? 'null'), after: JSON.parse(a.after_json ?? 'null') }));
      expect((await audited('demands.intake')).find((a) => a.after.code === t1.code)!.after).toMatchObject({
        respondentUscc: target.uscc,
        respondentKnown: true,
      });

      // — another unit can neither name the respondent nor record a finding on this unit's tickets —
      const other = (await listUnits(h.ctx.db)).find((u) => u.id !== unitId)!;
      await createUser(h.ctx, SYSTEM_ACTOR, {
        username: 'other_unit_liaison',
        displayName: '他单位联络员',
        role: 'liaison',
        unitId: other.id,
        password: TEST_PASSWORD,
        mustChangePassword: false,
      });
      const foreign = await h.as('other_unit_liaison');
      expect((await foreign.post(`/api/v1/demands/${t2.id}/respondent`, { version: t2.version, uscc: target.uscc })).statusCode).toBe(404);

      const sign = async (t: { id: number; version: number }) =>
        (await liaison.post(`/api/v1/demands/${t.id}/sign-for`, { version: t.version })).json() as { id: number; version: number };
      const s1 = await sign(t1);
      let s2 = await sign(t2);
      const s3 = await sign(t3);
      const s4 = await sign(t4);
      const named = await liaison.post(`/api/v1/demands/${t2.id}/respondent`, { version: s2.version, uscc: target.uscc });
      expect(named.statusCode).toBe(200);
      expect(named.json().respondent).toMatchObject({ uscc: target.uscc, known: true });
      s2 = named.json();
      expect(await audited('demands.setRespondent')).toMatchObject([
        { before: { respondentUscc: null }, after: { respondentUscc: target.uscc } },
      ]);

      expect(
        (await foreign.post(`/api/v1/demands/${t1.id}/answer`, { version: s1.version, answer: '经核查属实。', finding: 'substantiated' }))
          .statusCode,
      ).toBe(404);
      // A ticket naming a respondent needs the finding with the answer.
      const noFinding = await liaison.post(`/api/v1/demands/${t1.id}/answer`, { version: s1.version, answer: '已处理。' });
      expect(noFinding.json().code).toBe('VALIDATION_FAILED');
      expect(noFinding.json().details[0].path).toBe('body.finding');
      const answer = async (t: { id: number; version: number }, finding: string) => {
        const res = await liaison.post(`/api/v1/demands/${t.id}/answer`, {
          version: t.version,
          answer: '经现场核查，情况已答复。',
          finding,
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().finding).toBe(finding);
        return res.json() as { ratingCode: string };
      };
      await answer(s1, 'substantiated');
      const a2 = await answer(s2, 'partly');
      await answer(s3, 'unsubstantiated');
      await answer(s4, 'substantiated');
      // Nothing about the foreign attempt or the refused answer was kept.
      expect((await office.get(`/api/v1/demands/${t1.id}`)).json()).toMatchObject({ status: 'answered', finding: 'substantiated' });

      // Everyone graded before the job: 100 → A.
      await regradeAll(h.ctx, SYSTEM_ACTOR);
      const profile = async (id: number) => (await office.get(`/api/v1/enforcement/credit/${id}`)).json() as Profile;
      const before = { complainant: await profile(complainant.id), cleared: await profile(cleared.id) };
      expect((await profile(target.id)).grade).toBe('A');

      const run = async () => {
        await enqueueJob(h.ctx, 'enforcement.desk-complaints', {});
        await drainJobs(h.ctx);
      };
      await run();
      // 100 + 3 × (−5) = 85 → B (80–94).
      const graded = await profile(target.id);
      expect(graded).toMatchObject({ grade: 'B', score: 85 });
      expect(graded.explanation).toEqual([
        {
          factor: 'deskComplaint',
          count: 3,
          points: -15,
          line: {
            zh: '近一年被投诉并经查实 3 次（企业诉求专席）',
            en: 'Complained about and found substantiated 3 time(s) in the past year (enterprise demand desk)',
          },
        },
      ]);
      expect(graded.records.map((r) => [r.kind, r.unitId, r.summary, r.occurredOn, r.endedOn])).toEqual([
        ['deskComplaint', unitId, `【${t1.code}】被投诉（举报）经查实（企业诉求专席）`, '2026-03-02', null],
        ['deskComplaint', unitId, `【${t2.code}】被投诉（举报）经部分查实（企业诉求专席）`, '2026-03-02', null],
        ['deskComplaint', unitId, `【${t4.code}】被投诉（举报）经查实（企业诉求专席）`, '2026-03-02', null],
      ]);
      // Not substantiated: no record, no change; the complaining enterprise is untouched.
      expect(await profile(cleared.id)).toEqual(before.cleared);
      expect(await profile(complainant.id)).toEqual(before.complainant);

      // A second run adds nothing.
      const records = () =>
        h.ctx.db.selectFrom('enf_credit_record').select(['id', 'ticket_id', 'ended_on']).where('kind', '=', 'deskComplaint').execute();
      const once = await records();
      await run();
      expect(await records()).toEqual(once);
      expect((await profile(target.id)).score).toBe(85);

      // Rated 不满意, the partly substantiated one is reopened and answered again as not substantiated: its record ends.
      expect((await h.anonymous().post('/api/v1/demands/public/rate', { code: a2.ratingCode, level: 2 })).json().reopened).toBe(true);
      const reopened = (await liaison.get(`/api/v1/demands/${t2.id}`)).json();
      expect(reopened.status).toBe('in_progress');
      await answer(reopened, 'unsubstantiated');
      await run();
      const withdrawn = await profile(target.id);
      expect(withdrawn).toMatchObject({ grade: 'B', score: 90 });
      expect(withdrawn.records.find((r) => r.summary.includes(t2.code))!.endedOn).toBe('2026-03-02');

      // Credit repair ends one record's effect like any other's; the job does not make it again.
      const r1 = graded.records[0]!;
      const applied = await office.post('/api/v1/enforcement/repairs', { recordId: r1.id, reason: '已与投诉方和解并整改完毕（示例）' });
      expect(applied.statusCode).toBe(201);
      const reviewed = await liaison.post(`/api/v1/enforcement/repairs/${applied.json().id}/review`, {
        approve: true,
        note: '整改到位',
        version: applied.json().version,
      });
      expect(reviewed.statusCode).toBe(200);
      await run();
      const repaired = await profile(target.id);
      expect(repaired).toMatchObject({ grade: 'A', score: 95 });
      expect(repaired.records.filter((r) => r.endedOn === null)).toHaveLength(1);
      expect((await records()).length).toBe(3);

      // A year on, the last finding leaves the window: its record ends the day it left.
      h.now = new Date('2027-03-05T02:00:00Z');
      await run();
      // (the sessions of a year ago have expired: the office logs in again)
      const officeLater = await login(h.app, 'office', TEST_PASSWORD);
      const later = (await officeLater.get(`/api/v1/enforcement/credit/${target.id}`)).json() as Profile;
      expect(later).toMatchObject({ grade: 'A', score: 100, explanation: [] });
      expect(later.records.find((r) => r.summary.includes(t4.code))!.endedOn).toBe('2027-03-02');
      expect((await records()).length).toBe(3);
      expect((await audited('enforcement.credit.end')).map((a) => a.after.why)).toEqual(['findingWithdrawn', 'lookBack']);
    },
  );
});
