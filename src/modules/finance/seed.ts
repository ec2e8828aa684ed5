import { chinaDate } from '../../common/dates.js';
import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findUserByUsername } from '../org/index.js';
import { enterpriseIdOfUser } from '../policies/index.js';
import {
  insertBank,
  insertEvent,
  insertListing,
  insertListingEvent,
  insertNeed,
  insertParties,
  insertProject,
  linkBankUser,
  listBanks,
  listNeeds,
  listProjects,
  replaceReturns,
  upsertRegionStat,
} from './finance.repository.js';

export const DEMO_BANKS = ['示例银行甲分行（演示）', '示例银行乙分行（演示）'];

/**
 * Two synthetic banks with the demo `bank` user at the first, a major project, and — when the
 * policies demo registry is there — one need of the demo enterprise and its place in the listing
 * reserve, a matchmaking event presenting it and the first bank's January return. Quick, and does
 * nothing the second time.
 */
export async function seedDemoFinance(ctx: AppContext): Promise<{ banks: number }> {
  return withTransaction(ctx.db, async (trx) => {
    if ((await listBanks(trx)).length) return { banks: 0 };
    const at = ctx.clock().toISOString();
    const ids = [];
    for (const name of DEMO_BANKS) ids.push(await insertBank(trx, name, at));
    const user = await findUserByUsername(trx, 'bank');
    if (user) await linkBankUser(trx, user.id, ids[0]!);
    if (!(await listProjects(trx)).length) await insertProject(trx, '示例重大项目：新能源装备产业园（演示）', null, at);
    const entUser = await findUserByUsername(trx, 'enterprise');
    const enterpriseId = entUser ? await enterpriseIdOfUser(trx, entUser.id) : undefined;
    if (enterpriseId && !(await listNeeds(trx, { enterpriseId })).length) {
      await insertNeed(trx, {
        enterprise_id: enterpriseId,
        amount_fen: 500_000_000,
        term_months: 36,
        purpose: '购置生产设备（演示）',
        collateral: '厂房抵押',
        project_id: null,
        source: 'enterprise',
        source_ref: null,
        status: 'open',
        filed_by: entUser!.id,
        created_at: at,
        updated_at: at,
      });
      const needId = (await listNeeds(trx, { enterpriseId }))[0]!.id;
      const event = await insertEvent(trx, {
        title: '示例：政金企对接会（演示）',
        held_on: chinaDate(ctx.clock()),
        place: '示例会场',
        created_at: at,
      });
      await insertParties(trx, event, 'bank', ids);
      await insertParties(trx, event, 'enterprise', [enterpriseId]);
      await insertParties(trx, event, 'need', [needId]);
      await replaceReturns(trx, ids[0]!, '2026-01', [
        { bank_id: ids[0]!, period: '2026-01', enterprise_id: enterpriseId, balance_fen: 300_000_000, private: 1, sme: 1, imported_at: at },
      ]);
      const listing = await insertListing(trx, {
        enterprise_id: enterpriseId,
        stage: 'cultivating',
        exchange: null,
        board: null,
        created_at: at,
        updated_at: at,
      });
      await insertListingEvent(trx, {
        listing_id: listing,
        kind: 'stage',
        on_date: chinaDate(ctx.clock()),
        to_stage: 'cultivating',
        note: '入库（演示）',
        created_at: at,
      });
    }
    await upsertRegionStat(trx, {
      period: '2026-01',
      balance_fen: 3_000_000_000_000,
      private_fen: 752_800_000_000,
      sme_fen: 900_000_000_000,
      source: '示例：全区金融运行数据（演示）',
      updated_at: at,
    });
    await audit(ctx, trx, SYSTEM_ACTOR, { action: 'finance.seed', entity: 'finance_bank', entityId: null, after: { banks: DEMO_BANKS } });
    return { banks: ids.length };
  });
}
