import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findUserByUsername, listUnits } from '../org/index.js';
import { findDemandBy, insertKnowledge, insertRouteRule, insertSubject, listSubjects } from './demands.repository.js';
import { answerDemand, intakeDemand, signForDemand } from './demands.service.js';
import { enterpriseOfUser } from '../policies/index.js';

/**
 * The business subjects the reference city's enterprise line sorts demands by, each with the unit
 * that answers it in the city (the office edits both). 其他 has no rule: the office dispatches it.
 */
const SUBJECTS: { name: string; unit: string | null; children?: string[] }[] = [
  { name: '开办企业', unit: '呼和浩特市行政审批和政务服务局', children: ['设立登记', '变更与注销'] },
  { name: '纳税', unit: '国家税务总局呼和浩特市税务局' },
  { name: '获得电力', unit: '内蒙古电力（集团）有限责任公司呼和浩特供电分公司' },
  { name: '获得用水用气', unit: '呼和浩特春华水务开发集团有限责任公司' },
  { name: '工程建设审批', unit: '呼和浩特市住房和城乡建设局' },
  { name: '登记财产', unit: '呼和浩特市不动产登记中心' },
  { name: '融资', unit: '呼和浩特市人民政府金融工作办公室' },
  { name: '政策兑现', unit: '呼和浩特市发展和改革委员会' },
  { name: '市场监管', unit: '呼和浩特市市场监督管理局' },
  { name: '其他', unit: null },
];

export async function seedDemandReference(ctx: AppContext): Promise<{ subjects: number }> {
  return withTransaction(ctx.db, async (trx) => {
    if ((await listSubjects(trx)).length) return { subjects: 0 };
    const units = new Map((await listUnits(trx)).map((u) => [u.name, u.id]));
    const at = ctx.clock().toISOString();
    let n = 0;
    for (const [i, s] of SUBJECTS.entries()) {
      const id = await insertSubject(trx, { parent_id: null, name: s.name, sort_order: (i + 1) * 10 });
      n++;
      for (const [j, child] of (s.children ?? []).entries()) {
        await insertSubject(trx, { parent_id: id, name: child, sort_order: (i + 1) * 10 + j + 1 });
        n++;
      }
      const unitId = s.unit ? units.get(s.unit) : undefined;
      if (unitId) await insertRouteRule(trx, { subject_id: id, county_code: null, unit_id: unitId, updated_at: at });
    }
    await audit(ctx, trx, SYSTEM_ACTOR, { action: 'demands.seed', entity: 'demand_subject', entityId: null, after: { subjects: n } });
    return { subjects: n };
  });
}

/** Answers the seat reads out, marked 示例: the office replaces them with its own. */
const DEMO_ANSWERS = [
  {
    subject: '开办企业',
    question: '（示例）企业开办需要多长时间？',
    keywords: '开办 营业执照 多久 时限',
    answer: '（示例）通过“一网通办”平台提交企业开办申请，材料齐全的 0.5 个工作日内办结，营业执照、公章、发票和社保登记一次办好。',
  },
  {
    subject: '纳税',
    question: '（示例）小规模纳税人如何申报增值税？',
    keywords: '增值税 申报 小规模',
    answer: '（示例）通过电子税务局按季度申报，月销售额 10 万元以下免征增值税。',
  },
  {
    subject: '获得电力',
    question: '（示例）低压小微企业接电要多久？',
    keywords: '接电 低压 报装',
    answer: '（示例）低压小微企业用电报装“零上门、零审批、零投资”，办电时间不超过 6 个工作日。',
  },
];

export async function seedDemandDemo(ctx: AppContext): Promise<{ tickets: number }> {
  const subjects = new Map((await listSubjects(ctx.db)).map((s) => [s.name, s.id]));
  const seat = await findUserByUsername(ctx.db, 'office');
  if (!seat || (await findDemandBy(ctx.db, 'idempotency_key', 'demo-seed-0'))) return { tickets: 0 };
  await withTransaction(ctx.db, async (trx) => {
    for (const a of DEMO_ANSWERS) {
      await insertKnowledge(trx, {
        subject_id: subjects.get(a.subject) ?? null,
        question: a.question,
        answer: a.answer,
        keywords: a.keywords,
        policy_id: null,
        service_id: null,
        updated_at: ctx.clock().toISOString(),
      });
    }
  });
  const actor = { ...SYSTEM_ACTOR, id: seat.id, displayName: seat.display_name, role: 'office' as const };
  const demo = [
    {
      type: 'complaint' as const,
      subject: '获得电力',
      name: '（示例）青城示例机械有限公司',
      phone: '13800001234',
      text: '（示例）新建厂房申请低压接电已超过两周，尚未安排现场勘查。',
    },
    {
      type: 'help' as const,
      subject: '政策兑现',
      name: '（示例）首府示例食品有限公司',
      phone: '13900005678',
      text: '（示例）去年申报的技术改造补贴至今未到账，请协助了解进度。',
    },
    {
      type: 'consult' as const,
      subject: '纳税',
      name: '（示例）敕勒川示例商贸有限公司',
      phone: '13700009012',
      text: '（示例）咨询小规模纳税人季度申报流程。',
    },
  ];
  for (const [i, d] of demo.entries()) {
    await intakeDemand(ctx, actor, {
      channel: 'seat',
      type: d.type,
      subjectId: subjects.get(d.subject)!,
      enterpriseName: d.name,
      contactName: '（示例）联系人',
      contactPhone: d.phone,
      description: d.text,
      idempotencyKey: `demo-seed-${i}`,
    });
  }
  return { tickets: demo.length };
}

/**
 * A complaint against the demo enterprise (the `enterprise` account's), found substantiated by the
 * market-regulation unit, so that its credit page shows a record from the desk and the sentence that
 * explains it. Needs the demo registry (the full demo); idempotent by its key.
 */
export async function seedDemandCreditDemo(ctx: AppContext): Promise<{ tickets: number }> {
  const seat = await findUserByUsername(ctx.db, 'office');
  const account = await findUserByUsername(ctx.db, 'enterprise');
  const target = account ? await enterpriseOfUser(ctx.db, account.id) : undefined;
  const subjectId = (await listSubjects(ctx.db)).find((s) => s.name === '市场监管')?.id;
  if (!seat || !target || !subjectId || (await findDemandBy(ctx.db, 'idempotency_key', 'demo-seed-credit'))) return { tickets: 0 };
  const desk = { ...SYSTEM_ACTOR, id: seat.id, displayName: seat.display_name, role: 'office' as const };
  const t = await intakeDemand(ctx, desk, {
    channel: 'seat',
    type: 'complaint',
    subjectId,
    enterpriseName: '（示例）敕勒川示例建材有限公司',
    respondentUscc: target.uscc,
    contactName: '（示例）联系人',
    contactPhone: '13600003456',
    description: '（示例）供货方以次充好，合同约定的建材检测报告与实物不符。',
    idempotencyKey: 'demo-seed-credit',
  });
  if (!t.unitId) return { tickets: 1 };
  const unit = { ...SYSTEM_ACTOR, displayName: '（示例）承办单位联络员', role: 'liaison' as const, unitId: t.unitId };
  const signed = await signForDemand(ctx, unit, t.id, t.version);
  await answerDemand(ctx, unit, t.id, {
    version: signed.version,
    answer: '（示例）经现场核查，供货检测报告与实物不符属实，已责令整改并依法处理。',
    finding: 'substantiated',
  });
  return { tickets: 1 };
}
