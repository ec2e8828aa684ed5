import type { PartyFlagList } from '../../common/schemas/procurement.js';
import type { AppContext } from '../../context.js';
import * as repo from './procurement.repository.js';

/**
 * The OCDS red flags about buyers and procuring entities (cardinal's buyer- and procuring-entity-
 * level indicators), stored at import but not about any one tender: one entry per party and role,
 * each flag with its why, inputs and threshold.
 */
export async function listPartyFlags(
  ctx: AppContext,
  q: { role?: repo.PartyRole | undefined; party?: string | undefined; page: number; pageSize: number },
): Promise<PartyFlagList> {
  const { rows, total } = await repo.listPartyFlags(ctx.db, { role: q.role, party: q.party }, { page: q.page, pageSize: q.pageSize });
  const roles: repo.PartyRole[] = q.role ? [q.role] : ['Buyer', 'ProcuringEntity'];
  const items = rows.flatMap((r) => {
    const { name, flags } = repo.readPartyFlags(r.flags_json);
    return roles.flatMap((role) => {
      const mine = flags.filter((f) => f.inputs.group === role);
      return mine.length ? [{ partyId: r.party_id, name, role, flags: mine, updatedAt: r.updated_at }] : [];
    });
  });
  return { items, total };
}
