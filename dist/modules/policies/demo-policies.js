const hohhot = '"\u65B0\u57CE\u533A", "\u56DE\u6C11\u533A", "\u7389\u6CC9\u533A", "\u8D5B\u7F55\u533A", "\u571F\u9ED8\u7279\u5DE6\u65D7", "\u6258\u514B\u6258\u53BF", "\u548C\u6797\u683C\u5C14\u53BF", "\u6E05\u6C34\u6CB3\u53BF", "\u6B66\u5DDD\u53BF", "\u547C\u548C\u6D69\u7279\u7ECF\u6D4E\u6280\u672F\u5F00\u53D1\u533A"';
const ex = (name, expected, enterprise) => ({ name, expected, asOf: "2026-03-02", enterprise });
const DEMO_POLICIES = [
  {
    title: "\u547C\u548C\u6D69\u7279\u5E02\u652F\u6301\u79D1\u6280\u521B\u65B0\u82E5\u5E72\u63AA\u65BD\uFF08\u793A\u4F8B\uFF09",
    department: "\u5E02\u79D1\u6280\u5C40",
    docNumber: "\u547C\u79D1\u53D1\u30142025\u3015\u793A\u4F8B1\u53F7",
    effectiveFrom: "2025-01-01",
    effectiveTo: "2027-12-31",
    area: "policy",
    body: "\u5BF9\u65B0\u8BA4\u5B9A\u7684\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A\u7ED9\u4E88\u5956\u52B1\uFF1B\u5BF9\u7814\u53D1\u6295\u5165\u8FBE\u5230\u4E00\u5B9A\u6BD4\u4F8B\u7684\u4F01\u4E1A\u6309\u7814\u53D1\u8D39\u7528\u7ED9\u4E88\u540E\u8865\u52A9\u3002\uFF08\u6F14\u793A\u6587\u672C\uFF09",
    benefits: [
      {
        code: "KJ-GXQY",
        name: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A\u8BA4\u5B9A\u5956\u52B1",
        amount: 20,
        autoGrant: true,
        rule: `# \u672C\u5E02\u6CE8\u518C\u3001\u6301\u6709\u6709\u6548\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A\u8BC1\u4E66\u3001\u7EB3\u7A0E\u4FE1\u7528 A/B/M \u7EA7
has("\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A")
and county in [${hohhot}]
and taxGrade in ["A", "B", "M"]`,
        examples: [
          ex("\u6301\u8BC1\u4F01\u4E1A", true, { county: "\u8D5B\u7F55\u533A", taxGrade: "A", qualifications: [{ kind: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", from: "2025-06-01", to: "2028-05-31" }] }),
          ex("\u8BC1\u4E66\u5DF2\u8FC7\u671F", false, { county: "\u8D5B\u7F55\u533A", taxGrade: "A", qualifications: [{ kind: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", from: "2021-01-01", to: "2023-12-31" }] }),
          ex("\u7EB3\u7A0E\u4FE1\u7528 D \u7EA7", false, { county: "\u65B0\u57CE\u533A", taxGrade: "D", qualifications: [{ kind: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", from: "2025-06-01", to: "2028-05-31" }] })
        ]
      },
      {
        code: "KJ-YFBZ",
        name: "\u4F01\u4E1A\u7814\u53D1\u6295\u5165\u540E\u8865\u52A9",
        formula: "rdSpending * 0.1",
        cap: 100,
        autoGrant: true,
        rule: 'industry under ["C", "I", "M"]\nand rdSpending >= 50\nand rdSpending / revenue >= 3%\nand taxGrade in ["A", "B"]',
        examples: [
          ex("\u7814\u53D1\u5F3A\u5EA6 5%", true, { industryCode: "C39", rdSpending: 100, revenue: 2e3, taxGrade: "B" }),
          ex("\u6279\u53D1\u4F01\u4E1A", false, { industryCode: "F51", rdSpending: 100, revenue: 2e3, taxGrade: "B" }),
          ex("\u7814\u53D1\u5F3A\u5EA6\u4E0D\u8DB3", false, { industryCode: "I65", rdSpending: 60, revenue: 5e3, taxGrade: "A" })
        ]
      },
      {
        code: "KJ-GXZZ",
        name: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A\u9AD8\u6210\u957F\u5956\u52B1",
        amount: 30,
        autoGrant: true,
        rule: 'rule("KJ-GXQY") and growth(revenue) >= 20% and revenue >= 1000',
        examples: [ex("\u9AD8\u65B0\u4E14\u589E\u957F 25%", true, { county: "\u7389\u6CC9\u533A", taxGrade: "B", revenue: 1250, history: { revenue: [1e3] }, qualifications: [{ kind: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", from: "2024-01-01", to: "2026-12-31" }] })]
      }
    ]
  },
  {
    title: "\u4FC3\u8FDB\u4E2D\u5C0F\u4F01\u4E1A\u4E13\u7CBE\u7279\u65B0\u53D1\u5C55\u82E5\u5E72\u653F\u7B56\uFF08\u793A\u4F8B\uFF09",
    department: "\u5E02\u5DE5\u4FE1\u5C40",
    docNumber: "\u547C\u5DE5\u4FE1\u53D1\u30142025\u3015\u793A\u4F8B2\u53F7",
    effectiveFrom: "2025-03-01",
    effectiveTo: "2028-02-29",
    area: "market",
    body: "\u5BF9\u8BA4\u5B9A\u7684\u4E13\u7CBE\u7279\u65B0\u4E2D\u5C0F\u4F01\u4E1A\u3001\u5C0F\u5DE8\u4EBA\u4F01\u4E1A\u548C\u9996\u6B21\u7EB3\u5165\u89C4\u6A21\u4EE5\u4E0A\u7EDF\u8BA1\u7684\u5DE5\u4E1A\u4F01\u4E1A\u7ED9\u4E88\u5956\u52B1\u3002\uFF08\u6F14\u793A\u6587\u672C\uFF09",
    benefits: [
      {
        code: "GX-ZJTX",
        name: "\u4E13\u7CBE\u7279\u65B0\u4F01\u4E1A\u5956\u52B1",
        amount: 30,
        autoGrant: true,
        rule: '(has("\u4E13\u7CBE\u7279\u65B0\u4E2D\u5C0F\u4F01\u4E1A") or has("\u4E13\u7CBE\u7279\u65B0\u201C\u5C0F\u5DE8\u4EBA\u201D\u4F01\u4E1A"))\nand industry under "C"\nand taxGrade != "D"',
        examples: [
          ex("\u4E13\u7CBE\u7279\u65B0\u5236\u9020\u4F01\u4E1A", true, { industryCode: "C35", taxGrade: "B", qualifications: [{ kind: "\u4E13\u7CBE\u7279\u65B0\u4E2D\u5C0F\u4F01\u4E1A", from: "2025-05-01", to: "2028-04-30" }] }),
          ex("\u975E\u5236\u9020\u4E1A", false, { industryCode: "F52", taxGrade: "B", qualifications: [{ kind: "\u4E13\u7CBE\u7279\u65B0\u4E2D\u5C0F\u4F01\u4E1A", from: "2025-05-01", to: "2028-04-30" }] })
        ]
      },
      {
        code: "GX-XSG",
        name: "\u5C0F\u5347\u89C4\u5956\u52B1",
        amount: 10,
        autoGrant: true,
        rule: 'industry under ["B", "C", "D"]\nand revenue >= 2000\nand prev(revenue, 1) < 2000',
        examples: [
          ex("\u5F53\u5E74\u9996\u6B21\u8FC7 2000 \u4E07", true, { industryCode: "C13", revenue: 2300, history: { revenue: [1800] } }),
          ex("\u4E0A\u5E74\u5DF2\u8FBE\u89C4\u6A21", false, { industryCode: "C13", revenue: 2300, history: { revenue: [2100] } })
        ]
      },
      {
        code: "GX-LSGC",
        name: "\u7EFF\u8272\u5DE5\u5382\u5956\u52B1",
        amount: 50,
        autoGrant: true,
        rule: 'has("\u7EFF\u8272\u5DE5\u5382") and industry under ["C", "D"]',
        examples: [ex("\u7EFF\u8272\u5DE5\u5382", true, { industryCode: "D44", qualifications: [{ kind: "\u7EFF\u8272\u5DE5\u5382", from: "2025-01-01", to: "2027-12-31" }] })]
      }
    ]
  },
  {
    title: "\u7A33\u5C31\u4E1A\u4FC3\u53D1\u5C55\u652F\u6301\u63AA\u65BD\uFF08\u793A\u4F8B\uFF09",
    department: "\u5E02\u4EBA\u793E\u5C40",
    docNumber: "\u547C\u4EBA\u793E\u53D1\u30142025\u3015\u793A\u4F8B3\u53F7",
    effectiveFrom: "2025-01-01",
    effectiveTo: "2026-12-31",
    area: "government",
    body: "\u5BF9\u4E0D\u88C1\u5458\u6216\u5C11\u88C1\u5458\u7684\u4E2D\u5C0F\u5FAE\u4F01\u4E1A\u6309\u4ECE\u4E1A\u4EBA\u6570\u8FD4\u8FD8\u5931\u4E1A\u4FDD\u9669\u8D39\u3002\uFF08\u6F14\u793A\u6587\u672C\uFF09",
    benefits: [
      {
        code: "RS-WGFH",
        name: "\u7A33\u5C97\u8FD4\u8FD8",
        formula: "employees * 0.05",
        cap: 50,
        autoGrant: true,
        rule: 'sizeClass in ["\u4E2D", "\u5C0F", "\u5FAE"]\nand employees >= 10\nand growth(employees) >= 0\nand taxGrade in ["A", "B", "M"]',
        examples: [
          ex("\u4EBA\u6570\u7A33\u5B9A\u7684\u5C0F\u4F01\u4E1A", true, { industryCode: "F52", employees: 30, revenue: 800, history: { employees: [30] }, taxGrade: "M" }),
          ex("\u51CF\u5458\u4F01\u4E1A", false, { industryCode: "F52", employees: 25, revenue: 800, history: { employees: [30] }, taxGrade: "M" })
        ]
      }
    ]
  },
  {
    title: "\u63A8\u52A8\u5546\u8D38\u6D41\u901A\u9AD8\u8D28\u91CF\u53D1\u5C55\u82E5\u5E72\u63AA\u65BD\uFF08\u793A\u4F8B\uFF09",
    department: "\u5E02\u5546\u52A1\u5C40",
    docNumber: "\u547C\u5546\u52A1\u53D1\u30142025\u3015\u793A\u4F8B4\u53F7",
    effectiveFrom: "2025-01-01",
    effectiveTo: "2026-12-31",
    area: "market",
    body: "\u5BF9\u8425\u4E1A\u6536\u5165\u589E\u957F\u8F83\u5FEB\u7684\u6279\u53D1\u96F6\u552E\u4F01\u4E1A\u7ED9\u4E88\u5956\u52B1\uFF1B\u5BF9\u51FA\u53E3\u4F01\u4E1A\u4FE1\u7528\u4FDD\u9669\u4FDD\u8D39\u7ED9\u4E88\u8865\u8D34\uFF08\u9700\u7533\u62A5\uFF09\u3002\uFF08\u6F14\u793A\u6587\u672C\uFF09",
    benefits: [
      {
        code: "SW-ZZJL",
        name: "\u6279\u53D1\u96F6\u552E\u4F01\u4E1A\u589E\u957F\u5956\u52B1",
        amount: 5,
        autoGrant: true,
        rule: 'industry under ["F51", "F52"]\nand revenue >= 2000\nand growth(revenue) >= 10%\nand registeredOn < today - 1 year',
        examples: [
          ex("\u589E\u957F 15% \u7684\u6279\u53D1\u4F01\u4E1A", true, { industryCode: "F51", revenue: 2300, history: { revenue: [2e3] }, registeredOn: "2015-04-01" }),
          ex("\u65B0\u8BBE\u4F01\u4E1A", false, { industryCode: "F51", revenue: 2300, history: { revenue: [2e3] }, registeredOn: "2026-01-10" })
        ]
      },
      {
        code: "SW-CKXB",
        name: "\u51FA\u53E3\u4FE1\u7528\u4FDD\u9669\u4FDD\u8D39\u8865\u8D34\uFF08\u9700\u7533\u62A5\uFF09",
        cap: 20,
        autoGrant: false,
        rule: 'tag("\u51FA\u53E3\u4F01\u4E1A") and taxGrade in ["A", "B"]',
        examples: [ex("\u51FA\u53E3\u4F01\u4E1A", true, { tags: ["\u51FA\u53E3\u4F01\u4E1A"], taxGrade: "A" })]
      }
    ]
  },
  {
    title: "\u652F\u6301\u65B0\u529E\u5C0F\u5FAE\u4F01\u4E1A\u53D1\u5C55\u7684\u82E5\u5E72\u63AA\u65BD\uFF08\u793A\u4F8B\uFF09",
    department: "\u5E02\u884C\u653F\u5BA1\u6279\u5C40",
    docNumber: "\u547C\u5BA1\u6279\u53D1\u30142025\u3015\u793A\u4F8B5\u53F7",
    effectiveFrom: "2025-06-01",
    effectiveTo: "2027-05-31",
    area: "government",
    body: "\u5BF9\u65B0\u8BBE\u7ACB\u7684\u5C0F\u5FAE\u4F01\u4E1A\u7ED9\u4E88\u4E00\u6B21\u6027\u5F00\u529E\u8865\u8D34\u3002\uFF08\u6F14\u793A\u6587\u672C\uFF09",
    benefits: [
      {
        code: "SP-KBBT",
        name: "\u65B0\u529E\u5C0F\u5FAE\u4F01\u4E1A\u5F00\u529E\u8865\u8D34",
        amount: 0.5,
        autoGrant: true,
        rule: 'registeredOn within 1 year\nand sizeClass in ["\u5C0F", "\u5FAE"]\nand legalForm in ["\u6709\u9650\u8D23\u4EFB\u516C\u53F8", "\u4E2A\u4EBA\u72EC\u8D44\u4F01\u4E1A", "\u5408\u4F19\u4F01\u4E1A"]',
        examples: [
          ex("\u534A\u5E74\u524D\u8BBE\u7ACB\u7684\u5FAE\u578B\u4F01\u4E1A", true, { registeredOn: "2025-10-01", industryCode: "L72", employees: 3, assets: 50, legalForm: "\u6709\u9650\u8D23\u4EFB\u516C\u53F8" }),
          ex("\u8BBE\u7ACB\u4E09\u5E74\u7684\u4F01\u4E1A", false, { registeredOn: "2023-01-01", industryCode: "L72", employees: 3, assets: 50, legalForm: "\u6709\u9650\u8D23\u4EFB\u516C\u53F8" })
        ]
      }
    ]
  },
  {
    title: "\u52A0\u5FEB\u6570\u5B57\u7ECF\u6D4E\u53D1\u5C55\u82E5\u5E72\u653F\u7B56\uFF08\u793A\u4F8B\uFF09",
    department: "\u5E02\u5927\u6570\u636E\u5C40",
    docNumber: "\u547C\u6570\u636E\u53D1\u30142025\u3015\u793A\u4F8B6\u53F7",
    effectiveFrom: "2025-01-01",
    effectiveTo: "2027-12-31",
    area: "policy",
    body: "\u5BF9\u8FDE\u7EED\u4E24\u5E74\u4FDD\u6301\u8F83\u5FEB\u589E\u957F\u7684\u8F6F\u4EF6\u548C\u4E92\u8054\u7F51\u4F01\u4E1A\u6309\u8425\u4E1A\u6536\u5165\u7ED9\u4E88\u5956\u52B1\u3002\uFF08\u6F14\u793A\u6587\u672C\uFF09",
    benefits: [
      {
        code: "SJ-RJCZ",
        name: "\u8F6F\u4EF6\u548C\u4E92\u8054\u7F51\u4F01\u4E1A\u6210\u957F\u5956\u52B1",
        formula: "revenue * 0.01",
        cap: 20,
        autoGrant: true,
        rule: 'industry under ["I64", "I65"]\nand growth(revenue, 2) >= 15%\nand employees between 10 and 300',
        examples: [
          ex("\u4E24\u5E74\u5E74\u5747\u589E\u957F 20%", true, { industryCode: "I65", revenue: 1440, history: { revenue: [1200, 1e3] }, employees: 50 }),
          ex("\u589E\u957F\u653E\u7F13", false, { industryCode: "I65", revenue: 1050, history: { revenue: [1e3, 1e3] }, employees: 50 })
        ]
      }
    ]
  }
];
const DEMO_ENTERPRISE = {
  uscc: "",
  name: "\uFF08\u6F14\u793A\uFF09\u547C\u548C\u6D69\u7279\u9752\u57CE\u667A\u9020\u79D1\u6280\u6709\u9650\u516C\u53F8",
  legalForm: "\u6709\u9650\u8D23\u4EFB\u516C\u53F8",
  registeredOn: "2019-05-20",
  capital: 2e3,
  county: "\u8D5B\u7F55\u533A",
  industryCode: "C39",
  employees: 120,
  revenue: 6800,
  assets: 5200,
  rdSpending: 420,
  taxGrade: "A",
  figuresYear: 2025,
  qualifications: [{ kind: "\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A", from: "2024-11-01", to: "2027-10-31" }],
  tags: ["\u6C11\u8425\u4F01\u4E1A"],
  history: { revenue: [6e3, 5e3], employees: [118, 110], rdSpending: [380, 300], assets: [4800, 4500] }
};
export {
  DEMO_ENTERPRISE,
  DEMO_POLICIES
};
//# sourceMappingURL=demo-policies.js.map
