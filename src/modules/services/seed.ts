import { addDays, chinaDate } from '../../common/dates.js';
import type { ServiceBody, ServiceFlag } from '../../common/schemas/services.js';
import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { addRatingCode } from '../demands/index.js';
import { loadUnitResolver } from '../org/units.service.js';
import { audit } from '../org/audit.service.js';
import { serviceRow } from './catalogue.service.js';
import {
  addToCaseDay,
  endService,
  insertCase,
  insertMembers,
  insertPackage,
  insertPoint,
  insertRound,
  insertRoundChanges,
  insertService,
  insertSteps,
  listPackages,
} from './services.repository.js';
import { insertAssistant, insertAssistedCases } from './assisted.repository.js';
import { setAssistantRatingCode } from './network.service.js';
import { WORKDAY_MINUTES, workingMinutesBetween } from './working-time.js';

/**
 * Demo data, clearly synthetic (applicants and assistants marked 示例, codes SL-…): a small city
 * catalogue, the report's named one-thing packages with cases (most on time, some late), network
 * points in every county, assistants and assisted cases. The report's own figures are not typed
 * in anywhere: the summary page computes whatever these records give.
 */

interface DemoService {
  code: string;
  name: string;
  unit: string;
  type: ServiceBody['type'];
  legal: number;
  promised: number;
  flags: ServiceFlag[];
  materials: string[];
}

const F_ALL: ServiceFlag[] = ['online', 'fullyOnline', 'mobile'];
const SERVICES: DemoService[] = [
  {
    code: 'SL-SC-001',
    name: '企业设立登记',
    unit: '市市场监管局',
    type: 'licence',
    legal: 15,
    promised: 0.5,
    flags: [...F_ALL, 'smart', 'hubao', 'regional', 'crossProvince'],
    materials: ['公司登记申请书', '公司章程', '法定代表人身份证明（共享）'],
  },
  {
    code: 'SL-GA-001',
    name: '公章刻制备案',
    unit: '市公安局',
    type: 'confirmation',
    legal: 5,
    promised: 0.5,
    flags: F_ALL,
    materials: ['营业执照（共享）'],
  },
  {
    code: 'SL-SW-001',
    name: '发票申领',
    unit: '市税务局',
    type: 'public_service',
    legal: 5,
    promised: 0.5,
    flags: [...F_ALL, 'hubao'],
    materials: ['营业执照（共享）', '办税人员身份证明'],
  },
  {
    code: 'SL-RS-001',
    name: '单位参保登记',
    unit: '市人社局',
    type: 'public_service',
    legal: 5,
    promised: 0.5,
    flags: [...F_ALL, 'regional'],
    materials: ['营业执照（共享）'],
  },
  {
    code: 'SL-GJJ-001',
    name: '住房公积金单位登记开户',
    unit: '市公积金中心',
    type: 'public_service',
    legal: 5,
    promised: 0.5,
    flags: [...F_ALL, 'crossProvince'],
    materials: ['营业执照（共享）'],
  },
  {
    code: 'SL-YB-001',
    name: '医保单位参保登记',
    unit: '市医保局',
    type: 'public_service',
    legal: 5,
    promised: 0.5,
    flags: F_ALL,
    materials: ['营业执照（共享）'],
  },
  {
    code: 'SL-SC-010',
    name: '药品经营许可证核发',
    unit: '市市场监管局',
    type: 'licence',
    legal: 20,
    promised: 1,
    flags: ['online', 'fullyOnline'],
    materials: ['申请书', '质量管理文件', '营业执照（共享）', '执业药师证明'],
  },
  {
    code: 'SL-SC-011',
    name: '第二类医疗器械经营备案',
    unit: '市市场监管局',
    type: 'confirmation',
    legal: 20,
    promised: 1,
    flags: ['online', 'fullyOnline'],
    materials: ['备案表', '经营场所证明（共享）'],
  },
  {
    code: 'SL-GA-010',
    name: '新能源汽车注册登记',
    unit: '市公安局',
    type: 'confirmation',
    legal: 2,
    promised: 0.06,
    flags: ['online', 'mobile', 'smart'],
    materials: ['机动车合格证', '购车发票（共享）', '交强险凭证（共享）'],
  },
  {
    code: 'SL-SW-010',
    name: '车辆购置税申报',
    unit: '市税务局',
    type: 'payment',
    legal: 2,
    promised: 0.06,
    flags: [...F_ALL, 'smart'],
    materials: ['购车发票（共享）'],
  },
  {
    code: 'SL-SD-001',
    name: '供水报装',
    unit: '春华水务',
    type: 'public_service',
    legal: 6,
    promised: 0.5,
    flags: F_ALL,
    materials: ['用水申请表', '产权证明（共享）'],
  },
  {
    code: 'SL-SD-002',
    name: '低压供电报装',
    unit: '呼和浩特供电分公司',
    type: 'public_service',
    legal: 6,
    promised: 0.5,
    flags: [...F_ALL, 'hubao'],
    materials: ['用电申请表', '产权证明（共享）'],
  },
  {
    code: 'SL-SD-003',
    name: '燃气报装',
    unit: '市住建局',
    type: 'public_service',
    legal: 6,
    promised: 0.5,
    flags: ['online', 'mobile'],
    materials: ['用气申请表', '产权证明（共享）'],
  },
  {
    code: 'SL-SD-004',
    name: '供热报装',
    unit: '市住建局',
    type: 'public_service',
    legal: 6,
    promised: 0.5,
    flags: ['online'],
    materials: ['用热申请表'],
  },
  {
    code: 'SL-SD-005',
    name: '有线电视与通信报装',
    unit: '市文旅广电局',
    type: 'public_service',
    legal: 6,
    promised: 0.5,
    flags: ['online', 'mobile'],
    materials: ['报装申请表'],
  },
  {
    code: 'SL-SC-020',
    name: '食品经营许可',
    unit: '市市场监管局',
    type: 'licence',
    legal: 20,
    promised: 3,
    flags: [...F_ALL, 'park'],
    materials: ['食品经营许可申请书', '营业执照（共享）', '食品安全管理制度'],
  },
  {
    code: 'SL-ZJ-020',
    name: '公众聚集场所投入使用营业前消防安全检查',
    unit: '市住建局',
    type: 'inspection',
    legal: 10,
    promised: 3,
    flags: ['online'],
    materials: ['消防安全检查申报表', '场所平面图'],
  },
  {
    code: 'SL-WL-001',
    name: '娱乐场所经营许可',
    unit: '市文旅广电局',
    type: 'licence',
    legal: 20,
    promised: 5,
    flags: ['online', 'fullyOnline'],
    materials: ['申请书', '营业执照（共享）'],
  },
  {
    code: 'SL-WS-001',
    name: '公共场所卫生许可',
    unit: '市卫健委',
    type: 'licence',
    legal: 20,
    promised: 5,
    flags: ['online', 'fullyOnline', 'mobile', 'park'],
    materials: ['卫生许可申请书', '卫生管理制度'],
  },
  {
    code: 'SL-ZR-001',
    name: '建设用地规划许可证核发',
    unit: '市自然资源局',
    type: 'licence',
    legal: 20,
    promised: 10,
    flags: ['online'],
    materials: ['申请表', '用地批准文件（共享）', '规划条件'],
  },
  {
    code: 'SL-ZJ-001',
    name: '建筑工程施工许可证核发',
    unit: '市住建局',
    type: 'licence',
    legal: 7,
    promised: 3,
    flags: ['online', 'fullyOnline', 'park'],
    materials: ['施工许可申请表', '用地规划许可证（共享）', '施工合同'],
  },
  {
    code: 'SL-JT-001',
    name: '道路普通货物运输经营许可',
    unit: '市交通运输局',
    type: 'licence',
    legal: 20,
    promised: 5,
    flags: [...F_ALL, 'regional'],
    materials: ['申请表', '车辆行驶证（共享）'],
  },
  {
    code: 'SL-MZ-001',
    name: '婚姻登记',
    unit: '市民政局',
    type: 'confirmation',
    legal: 1,
    promised: 0.5,
    flags: ['online'],
    materials: ['身份证（免提交）', '户口簿'],
  },
  {
    code: 'SL-BDC-001',
    name: '不动产转移登记',
    unit: '市不动产登记中心',
    type: 'confirmation',
    legal: 30,
    promised: 1,
    flags: [...F_ALL, 'smart', 'hubao'],
    materials: ['登记申请书', '不动产权证书（共享）', '契税完税凭证（共享）'],
  },
];

/** County-level services in a few counties, so a county page has its own catalogue. */
const COUNTY_SERVICES: { code: string; name: string; county: string; flags: ServiceFlag[] }[] = [
  { code: 'SL-XC-001', name: '个体工商户登记', county: '新城区', flags: F_ALL },
  { code: 'SL-XC-002', name: '城乡居民养老保险参保登记', county: '新城区', flags: ['online', 'mobile'] },
  { code: 'SL-SH-001', name: '个体工商户登记', county: '赛罕区', flags: F_ALL },
  { code: 'SL-SH-002', name: '临时救助申请', county: '赛罕区', flags: ['online'] },
  { code: 'SL-TZ-001', name: '个体工商户登记', county: '土默特左旗', flags: ['online', 'fullyOnline'] },
  { code: 'SL-TZ-002', name: '农机购置补贴申请', county: '土默特左旗', flags: [] },
];

interface DemoPackage {
  code: string;
  name: string;
  kind: 'startup' | 'permit' | 'vehicle' | 'utilities' | 'operation';
  mode: 'parallel' | 'sequence';
  promised: number;
  members: string[];
  before: { steps: number; materials: number; days: number; visits: number; feeFen: number };
  after: { steps: number; visits: number; feeFen: number };
  waivedFen: number;
}

// Before/after figures of the report's named packages: 12 → 2 steps, 21 → 6 documents, 0.5 day (企业开办);
// 20 working days → 1 (药品 + 医疗器械); 2 working days → 30 minutes (新能源车); 6 → 0.5 (水电气暖视讯).
const PACKAGES: DemoPackage[] = [
  {
    code: 'SL-YJS-QYKB',
    name: '企业开办“一件事”',
    kind: 'startup',
    mode: 'parallel',
    promised: 0.5,
    members: ['SL-SC-001', 'SL-GA-001', 'SL-SW-001', 'SL-RS-001', 'SL-GJJ-001', 'SL-YB-001'],
    before: { steps: 12, materials: 21, days: 5, visits: 5, feeFen: 52000 },
    after: { steps: 2, visits: 0, feeFen: 0 },
    waivedFen: 52000,
  },
  {
    code: 'SL-YJS-YPQX',
    name: '药品和医疗器械经营许可“一件事”',
    kind: 'permit',
    mode: 'parallel',
    promised: 1,
    members: ['SL-SC-010', 'SL-SC-011'],
    before: { steps: 8, materials: 14, days: 20, visits: 3, feeFen: 0 },
    after: { steps: 2, visits: 0, feeFen: 0 },
    waivedFen: 0,
  },
  {
    code: 'SL-YJS-XNYC',
    name: '新能源汽车上牌“一件事”',
    kind: 'vehicle',
    mode: 'sequence',
    promised: 0.06,
    members: ['SL-SW-010', 'SL-GA-010'],
    before: { steps: 5, materials: 8, days: 2, visits: 2, feeFen: 0 },
    after: { steps: 1, visits: 1, feeFen: 0 },
    waivedFen: 0,
  },
  {
    code: 'SL-YJS-SDQW',
    name: '水电气暖视讯联合报装“一件事”',
    kind: 'utilities',
    mode: 'parallel',
    promised: 0.5,
    members: ['SL-SD-001', 'SL-SD-002', 'SL-SD-003', 'SL-SD-004', 'SL-SD-005'],
    before: { steps: 15, materials: 12, days: 6, visits: 5, feeFen: 0 },
    after: { steps: 1, visits: 0, feeFen: 0 },
    waivedFen: 0,
  },
  {
    code: 'SL-YJS-KCYD',
    name: '开办餐饮店（企业准营）“一件事”',
    kind: 'operation',
    mode: 'parallel',
    promised: 5,
    members: ['SL-SC-020', 'SL-ZJ-020', 'SL-WS-001'],
    before: { steps: 9, materials: 16, days: 30, visits: 4, feeFen: 0 },
    after: { steps: 2, visits: 1, feeFen: 0 },
    waivedFen: 0,
  },
];

const MATERIALS_OF: Record<string, string[]> = {
  'SL-YJS-QYKB': ['企业开办综合申请表', '公司章程', '股东身份证明', '住所证明', '法定代表人身份证明', '经办人身份证明'],
  'SL-YJS-YPQX': ['许可申请表（合一）', '质量管理文件', '执业药师证明', '经营场所证明'],
  'SL-YJS-XNYC': ['机动车合格证', '身份证明'],
  'SL-YJS-SDQW': ['联合报装申请表', '产权证明'],
  'SL-YJS-KCYD': ['准营综合申请表', '食品安全管理制度', '场所平面图', '卫生管理制度'],
};

export async function seedDemoServices(ctx: AppContext): Promise<{ services: number; packages: number; cases: number }> {
  if ((await listPackages(ctx.db)).length) return { services: 0, packages: 0, cases: 0 };
  const resolver = await loadUnitResolver(ctx.db);
  const unitId = (name: string) => resolver.resolve(name)?.id ?? resolver.resolve('市行政审批和政务服务局')?.id ?? resolver.all[0]!.id;
  const counties = resolver.all.filter((u) => u.kind === 'county' && u.status === 'active');
  const cal = await getWorkCalendar(ctx);
  const today = chinaDate(ctx.clock());
  const start = addDays(today, -400);
  const at = ctx.clock().toISOString();
  const seeded = await withTransaction(ctx.db, async (trx) => {
    const base = { countyId: null, feeFen: 0, parkBasis: null, place: '呼和浩特市政务服务中心', onlineUrl: null, validFrom: start };
    const materials = (ms: string[]) =>
      ms.map((m) => ({ name: m.replace(/（(共享|免提交)）/g, ''), shared: m.includes('（共享）'), exempt: m.includes('（免提交）') }));
    const units = new Map<string, number>();
    for (const s of SERVICES) {
      units.set(s.code, unitId(s.unit));
      const body: ServiceBody = {
        ...base,
        code: s.code,
        name: s.name,
        level: 'city',
        unitId: unitId(s.unit),
        type: s.type,
        legalDays: s.legal,
        promisedDays: s.promised,
        materials: materials(s.materials),
        flags: s.flags,
        parkBasis: s.flags.includes('park') ? 'agreement' : null,
      };
      await insertService(trx, serviceRow(body, at));
    }
    // One streamlining round 200 days ago: name pre-approval merged into company registration, one certificate removed.
    const roundDay = addDays(today, -200);
    const ended = [
      {
        code: 'SL-OLD-001',
        name: '企业名称预先核准',
        unit: '市市场监管局',
        action: 'merged',
        into: 'SL-SC-001',
        reason: '名称自主申报，并入企业设立登记',
      },
      {
        code: 'SL-OLD-002',
        name: '无犯罪记录证明开具（企业开办）',
        unit: '市公安局',
        action: 'removed',
        into: null,
        reason: '改为部门间核验，不再要求申请人提交',
      },
    ];
    const endedIds = [];
    for (const e of ended) {
      endedIds.push(
        await insertService(
          trx,
          serviceRow(
            {
              ...base,
              code: e.code,
              name: e.name,
              level: 'city',
              unitId: unitId(e.unit),
              type: 'confirmation',
              legalDays: 5,
              promisedDays: 3,
              materials: [],
              flags: ['online'],
            },
            at,
          ),
        ),
      );
    }
    const roundId = await insertRound(trx, {
      name: '市级政务服务事项精简（示例）',
      effective_on: roundDay,
      note: null,
      before_count: SERVICES.length + ended.length,
      after_count: SERVICES.length,
      created_at: at,
    });
    for (const id of endedIds) await endService(trx, id, roundDay, roundId, at);
    await insertRoundChanges(
      trx,
      ended.map((e) => ({
        round_id: roundId,
        code: e.code,
        name: e.name,
        action: e.action,
        into_code: e.into,
        to_level: null,
        reason: e.reason,
      })),
    );
    for (const s of COUNTY_SERVICES) {
      const county = resolver.resolve(s.county);
      if (!county) continue;
      await insertService(
        trx,
        serviceRow(
          {
            ...base,
            code: s.code,
            name: s.name,
            level: 'county',
            unitId: county.id,
            countyId: county.id,
            type: 'licence',
            legalDays: 15,
            promisedDays: 1,
            materials: materials(['申请书', '身份证（免提交）']),
            flags: s.flags,
            place: `${s.county}政务服务中心`,
          },
          at,
        ),
      );
    }
    let cases = 0;
    const packageIds = new Map<string, number>();
    for (const [pi, p] of PACKAGES.entries()) {
      const packageId = await insertPackage(trx, {
        code: p.code,
        name: p.name,
        kind: p.kind,
        mode: p.mode,
        promised_days: p.promised,
        form_fields: JSON.stringify(['申请人名称', '统一社会信用代码', '联系人', '联系电话', '经营地址']),
        materials: JSON.stringify(materials(MATERIALS_OF[p.code] ?? [])),
        before_steps: p.before.steps,
        before_materials: p.before.materials,
        before_days: p.before.days,
        before_visits: p.before.visits,
        before_fee_fen: p.before.feeFen,
        after_steps: p.after.steps,
        after_visits: p.after.visits,
        after_fee_fen: p.after.feeFen,
        place: '呼和浩特市政务服务中心“高效办成一件事”专窗',
        online_url: null,
        created_at: at,
        updated_at: at,
      });
      packageIds.set(p.code, packageId);
      await insertMembers(
        trx,
        p.members.map((code, i) => ({ package_id: packageId, seq: i + 1, service_code: code, unit_id: units.get(code)! })),
      );
      // Eight finished cases per package over the last weeks (every fourth one late in the first three packages); one still open.
      for (let k = 0; k < 9; k++) {
        const day = cal.addWorkdays(addDays(today, -30 + k * 3 + pi), 0);
        const submitted = new Date(`${day}T10:00:00+08:00`).toISOString();
        const late = k % 4 === 3 && pi < 3;
        const open = k === 8;
        const minutes = Math.max(10, Math.round(p.promised * WORKDAY_MINUTES * (late ? 1.8 : 0.6)));
        const finished = open ? null : finishAfter(cal, submitted, minutes);
        const elapsed = finished ? workingMinutesBetween(cal, submitted, finished) : null;
        const caseId = await insertCase(trx, {
          package_id: packageId,
          applicant: `示例企业${pi + 1}-${k + 1}有限公司`,
          submitted_at: submitted,
          finished_at: finished,
          status: open ? 'open' : 'done',
          elapsed_minutes: elapsed,
          late: elapsed !== null && elapsed > p.promised * WORKDAY_MINUTES ? 1 : 0,
          steps: p.kind === 'startup' ? p.after.steps : null,
          documents: p.kind === 'startup' ? (MATERIALS_OF[p.code]?.length ?? null) : null,
          waived_fen: p.waivedFen,
          created_at: at,
        });
        await insertSteps(
          trx,
          p.members.map((code, i) => ({
            case_id: caseId,
            seq: i + 1,
            unit_id: units.get(code)!,
            service_code: code,
            started_at: p.mode === 'parallel' || i === 0 || finished ? submitted : null,
            finished_at: finished,
            result: finished ? 'done' : null,
            note: null,
          })),
        );
        if (finished && elapsed !== null) {
          await addToCaseDay(trx, {
            package_id: packageId,
            day: chinaDate(new Date(finished)),
            finished: 1,
            late: elapsed > p.promised * WORKDAY_MINUTES ? 1 : 0,
            elapsed_minutes: elapsed,
            waived_fen: p.waivedFen,
          });
        }
        cases++;
      }
    }
    // The network: a centre with two all-in-one windows and a township point in every county, a bank outlet in the first three.
    let points = 0;
    const assistantRows = [];
    for (const [ci, c] of counties.entries()) {
      const centre = await insertPoint(trx, {
        kind: 'centre',
        name: `${c.name}政务服务中心`,
        county_id: c.id,
        parent_id: null,
        all_in_one: 0,
        enterprise_zone: ci < 4 ? 1 : 0,
        address: `${c.name}示例路${ci + 1}号`,
        hours: '工作日 9:00–17:00',
        services: JSON.stringify(['综合受理', '企业开办']),
        created_at: at,
      });
      for (let w = 1; w <= 2; w++)
        await insertPoint(trx, {
          kind: 'window',
          name: `${c.name}综合窗口${w}号`,
          county_id: c.id,
          parent_id: centre,
          all_in_one: 1,
          enterprise_zone: 0,
          address: `${c.name}政务服务中心一楼`,
          hours: '工作日 9:00–17:00',
          services: JSON.stringify(['无差别综合受理']),
          created_at: at,
        });
      await insertPoint(trx, {
        kind: 'township',
        name: `${c.name}示例镇（街道）便民服务中心`,
        county_id: c.id,
        parent_id: null,
        all_in_one: 0,
        enterprise_zone: 0,
        address: `${c.name}示例镇`,
        hours: '工作日 9:00–17:00',
        services: JSON.stringify(['社保', '医保', '民政']),
        created_at: at,
      });
      if (ci < 3)
        await insertPoint(trx, {
          kind: 'bank',
          name: `示例银行${c.name}支行政银合作网点`,
          county_id: c.id,
          parent_id: null,
          all_in_one: 0,
          enterprise_zone: 0,
          address: `${c.name}示例大街`,
          hours: '周一至周日 9:00–17:00',
          services: JSON.stringify(['企业开办', '个体工商户登记']),
          created_at: at,
        });
      points += ci < 3 ? 5 : 4;
      assistantRows.push(
        await insertAssistant(trx, {
          name: `示例帮办员${ci + 1}`,
          unit_id: c.id,
          point_id: centre,
          phone: null,
          rating_code: null,
          created_at: at,
        }),
      );
    }
    const channels = ['mini_program', 'hall', 'park_visit', 'door'] as const;
    const assisted = assistantRows.flatMap((assistantId, i) =>
      Array.from({ length: 6 }, (_, k) => ({
        external_no: `SL-XCX-${i + 1}-${k + 1}`,
        assistant_id: assistantId,
        applicant: `示例申请人${i + 1}-${k + 1}`,
        subject: '企业开办“一件事”',
        service_id: null,
        package_id: packageIds.get('SL-YJS-QYKB') ?? null,
        channel: channels[k % 4]!,
        received_on: addDays(today, -10 * k - i),
        finished_on: addDays(today, -10 * k - i + 1),
        result: 'done',
        // the first assistant's latest case awaits the applicant's follow-up rating, so rating it shows in the demo
        rating: i === 0 && k === 0 ? null : 4 + (k % 2),
        rated_via: i === 0 && k === 0 ? null : 'own',
        created_at: at,
      })),
    );
    await insertAssistedCases(trx, assisted);
    await audit(ctx, trx, SYSTEM_ACTOR, {
      action: 'services.seed',
      entity: 'service_item',
      entityId: null,
      after: { services: SERVICES.length + COUNTY_SERVICES.length, packages: PACKAGES.length, cases, points },
    });
    return {
      result: { services: SERVICES.length + COUNTY_SERVICES.length, packages: PACKAGES.length, cases },
      firstAssistant: assistantRows[0] ? { id: assistantRows[0], name: '示例帮办员1', unitId: counties[0]!.id } : undefined,
    };
  });
  // The demand desk issues the first assistant a rating code (its own transaction, audited there),
  // so its later cases are rated through the desk in the demo.
  const a = seeded.firstAssistant;
  if (a) {
    const code = await addRatingCode(ctx, SYSTEM_ACTOR, { kind: 'specialist', name: a.name, unitId: a.unitId, userId: null });
    await setAssistantRatingCode(ctx, SYSTEM_ACTOR, a.id, code.code);
  }
  return seeded.result;
}

/** The instant `minutes` working minutes after `fromIso` (office hours of working days). */
export function finishAfter(cal: Awaited<ReturnType<typeof getWorkCalendar>>, fromIso: string, minutes: number): string {
  let t = Date.parse(fromIso);
  let left = minutes;
  while (left > 0) {
    const next = t + 60_000 * Math.min(left, 30);
    const step = workingMinutesBetween(cal, new Date(t).toISOString(), new Date(next).toISOString());
    left -= step;
    t = next;
    if (step === 0) {
      // Jump to the next opening time rather than crawling through nights and holidays.
      const local = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
      const nextDay = cal.addWorkdays(local, 1);
      t = Date.parse(`${nextDay}T09:00:00+08:00`);
    }
  }
  return new Date(t).toISOString();
}
