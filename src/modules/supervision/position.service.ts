import { AppError } from '../../common/errors.js';
import type { UnitPositionView } from '../../common/schemas/supervision.js';
import type { Actor, AppContext } from '../../context.js';
import { findSnapshot, findSnapshotBefore, listSnapshotRows } from './supervision.repository.js';
import { presentSnapshotRow } from './weekly.service.js';

/**
 * The caller's own unit on the latest weekly red/black list: its rank among the ranked units, its
 * score and board. Unit roles see only this of the other units (the count of ranked units).
 */
export async function myUnitPosition(ctx: AppContext, actor: Actor): Promise<UnitPositionView> {
  if (!actor.unitId) throw new AppError('FORBIDDEN');
  const snapshot = await findSnapshot(ctx.db, 'latest');
  if (!snapshot) return { position: null };
  const rows = await listSnapshotRows(ctx.db, snapshot.id);
  const mine = rows.find((r) => r.unit_id === actor.unitId);
  if (!mine) return { position: null };
  const previous = await findSnapshotBefore(ctx.db, snapshot.week_of);
  const [before] = previous ? await listSnapshotRows(ctx.db, previous.id, actor.unitId) : [];
  const view = presentSnapshotRow(mine, before);
  return {
    position: {
      weekOf: snapshot.week_of,
      unit: view.unit,
      rank: view.rank,
      rankedUnits: rows.filter((r) => r.rank > 0).length,
      score: view.score,
      board: view.board,
      change: view.change ? { rank: view.change.rank, score: view.change.score } : null,
    },
  };
}
