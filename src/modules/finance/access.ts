import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { Actor, AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { enterpriseIdOfUser } from '../policies/index.js';
import { bankIdOfUser } from './finance.repository.js';

/**
 * What an actor sees of the financing records: the city's staff everything; a bank's account
 * manager the needs published to his bank and his bank's answers only; an enterprise its own needs.
 */
export type FinanceScope = { kind: 'all' } | { kind: 'bank'; bankId: number } | { kind: 'enterprise'; enterpriseId: number };

export async function financeScope(ctx: AppContext, actor: Actor, db: Executor = ctx.db): Promise<FinanceScope> {
  if (hasPermission(actor.role, 'finance.scope.bank')) {
    const bankId = await bankIdOfUser(db, actor.id);
    if (!bankId) throw new AppError('BANK_NOT_LINKED');
    return { kind: 'bank', bankId };
  }
  if (hasPermission(actor.role, 'finance.scope.enterprise')) {
    const enterpriseId = await enterpriseIdOfUser(db, actor.id);
    if (!enterpriseId) throw new AppError('ENTERPRISE_NOT_LINKED');
    return { kind: 'enterprise', enterpriseId };
  }
  if (hasPermission(actor.role, 'finance.scope.all')) return { kind: 'all' };
  throw new AppError('FORBIDDEN');
}
