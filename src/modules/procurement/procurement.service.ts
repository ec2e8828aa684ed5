import { Readable } from 'node:stream';
import { AppError } from '../../common/errors.js';
import type {
  BidderView,
  FiguresView,
  GroupView,
  ImportResult,
  NetworkView,
  TenderListItem,
  TenderView,
} from '../../common/schemas/procurement.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import type { Upload } from '../../http/upload.js';
import { audit } from '../org/audit.service.js';
import * as repo from './procurement.repository.js';
import type { SourceFormat } from './reader.js';
import { computeRedFlags, redFlagSettings } from './red-flags.js';
import { formatOfFile, screenStream } from './screen-file.js';
import { registryAttacher, type RegistryAttacher } from './related-parties.js';
import type { LabelledSample } from './calibrate.js';
import type { Screens } from './screens.js';
import { Screener, type TenderResult } from './screener.js';
import type { Bid, BidMeta, Flag, Tender } from './tender.js';

/**
 * Tenders in (preview, then one transaction), and the read models of the pages: flagged tenders,
 * a tender with its screens and why each flag fired, bidder groups and their network, a bidder's
 * history, the monthly figures.
 */

const toBp = (risk: number) => Math.round(risk * 10_000);
const fromBp = (bp: number) => bp / 10_000;
const toFen = (yuan: number) => Math.round(yuan * 100);

export async function importTenders(
  ctx: AppContext,
  actor: Actor,
  upload: Upload,
  opts: { dryRun: boolean; format?: SourceFormat | undefined },
): Promise<ImportResult> {
  const format = opts.format ?? formatOfFile(upload.filename);
  const kept: { result: TenderResult; tender: Tender }[] = [];
  // OCDS: the red flags need the whole file (quartiles, fences), so they run first over the upload in memory
  const redFlags = format === 'ocds' ? await computeRedFlags(Readable.from(upload.data), redFlagSettings(ctx.config.dataDir)) : undefined;
  // the related-party signal also reads the enterprise registry (legal representative, shareholders)
  const registry = registryAttacher();
  const run = await screenStream(Readable.from(upload.data), format, (result, tender) => void kept.push({ result, tender }), {
    redFlags,
    registry: { attach: registry, db: ctx.db },
  });
  if (run.problemCount) {
    throw new AppError(
      'PROCUREMENT_FILE_PROBLEMS',
      run.problems.map((p) => ({
        path: `${upload.filename}:${p.line}${p.column ? `:${p.column}` : ''}`,
        file: upload.filename,
        line: p.line,
        column: p.column,
        message: p.line ? `第 ${p.line} 行：${p.message}` : p.message,
      })),
    );
  }
  if (!run.tenders)
    throw new AppError('PROCUREMENT_FILE_PROBLEMS', [{ path: upload.filename, message: '文件中没有投标记录 / the file has no bids' }]);
  const top = [...kept]
    .sort((a, b) => b.result.risk - a.result.risk)
    .slice(0, 50)
    .map(({ result }) => ({
      key: result.id,
      bids: result.bids,
      risk: result.risk,
      suspect: result.suspect,
      flagCodes: [...new Set(result.flags.map((f) => f.code))],
    }));
  const summary = {
    filename: upload.filename,
    format,
    tenders: run.tenders,
    bids: run.bids,
    suspect: kept.filter((k) => k.result.suspect).length,
    flagged: kept.filter((k) => k.result.flags.length).length,
    pairs: run.pairs.length,
    groups: run.groups.length,
    top,
  };
  if (opts.dryRun) return { dryRun: true, importId: null, ...summary };
  const at = ctx.clock().toISOString();
  const importId = await withTransaction(ctx.db, async (trx) => {
    const id = await repo.insertImport(trx, {
      filename: upload.filename,
      format,
      tenders: run.tenders,
      bids: run.bids,
      suspect: summary.suspect,
      created_by: actor.id > 0 ? actor.id : null,
      created_at: at,
    });
    for (const { result, tender } of kept) await repo.upsertTender(trx, id, tenderRow(result, tender), tender.bids.map(bidRow), at);
    if (redFlags?.byParty.size)
      await repo.replacePartyFlags(
        trx,
        id,
        [...redFlags.byParty].map(([partyId, flags]) => ({
          partyId,
          name: redFlags.names.get(partyId) ?? null,
          flagsJson: JSON.stringify(flags),
        })),
        at,
      );
    await rebuildNetwork(trx, registry);
    await audit(ctx, trx, actor, {
      action: 'procurement.import',
      entity: 'procurement_import',
      entityId: id,
      after: { filename: upload.filename, format, tenders: run.tenders, bids: run.bids, suspect: summary.suspect },
    });
    return id;
  });
  return { dryRun: false, importId, ...summary };
}

function tenderRow(r: TenderResult, t: Tender): repo.NewTender {
  return {
    key: t.id,
    tender_id: t.tenderId,
    lot_id: t.lotId ?? null,
    title: t.title ?? null,
    buyer_id: t.buyerId ?? null,
    bid_date: t.date ?? null,
    month: t.date?.slice(0, 7) ?? null,
    bid_count: r.bids,
    screens_json: JSON.stringify(r.screens),
    flags_json: JSON.stringify(r.flags),
    flag_count: r.flags.length,
    risk_bp: toBp(r.risk),
    suspect: r.suspect ? 1 : 0,
    remote_evaluation: t.remoteEvaluation === undefined ? null : t.remoteEvaluation ? 1 : 0,
  };
}

function bidRow(b: Bid): repo.NewBid {
  const meta = b.meta && Object.keys(b.meta).length ? JSON.stringify(b.meta) : null;
  return {
    bidder_id: b.bidderId,
    bidder_name: b.bidderName ?? null,
    amount_fen: toFen(b.amount),
    winner: b.winner ? 1 : 0,
    meta_json: meta,
  };
}

/**
 * Pairs and groups judge patterns across tenders, so they are recomputed over every stored tender
 * after an import (inside its transaction), not only over the file just read.
 */
async function rebuildNetwork(trx: Executor, registry: RegistryAttacher): Promise<void> {
  const rows = await repo.allBidsInTenderOrder(trx);
  const screener = new Screener();
  let current = null as Tender | null;
  let batch: Tender[] = [];
  const flush = async () => {
    await registry(batch, trx);
    for (const t of batch) screener.add(t);
    batch = [];
  };
  for (const r of rows) {
    if (current?.id !== r.key) {
      if (current) batch.push(current);
      if (batch.length >= 500) await flush();
      current = { id: r.key, tenderId: r.tender_id, bids: [] };
    }
    current.bids.push({
      bidderId: r.bidder_id,
      bidderName: r.bidder_name ?? undefined,
      amount: r.amount_fen / 100,
      winner: r.winner === 1 || undefined,
      meta: r.meta_json ? (JSON.parse(r.meta_json) as BidMeta) : undefined,
    });
  }
  if (current) batch.push(current);
  await flush();
  const { pairs, groups } = screener.finish();
  await repo.replaceNetwork(
    trx,
    pairs.map((p) => ({ bidder_a: p.a, bidder_b: p.b, co_bids: p.coBids, flags_json: JSON.stringify(p.flags) })),
    groups.map((g) => ({
      code: g.id,
      members: g.members,
      tenders: g.tenders,
      wins_json: JSON.stringify(g.wins),
      risk_bp: toBp(g.risk),
      flags_json: JSON.stringify(g.flags),
    })),
  );
}

function presentListItem(r: repo.TenderRow): TenderListItem {
  const flags = JSON.parse(r.flags_json) as Flag[];
  return {
    id: r.id,
    key: r.key,
    tenderId: r.tender_id,
    lotId: r.lot_id,
    title: r.title,
    bidDate: r.bid_date,
    bidCount: r.bid_count,
    risk: fromBp(r.risk_bp),
    suspect: r.suspect === 1,
    flagCount: r.flag_count,
    flagCodes: [...new Set(flags.map((f) => f.code))],
    label: r.label,
  };
}

export async function listTenders(
  ctx: AppContext,
  q: {
    q?: string | undefined;
    suspect?: 'true' | 'false' | undefined;
    flagged?: 'true' | 'false' | undefined;
    page: number;
    pageSize: number;
  },
) {
  const { rows, total } = await repo.listTenders(
    ctx.db,
    {
      q: q.q,
      suspect: q.suspect === undefined ? undefined : q.suspect === 'true',
      flagged: q.flagged === undefined ? undefined : q.flagged === 'true',
    },
    { page: q.page, pageSize: q.pageSize },
  );
  return { items: rows.map(presentListItem), total };
}

export async function getTender(ctx: AppContext, id: number): Promise<TenderView> {
  const row = await repo.findTender(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', [{ path: 'id', message: `招标项目 ${id} 不存在 / tender ${id} not found` }]);
  const bids = await repo.bidsOfTender(ctx.db, id);
  const groups = await repo.groupsOfBidders(
    ctx.db,
    bids.map((b) => b.bidder_id),
  );
  return {
    ...presentListItem(row),
    buyerId: row.buyer_id,
    screens: JSON.parse(row.screens_json),
    flags: JSON.parse(row.flags_json),
    bids: bids.map((b) => ({
      bidderId: b.bidder_id,
      bidderName: b.bidder_name,
      amount: b.amount_fen / 100,
      winner: b.winner === 1,
      meta: b.meta_json ? JSON.parse(b.meta_json) : {},
    })),
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      risk: fromBp(g.risk_bp),
      members: (JSON.parse(g.members_json) as string[]).length,
    })),
    cases: await repo.casesOfTender(ctx.db, id),
    remoteEvaluation: row.remote_evaluation === null ? null : row.remote_evaluation === 1,
  };
}

async function presentGroup(db: Executor, g: NonNullable<Awaited<ReturnType<typeof repo.findGroup>>>): Promise<GroupView> {
  const members = JSON.parse(g.members_json) as string[];
  const names = await repo.bidderNames(db, members);
  return {
    id: g.id,
    code: g.code,
    members: members.map((m) => ({ bidderId: m, name: names.get(m) ?? null })),
    tenders: g.tenders,
    wins: JSON.parse(g.wins_json),
    risk: fromBp(g.risk_bp),
    flags: JSON.parse(g.flags_json),
  };
}

export async function listGroups(ctx: AppContext, q: { bidder?: string | undefined; page: number; pageSize: number }) {
  const { rows, total } = await repo.listGroups(ctx.db, q.bidder, { page: q.page, pageSize: q.pageSize });
  return { items: await Promise.all(rows.map((g) => presentGroup(ctx.db, g))), total };
}

export async function findGroupOrThrow(db: Executor, id: number) {
  const g = await repo.findGroup(db, id);
  if (!g) throw new AppError('NOT_FOUND', [{ path: 'id', message: `投标人组 ${id} 不存在 / bidder group ${id} not found` }]);
  return g;
}

/** How many of the members' most frequent rivals the network view adds. */
const NETWORK_RIVALS = 25;

/**
 * The co-bidding network of a group: its members and everyone who bid against them, an edge for
 * each pair that met (how often, with which signals), each node coloured by its riskiest tender.
 */
export async function groupNetwork(ctx: AppContext, id: number): Promise<NetworkView> {
  const g = await findGroupOrThrow(ctx.db, id);
  const group = await presentGroup(ctx.db, g);
  const members = group.members.map((m) => m.bidderId);
  const signalled = await repo.pairsOf(ctx.db, members);
  const others = new Set(signalled.flatMap((p) => [p.bidder_a, p.bidder_b]));
  // besides the signalled pairs, the members' most frequent rivals: who they bid with, to a readable size
  const rivals = await repo.topCoBidders(ctx.db, members, NETWORK_RIVALS);
  const ids = [...new Set([...members, ...others, ...rivals])];
  const { pairs, bidders } = await repo.coBidding(ctx.db, ids);
  const names = await repo.bidderNames(ctx.db, ids);
  const flagsOf = new Map(
    signalled.map((p) => [`${p.bidder_a}\u0000${p.bidder_b}`, (JSON.parse(p.flags_json) as Flag[]).map((f) => f.code)]),
  );
  const memberSet = new Set(members);
  return {
    group,
    nodes: bidders.map((b) => ({
      id: b.bidder_id,
      name: names.get(b.bidder_id) ?? b.bidder_id,
      member: memberSet.has(b.bidder_id),
      risk: fromBp(b.max_risk_bp),
      tenders: b.tenders,
      wins: b.wins,
    })),
    edges: pairs.map((p) => ({ source: p.a, target: p.b, coBids: p.co_bids, flags: flagsOf.get(`${p.a}\u0000${p.b}`) ?? [] })),
  };
}

export async function bidderHistory(ctx: AppContext, bidderId: string): Promise<BidderView> {
  const bids = await repo.bidsOfBidder(ctx.db, bidderId);
  if (!bids.length)
    throw new AppError('NOT_FOUND', [{ path: 'bidderId', message: `没有投标人 ${bidderId} 的投标记录 / no bids of ${bidderId}` }]);
  const pairs = await repo.pairsOf(ctx.db, [bidderId]);
  const otherIds = pairs.map((p) => (p.bidder_a === bidderId ? p.bidder_b : p.bidder_a));
  const names = await repo.bidderNames(ctx.db, otherIds);
  const groups = await repo.groupsOfBidders(ctx.db, [bidderId]);
  const redFlags = await repo.partyFlags(ctx.db, bidderId);
  return {
    bidderId,
    name: bids.find((b) => b.bidder_name)?.bidder_name ?? null,
    tenders: bids.map((b) => ({
      id: b.id,
      key: b.key,
      title: b.title,
      bidDate: b.bid_date,
      amount: b.amount_fen / 100,
      winner: b.winner === 1,
      risk: fromBp(b.risk_bp),
      suspect: b.suspect === 1,
      bidCount: b.bid_count,
    })),
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      risk: fromBp(g.risk_bp),
      members: (JSON.parse(g.members_json) as string[]).length,
    })),
    pairs: pairs.map((p, i) => ({
      other: otherIds[i]!,
      otherName: names.get(otherIds[i]!) ?? null,
      coBids: p.co_bids,
      flags: JSON.parse(p.flags_json),
    })),
    redFlags: redFlags ? repo.readPartyFlags(redFlags).flags : [],
  };
}

/** The stored tenders that closed cases labelled, as calibration samples (screens and Art. 40 signals as screened). */
export async function labelledSamples(ctx: AppContext): Promise<LabelledSample[]> {
  const rows = await repo.labelledTenders(ctx.db);
  return rows.map((r) => {
    const codes = (JSON.parse(r.flags_json) as Flag[]).map((f) => f.code).filter((c) => !c.startsWith('SCREEN_'));
    return { screens: JSON.parse(r.screens_json) as Screens, art40: new Set(codes).size, label: r.label === 1 ? 1 : 0 };
  });
}

/** The figures the office's reports cite, per month, all counted from the stored data. */
export async function monthlyFigures(ctx: AppContext): Promise<FiguresView> {
  const tenders = await repo.monthlyTenderFigures(ctx.db);
  const pools = new Map((await repo.expertPools(ctx.db)).map((p) => [p.month, p.size]));
  const months = [...new Set([...tenders.map((t) => t.month), ...pools.keys()])].sort();
  const byMonth = new Map(tenders.map((t) => [t.month, t]));
  return {
    months: months.map((month) => {
      const t = byMonth.get(month);
      return {
        month,
        tendersScreened: t?.tenders ?? 0,
        lotsFlagged: t?.flagged ?? 0,
        biddersFlagged: t?.biddersFlagged ?? 0,
        remoteEvaluations: t?.remote ?? 0,
        expertPool: pools.get(month) ?? null,
      };
    }),
  };
}

export async function setExpertPool(
  ctx: AppContext,
  actor: Actor,
  month: string,
  body: { size: number; source: string },
): Promise<FiguresView> {
  await withTransaction(ctx.db, async (trx) => {
    await repo.upsertExpertPool(trx, { month, size: body.size, source: body.source, updated_at: ctx.clock().toISOString() });
    await audit(ctx, trx, actor, {
      action: 'procurement.expertPool.set',
      entity: 'procurement_expert_pool',
      entityId: month,
      after: { month, ...body },
    });
  });
  return monthlyFigures(ctx);
}
