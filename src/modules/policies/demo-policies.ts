import type { BenefitBody, EnterpriseInput, PolicyBody } from '../../common/schemas/policies.js';

/**
 * The demo policy library: invented policies (titles end in "（示例）", document numbers are
 * marked 示例) with the shapes real 惠企政策 have — qualification awards, R&D subsidies with a
 * formula and a cap, growth awards, start-up subsidies — each benefit with example enterprises.
 */
export interface DemoPolicy extends PolicyBody {
  department: string;
  benefits: BenefitBody[];
}

const hohhot =
  '"新城区", "回民区", "玉泉区", "赛罕区", "土默特左旗", "托克托县", "和林格尔县", "清水河县", "武川县", "呼和浩特经济技术开发区"';
/** Demo examples are judged as of the day the demo library was written. */
const ex = (name: string, expected: boolean, enterprise: Partial<EnterpriseInput>) => ({ name, expected, asOf: '2026-03-02', enterprise });

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    title: '呼和浩特市支持科技创新若干措施（示例）',
    department: '市科技局',
    docNumber: '呼科发〔2025〕示例1号',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2027-12-31',
    area: 'policy',
    body: '对新认定的高新技术企业给予奖励；对研发投入达到一定比例的企业按研发费用给予后补助。（演示文本）',
    benefits: [
      {
        code: 'KJ-GXQY',
        name: '高新技术企业认定奖励',
        amount: 20,
        autoGrant: true,
        rule: `# 本市注册、持有有效高新技术企业证书、纳税信用 A/B/M 级\nhas("高新技术企业")\nand county in [${hohhot}]\nand taxGrade in ["A", "B", "M"]`,
        examples: [
          ex('持证企业', true, {
            county: '赛罕区',
            taxGrade: 'A',
            qualifications: [{ kind: '高新技术企业', from: '2025-06-01', to: '2028-05-31' }],
          }),
          ex('证书已过期', false, {
            county: '赛罕区',
            taxGrade: 'A',
            qualifications: [{ kind: '高新技术企业', from: '2021-01-01', to: '2023-12-31' }],
          }),
          ex('纳税信用 D 级', false, {
            county: '新城区',
            taxGrade: 'D',
            qualifications: [{ kind: '高新技术企业', from: '2025-06-01', to: '2028-05-31' }],
          }),
        ],
      },
      {
        code: 'KJ-YFBZ',
        name: '企业研发投入后补助',
        formula: 'rdSpending * 0.1',
        cap: 100,
        autoGrant: true,
        rule: 'industry under ["C", "I", "M"]\nand rdSpending >= 50\nand rdSpending / revenue >= 3%\nand taxGrade in ["A", "B"]',
        examples: [
          ex('研发强度 5%', true, { industryCode: 'C39', rdSpending: 100, revenue: 2000, taxGrade: 'B' }),
          ex('批发企业', false, { industryCode: 'F51', rdSpending: 100, revenue: 2000, taxGrade: 'B' }),
          ex('研发强度不足', false, { industryCode: 'I65', rdSpending: 60, revenue: 5000, taxGrade: 'A' }),
        ],
      },
      {
        code: 'KJ-GXZZ',
        name: '高新技术企业高成长奖励',
        amount: 30,
        autoGrant: true,
        rule: 'rule("KJ-GXQY") and growth(revenue) >= 20% and revenue >= 1000',
        examples: [
          ex('高新且增长 25%', true, {
            county: '玉泉区',
            taxGrade: 'B',
            revenue: 1250,
            history: { revenue: [1000] },
            qualifications: [{ kind: '高新技术企业', from: '2024-01-01', to: '2026-12-31' }],
          }),
        ],
      },
    ],
  },
  {
    title: '促进中小企业专精特新发展若干政策（示例）',
    department: '市工信局',
    docNumber: '呼工信发〔2025〕示例2号',
    effectiveFrom: '2025-03-01',
    effectiveTo: '2028-02-29',
    area: 'market',
    body: '对认定的专精特新中小企业、小巨人企业和首次纳入规模以上统计的工业企业给予奖励。（演示文本）',
    benefits: [
      {
        code: 'GX-ZJTX',
        name: '专精特新企业奖励',
        amount: 30,
        autoGrant: true,
        rule: '(has("专精特新中小企业") or has("专精特新“小巨人”企业"))\nand industry under "C"\nand taxGrade != "D"',
        examples: [
          ex('专精特新制造企业', true, {
            industryCode: 'C35',
            taxGrade: 'B',
            qualifications: [{ kind: '专精特新中小企业', from: '2025-05-01', to: '2028-04-30' }],
          }),
          ex('非制造业', false, {
            industryCode: 'F52',
            taxGrade: 'B',
            qualifications: [{ kind: '专精特新中小企业', from: '2025-05-01', to: '2028-04-30' }],
          }),
        ],
      },
      {
        code: 'GX-XSG',
        name: '小升规奖励',
        amount: 10,
        autoGrant: true,
        rule: 'industry under ["B", "C", "D"]\nand revenue >= 2000\nand prev(revenue, 1) < 2000',
        examples: [
          ex('当年首次过 2000 万', true, { industryCode: 'C13', revenue: 2300, history: { revenue: [1800] } }),
          ex('上年已达规模', false, { industryCode: 'C13', revenue: 2300, history: { revenue: [2100] } }),
        ],
      },
      {
        code: 'GX-LSGC',
        name: '绿色工厂奖励',
        amount: 50,
        autoGrant: true,
        rule: 'has("绿色工厂") and industry under ["C", "D"]',
        examples: [
          ex('绿色工厂', true, { industryCode: 'D44', qualifications: [{ kind: '绿色工厂', from: '2025-01-01', to: '2027-12-31' }] }),
        ],
      },
    ],
  },
  {
    title: '稳就业促发展支持措施（示例）',
    department: '市人社局',
    docNumber: '呼人社发〔2025〕示例3号',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2026-12-31',
    area: 'government',
    body: '对不裁员或少裁员的中小微企业按从业人数返还失业保险费。（演示文本）',
    benefits: [
      {
        code: 'RS-WGFH',
        name: '稳岗返还',
        formula: 'employees * 0.05',
        cap: 50,
        autoGrant: true,
        rule: 'sizeClass in ["中", "小", "微"]\nand employees >= 10\nand growth(employees) >= 0\nand taxGrade in ["A", "B", "M"]',
        examples: [
          ex('人数稳定的小企业', true, { industryCode: 'F52', employees: 30, revenue: 800, history: { employees: [30] }, taxGrade: 'M' }),
          ex('减员企业', false, { industryCode: 'F52', employees: 25, revenue: 800, history: { employees: [30] }, taxGrade: 'M' }),
        ],
      },
    ],
  },
  {
    title: '推动商贸流通高质量发展若干措施（示例）',
    department: '市商务局',
    docNumber: '呼商务发〔2025〕示例4号',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2026-12-31',
    area: 'market',
    body: '对营业收入增长较快的批发零售企业给予奖励；对出口企业信用保险保费给予补贴（需申报）。（演示文本）',
    benefits: [
      {
        code: 'SW-ZZJL',
        name: '批发零售企业增长奖励',
        amount: 5,
        autoGrant: true,
        rule: 'industry under ["F51", "F52"]\nand revenue >= 2000\nand growth(revenue) >= 10%\nand registeredOn < today - 1 year',
        examples: [
          ex('增长 15% 的批发企业', true, { industryCode: 'F51', revenue: 2300, history: { revenue: [2000] }, registeredOn: '2015-04-01' }),
          ex('新设企业', false, { industryCode: 'F51', revenue: 2300, history: { revenue: [2000] }, registeredOn: '2026-01-10' }),
        ],
      },
      {
        code: 'SW-CKXB',
        name: '出口信用保险保费补贴（需申报）',
        cap: 20,
        autoGrant: false,
        rule: 'tag("出口企业") and taxGrade in ["A", "B"]',
        examples: [ex('出口企业', true, { tags: ['出口企业'], taxGrade: 'A' })],
      },
    ],
  },
  {
    title: '支持新办小微企业发展的若干措施（示例）',
    department: '市行政审批局',
    docNumber: '呼审批发〔2025〕示例5号',
    effectiveFrom: '2025-06-01',
    effectiveTo: '2027-05-31',
    area: 'government',
    body: '对新设立的小微企业给予一次性开办补贴。（演示文本）',
    benefits: [
      {
        code: 'SP-KBBT',
        name: '新办小微企业开办补贴',
        amount: 0.5,
        autoGrant: true,
        rule: 'registeredOn within 1 year\nand sizeClass in ["小", "微"]\nand legalForm in ["有限责任公司", "个人独资企业", "合伙企业"]',
        examples: [
          ex('半年前设立的微型企业', true, {
            registeredOn: '2025-10-01',
            industryCode: 'L72',
            employees: 3,
            assets: 50,
            legalForm: '有限责任公司',
          }),
          ex('设立三年的企业', false, {
            registeredOn: '2023-01-01',
            industryCode: 'L72',
            employees: 3,
            assets: 50,
            legalForm: '有限责任公司',
          }),
        ],
      },
    ],
  },
  {
    title: '加快数字经济发展若干政策（示例）',
    department: '市大数据局',
    docNumber: '呼数据发〔2025〕示例6号',
    effectiveFrom: '2025-01-01',
    effectiveTo: '2027-12-31',
    area: 'policy',
    body: '对连续两年保持较快增长的软件和互联网企业按营业收入给予奖励。（演示文本）',
    benefits: [
      {
        code: 'SJ-RJCZ',
        name: '软件和互联网企业成长奖励',
        formula: 'revenue * 0.01',
        cap: 20,
        autoGrant: true,
        rule: 'industry under ["I64", "I65"]\nand growth(revenue, 2) >= 15%\nand employees between 10 and 300',
        examples: [
          ex('两年年均增长 20%', true, { industryCode: 'I65', revenue: 1440, history: { revenue: [1200, 1000] }, employees: 50 }),
          ex('增长放缓', false, { industryCode: 'I65', revenue: 1050, history: { revenue: [1000, 1000] }, employees: 50 }),
        ],
      },
    ],
  },
];

/** The enterprise the demo account `enterprise` acts for: qualifies for some benefits, nearly for others. */
export const DEMO_ENTERPRISE: EnterpriseInput = {
  uscc: '',
  name: '（演示）呼和浩特青城智造科技有限公司',
  legalForm: '有限责任公司',
  registeredOn: '2019-05-20',
  capital: 2000,
  county: '赛罕区',
  industryCode: 'C39',
  employees: 120,
  revenue: 6800,
  assets: 5200,
  rdSpending: 420,
  taxGrade: 'A',
  figuresYear: 2025,
  qualifications: [{ kind: '高新技术企业', from: '2024-11-01', to: '2027-10-31' }],
  tags: ['民营企业'],
  history: { revenue: [6000, 5000], employees: [118, 110], rdSpending: [380, 300], assets: [4800, 4500] },
  // Invented contact details (reserved example domain), so that "notify" shows its e-mail and SMS texts.
  contactName: '王经理',
  contactPhone: '13800000000',
  contactEmail: 'finance@qingcheng.example.cn',
};
