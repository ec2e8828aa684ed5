import { LISTING_STAGE_LABELS, type NeedView, RESPONSE_LABELS } from '../../common/schemas/finance.js';
import type { Actor, AppContext } from '../../context.js';
import { type SheetColumn, addTableSheet, newWorkbook, workbookBuffer } from '../reports/excel.js';
import { listEventViews, listProjectViews } from './catalog.service.js';
import { listDeskViews } from './desk.service.js';
import { listListingViews } from './listing.service.js';
import { listVisibleNeeds } from './needs.service.js';
import { loanStats } from './stats.service.js';

export const EXPORT_LISTS = ['needs', 'events', 'projects', 'desk', 'listing', 'stats'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const YUAN = '#,##0.00';
const PCT = '0.00%';
/** One row per child (a need per bank it went to …), or one row with no child. */
function expand<P, C>(parents: P[], children: (p: P) => C[]): { p: P; c: C | undefined }[] {
  return parents.flatMap((p): { p: P; c: C | undefined }[] => {
    const cs = children(p);
    return cs.length ? cs.map((c) => ({ p, c })) : [{ p, c: undefined }];
  });
}

const yuan = <R>(header: string, value: (r: R) => number | null | undefined): SheetColumn<R> => ({
  header,
  value: (r) => (value(r) == null ? null : value(r)! / 100),
  numFmt: YUAN,
  align: 'right',
});

/** Every finance list as an .xlsx workbook, with what the actor may see of it. */
export async function exportList(ctx: AppContext, actor: Actor, list: ExportList): Promise<{ filename: string; data: Buffer }> {
  const wb = newWorkbook();
  const day = ctx.clock().toISOString().slice(0, 10);
  let title = '';
  if (list === 'needs') {
    title = '融资需求';
    const rows = expand(await listVisibleNeeds(ctx, actor, {}), (n) => n.publications).map(({ p, c }) => ({ n: p, p: c }));
    type R = { n: NeedView; p: NeedView['publications'][number] | undefined };
    addTableSheet<R>(
      wb,
      title,
      [
        { header: '编号', value: (r) => r.n.id },
        { header: '企业', value: (r) => r.n.enterprise.name },
        { header: '统一社会信用代码', value: (r) => r.n.enterprise.uscc },
        yuan('需求金额（元）', (r) => r.n.amountFen),
        { header: '期限（月）', value: (r) => r.n.termMonths },
        { header: '用途', value: (r) => r.n.purpose },
        { header: '担保方式', value: (r) => r.n.collateral },
        { header: '重大项目', value: (r) => r.n.project?.name },
        { header: '推送银行', value: (r) => r.p?.bankName },
        { header: '银行回应', value: (r) => (r.p ? RESPONSE_LABELS[r.p.response].zh : '') },
        { header: '婉拒原因', value: (r) => r.p?.reason },
        yuan('方案金额（元）', (r) => r.p?.offerFen),
        yuan('授信金额（元）', (r) => r.p?.grantedFen),
        { header: '授信日期', value: (r) => r.p?.grantedOn },
        yuan('放款金额（元）', (r) => r.p?.landedFen),
        { header: '放款日期', value: (r) => r.p?.landedOn },
      ],
      rows,
      { title: `${title}（${day}）` },
    );
  } else if (list === 'events') {
    title = '政金企对接会';
    const rows = await listEventViews(ctx);
    const w = (k: number) => (r: (typeof rows)[number]) => r.results[k]!;
    addTableSheet<(typeof rows)[number]>(
      wb,
      title,
      [
        { header: '日期', value: (r) => r.heldOn },
        { header: '名称', value: (r) => r.title },
        { header: '地点', value: (r) => r.place },
        { header: '邀请银行数', value: (r) => r.banks },
        { header: '参会企业数', value: (r) => r.enterprises },
        { header: '推介需求数', value: (r) => r.needs },
        ...[0, 1, 2].flatMap((k) => {
          const d = [30, 90, 180][k];
          return [
            { header: `${d}天内方案数`, value: (r: (typeof rows)[number]) => w(k)(r).offers },
            yuan(`${d}天内授信（元）`, (r: (typeof rows)[number]) => w(k)(r).grantedFen),
            yuan(`${d}天内放款（元）`, (r: (typeof rows)[number]) => w(k)(r).landedFen),
          ];
        }),
      ],
      rows,
      { title },
    );
  } else if (list === 'projects') {
    title = '重大项目授信与放款';
    const rows = expand((await listProjectViews(ctx)).items, (p) => p.banks).map(({ p, c }) => ({ p, b: c }));
    addTableSheet<(typeof rows)[number]>(
      wb,
      title,
      [
        { header: '项目', value: (r) => r.p.name },
        { header: '银行', value: (r) => r.b?.bankName },
        yuan('授信（元）', (r) => r.b?.grantedFen ?? 0),
        yuan('放款（元）', (r) => r.b?.landedFen ?? 0),
      ],
      rows,
      { title },
    );
  } else if (list === 'desk') {
    title = '重点企业融资专班';
    const rows = expand(await listDeskViews(ctx), (d) => d.steps).map(({ p, c }) => ({ d: p, s: c }));
    addTableSheet<(typeof rows)[number]>(
      wb,
      title,
      [
        { header: '企业', value: (r) => r.d.enterprise.name },
        { header: '融资问题', value: (r) => r.d.problem },
        { header: '专班成员', value: (r) => r.d.member.name },
        { header: '银行', value: (r) => r.d.bank.name },
        { header: '行长', value: (r) => r.d.presidentName },
        { header: '步骤', value: (r) => r.s?.action },
        { header: '时限', value: (r) => r.s?.deadline },
        { header: '办结日期', value: (r) => r.s?.doneOn },
        { header: '逾期', value: (r) => (r.s?.overdue ? '是' : '') },
      ],
      rows,
      { title },
    );
  } else if (list === 'listing') {
    title = '上市后备库';
    const rows = await listListingViews(ctx);
    addTableSheet<(typeof rows)[number]>(
      wb,
      title,
      [
        { header: '企业', value: (r) => r.enterprise.name },
        { header: '阶段', value: (r) => LISTING_STAGE_LABELS[r.stage].zh },
        { header: '拟上市交易所', value: (r) => r.exchange },
        { header: '板块', value: (r) => r.board },
        { header: '服务次数', value: (r) => r.history.filter((h) => h.kind !== 'stage' && h.kind !== 'subsidy').length },
        yuan('已拨付上市补贴（元）', (r) => r.subsidyFen),
      ],
      rows,
      { title },
    );
  } else {
    title = '贷款统计';
    const rows = await loanStats(ctx);
    addTableSheet<(typeof rows)[number]>(
      wb,
      title,
      [
        { header: '月份', value: (r) => r.period },
        yuan('贷款余额（元）', (r) => r.balanceFen),
        yuan('民营企业贷款（元）', (r) => r.privateFen),
        yuan('中小微企业贷款（元）', (r) => r.smeFen),
        { header: '民营占比', value: (r) => r.privateShare, numFmt: PCT },
        { header: '中小微占比', value: (r) => r.smeShare, numFmt: PCT },
        yuan('全区贷款余额（元）', (r) => r.region?.balanceFen),
        yuan('全区民营企业贷款（元）', (r) => r.region?.privateFen),
        { header: '民营贷款占全区比重', value: (r) => r.privateOfRegion, numFmt: PCT },
        { header: '数据来源', value: (r) => [r.source, r.region?.source].filter(Boolean).join('；') },
      ],
      rows,
      { title },
    );
  }
  return { filename: `${title}-${day}.xlsx`, data: await workbookBuffer(wb) };
}
