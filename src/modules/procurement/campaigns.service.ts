import { AppError } from '../../common/errors.js';
import {
  DEFAULT_MISCONDUCT,
  type CampaignListItem,
  type CampaignProjectsImportResult,
  type CampaignView,
} from '../../common/schemas/procurement.js';
import { chinaDate } from '../../common/dates.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import type { Upload } from '../../http/upload.js';
import { audit } from '../org/audit.service.js';
import { findOrCreateList, itemCreator } from '../worklists/index.js';
import { type Field, parseProjectsFile, type ProjectProblem } from './campaign-projects.import.js';
import * as repo from './procurement.repository.js';

/**
 * Inspection campaigns (专项整治): a set of projects checked against a checklist of agency
 * misconduct (by default the four kinds of 招标代理"四类"违法违规行为), the problems found per
 * project and agency, each followed to rectification as a problem item of the work lists, and the
 * totals the bulletin cites (checked, amount, problems, verified).
 */

/** The work list the campaigns' problems go to (created on first use). */
export const CAMPAIGN_WORKLIST = '招标代理专项整治问题清单';

type Project = Awaited<ReturnType<typeof repo.campaignProjects>>[number];
type Problem = Awaited<ReturnType<typeof repo.campaignProblems>>[number];

/** The end of a reporting period: its last instant (exclusive) and its last day in China. */
export interface PeriodEnd {
  before: string;
  lastDay: string;
}

const checkedBy = (p: Project, end?: PeriodEnd) => p.checked === 1 && (!end || (p.checked_on ?? '') <= end.lastDay);
const verifiedBy = (p: Problem, end?: PeriodEnd) => p.verified === 1 && (!end || (p.verified_on ?? '') <= end.lastDay);

function totals(
  c: { id: number; name: string; checklist_json: string; created_at: string },
  projects: Project[],
  problems: Problem[],
  end?: PeriodEnd,
): CampaignListItem {
  const checked = projects.filter((p) => checkedBy(p, end));
  return {
    id: c.id,
    name: c.name,
    checklist: JSON.parse(c.checklist_json) as string[],
    projects: projects.length,
    checked: checked.length,
    amount: checked.reduce((s, p) => s + p.amount_fen, 0) / 100,
    problems: problems.length,
    verified: problems.filter((p) => verifiedBy(p, end)).length,
    createdAt: c.created_at,
  };
}

/**
 * The campaigns with their totals; with `end`, as they stood at the end of that period (the
 * bulletin of a past month): campaigns started and problems recorded before it, projects checked
 * and problems verified on or before its last day.
 */
export async function listCampaigns(ctx: AppContext, end?: PeriodEnd): Promise<{ items: CampaignListItem[] }> {
  const rows = (await repo.listCampaignRows(ctx.db)).filter((r) => !end || r.created_at < end.before);
  const ids = rows.map((r) => r.id);
  const [projects, all] = await Promise.all([repo.campaignProjects(ctx.db, ids), repo.campaignProblems(ctx.db, ids)]);
  const problems = end ? all.filter((p) => p.created_at < end.before) : all;
  return {
    items: rows.map((c) =>
      totals(
        c,
        projects.filter((p) => p.campaign_id === c.id),
        problems.filter((p) => p.campaign_id === c.id),
        end,
      ),
    ),
  };
}

export async function getCampaign(ctx: AppContext, id: number, db = ctx.db): Promise<CampaignView> {
  const c = await repo.findCampaign(db, id);
  if (!c) throw new AppError('NOT_FOUND', [{ path: 'id', message: `专项整治 ${id} 不存在 / campaign ${id} not found` }]);
  const [projects, problems] = await Promise.all([repo.campaignProjects(db, [id]), repo.campaignProblems(db, [id])]);
  const agencies = new Map<string, { agency: string; projects: number; problems: number; verified: number }>();
  for (const p of projects) {
    const a = agencies.get(p.agency) ?? { agency: p.agency, projects: 0, problems: 0, verified: 0 };
    a.projects++;
    agencies.set(p.agency, a);
  }
  const kinds = new Map<string, { misconduct: string; problems: number; verified: number }>();
  for (const p of problems) {
    const a = agencies.get(p.agency)!;
    a.problems++;
    a.verified += p.verified;
    const k = kinds.get(p.misconduct) ?? { misconduct: p.misconduct, problems: 0, verified: 0 };
    k.problems++;
    k.verified += p.verified;
    kinds.set(p.misconduct, k);
  }
  return {
    ...totals(c, projects, problems),
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      agency: p.agency,
      amount: p.amount_fen / 100,
      checked: p.checked === 1,
      checkedOn: p.checked_on,
      problems: problems.filter((x) => x.project_id === p.id).length,
    })),
    problems: problems.map((p) => ({
      id: p.id,
      projectId: p.project_id,
      projectCode: p.project_code,
      agency: p.agency,
      misconduct: p.misconduct,
      description: p.description,
      verified: p.verified === 1,
      verifiedOn: p.verified_on,
      itemId: p.item_id,
    })),
    byAgency: [...agencies.values()].sort((a, b) => b.problems - a.problems || a.agency.localeCompare(b.agency)),
    byMisconduct: [...kinds.values()],
  };
}

export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  body: { name: string; checklist?: string[] | undefined },
): Promise<CampaignView> {
  return withTransaction(ctx.db, async (trx) => {
    const checklist = body.checklist ?? [...DEFAULT_MISCONDUCT];
    const id = await repo.insertCampaign(trx, {
      name: body.name,
      checklist_json: JSON.stringify(checklist),
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, {
      action: 'procurement.campaign.create',
      entity: 'procurement_campaign',
      entityId: id,
      after: { name: body.name, checklist },
    });
    return getCampaign(ctx, id, trx);
  });
}

export async function addProjects(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { projects: { code: string; name: string; agency: string; amount: number; checked: boolean; checkedOn?: string | undefined }[] },
  file?: string,
): Promise<CampaignView> {
  return withTransaction(ctx.db, async (trx) => {
    await getCampaign(ctx, id, trx);
    const existing = await repo.projectCodesOf(trx, id);
    const seen = new Set<string>();
    const dup = body.projects.flatMap((p, i) => {
      const clash = existing.has(p.code) || seen.has(p.code);
      seen.add(p.code);
      return clash
        ? [{ path: `body.projects.${i}.code`, message: `项目编号 ${p.code} 重复 / project code ${p.code} is already there` }]
        : [];
    });
    if (dup.length) throw new AppError('DUPLICATE_PROJECT_CODE', dup);
    const today = chinaDate(ctx.clock());
    const future = body.projects.flatMap((p, i) =>
      p.checkedOn && p.checkedOn > today
        ? [{ path: `body.projects.${i}.checkedOn`, message: `检查日期 ${p.checkedOn} 晚于今天 / the check date is in the future` }]
        : [],
    );
    if (future.length) throw new AppError('VALIDATION_FAILED', future);
    await repo.insertProjects(
      trx,
      body.projects.map((p) => ({
        campaign_id: id,
        code: p.code,
        name: p.name,
        agency: p.agency,
        amount_fen: Math.round(p.amount * 100),
        checked: p.checked ? 1 : 0,
        checked_on: p.checked ? (p.checkedOn ?? today) : null,
      })),
    );
    await audit(ctx, trx, actor, {
      action: 'procurement.campaign.projects',
      entity: 'procurement_campaign',
      entityId: id,
      after: file ? { added: body.projects.length, file } : { added: body.projects.length },
    });
    return getCampaign(ctx, id, trx);
  });
}

/**
 * A projects file for a campaign (the web upload): every row checked, codes against the file and
 * the campaign, problems located by line and column; a preview without `commit`, else every
 * project added in one transaction (or none).
 */
export async function importCampaignProjects(
  ctx: AppContext,
  actor: Actor,
  id: number,
  upload: Upload,
  opts: { dryRun: boolean },
): Promise<CampaignProjectsImportResult> {
  const campaign = await getCampaign(ctx, id);
  const { rows, problems, columnOf } = await parseProjectsFile(upload.data, upload.filename);
  problems.push(...codeAndDateProblems(rows, new Set(campaign.projects.map((p) => p.code)), chinaDate(ctx.clock()), columnOf));
  if (problems.length)
    throw new AppError(
      'CAMPAIGN_PROJECTS_FILE_PROBLEMS',
      problems
        .sort((a, b) => a.line - b.line)
        .map((p) => ({
          path: `${upload.filename}:${p.line}${p.column ? `:${p.column}` : ''}`,
          file: upload.filename,
          line: p.line,
          column: p.column,
          message: p.message,
        })),
    );
  const checked = rows.filter((r) => r.checked);
  const summary = {
    filename: upload.filename,
    projects: rows.length,
    checked: checked.length,
    amount: Math.round(checked.reduce((s, r) => s + r.amount, 0) * 100) / 100,
    preview: rows.slice(0, 20).map(({ line, code, name, agency, amount, checked, checkedOn }) => ({
      line,
      code,
      name,
      agency,
      amount,
      checked,
      checkedOn: checked ? (checkedOn ?? null) : null,
    })),
  };
  if (opts.dryRun) return { dryRun: true, ...summary, campaign: null };
  const projects = rows.map((r) => ({
    code: r.code,
    name: r.name,
    agency: r.agency,
    amount: r.amount,
    checked: r.checked,
    checkedOn: r.checkedOn,
  }));
  return { dryRun: false, ...summary, campaign: await addProjects(ctx, actor, id, { projects }, upload.filename) };
}

function codeAndDateProblems(
  rows: { line: number; code: string; checkedOn?: string | undefined }[],
  existing: Set<string>,
  today: string,
  columnOf: (f: Field) => string,
): ProjectProblem[] {
  const out: ProjectProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    const prev = firstLine.get(r.code);
    if (r.code && existing.has(r.code))
      out.push({
        line: r.line,
        column: columnOf('code'),
        message: `第 ${r.line} 行：项目编号 ${r.code} 已在该专项整治中 / already in the campaign`,
      });
    else if (prev)
      out.push({
        line: r.line,
        column: columnOf('code'),
        message: `第 ${r.line} 行：项目编号与第 ${prev} 行重复 / same code as line ${prev}`,
      });
    else firstLine.set(r.code, r.line);
    if (r.checkedOn && r.checkedOn > today)
      out.push({
        line: r.line,
        column: columnOf('checkedOn'),
        message: `第 ${r.line} 行：检查日期晚于今天 / the check date is in the future`,
      });
  }
  return out;
}

/**
 * Records a problem found in a project. With a unit it also becomes a problem item of the work
 * lists (through the work lists' public face, which audits and notifies the unit, in the same
 * transaction), so its rectification is followed, reminded and escalated like every other item.
 */
export async function addProblem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { projectId: number; misconduct: string; description: string; unitId?: number | undefined; deadline?: string | undefined },
): Promise<CampaignView> {
  const campaign = await getCampaign(ctx, id);
  const project = await repo.findProject(ctx.db, body.projectId);
  if (!project || project.campaign_id !== id)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.projectId', message: '项目不属于该专项整治 / the project is not in this campaign' },
    ]);
  if (!campaign.checklist.includes(body.misconduct))
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.misconduct', message: '问题类型不在检查清单中 / the misconduct type is not on the checklist' },
    ]);
  // the problem and its work-list item are stored together: a failure leaves neither behind
  const createItem = body.unitId ? await itemCreator(ctx, actor) : null;
  return withTransaction(ctx.db, async (trx) => {
    let itemId: number | null = null;
    if (createItem && body.unitId) {
      const list = await findOrCreateList(ctx, actor, trx, { name: CAMPAIGN_WORKLIST, kind: 'problem' });
      const item = await createItem(trx, {
        listId: list.id,
        code: `ZX${id}-${project.id}-${campaign.problems.length + 1}`.slice(0, 32),
        area: '招标代理专项整治',
        content: `${project.agency}（${project.code} ${project.name}）：${body.description}`.slice(0, 2000),
        deadline: body.deadline ?? null,
        leadUnitIds: [body.unitId],
        sourceEvaluation: campaign.name.slice(0, 200),
      });
      itemId = item.id;
    }
    const problemId = await repo.insertProblem(trx, {
      project_id: project.id,
      misconduct: body.misconduct,
      description: body.description,
      item_id: itemId,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, {
      action: 'procurement.campaign.problem',
      entity: 'procurement_campaign_problem',
      entityId: problemId,
      after: { campaignId: id, ...body, itemId },
    });
    return getCampaign(ctx, id, trx);
  });
}

export async function verifyProblem(ctx: AppContext, actor: Actor, id: number, problemId: number): Promise<CampaignView> {
  return withTransaction(ctx.db, async (trx) => {
    const p = await repo.findProblem(trx, problemId);
    if (!p || p.campaign_id !== id) throw new AppError('NOT_FOUND', [{ path: 'problemId', message: '问题不存在 / problem not found' }]);
    if (p.verified === 1) throw new AppError('CONFLICT', [{ path: 'problemId', message: '该问题已核实 / already verified' }]);
    const on = chinaDate(ctx.clock());
    await repo.setProblemVerified(trx, problemId, on);
    await audit(ctx, trx, actor, {
      action: 'procurement.campaign.verify',
      entity: 'procurement_campaign_problem',
      entityId: problemId,
      before: { verified: false },
      after: { verified: true, verifiedOn: on },
    });
    return getCampaign(ctx, id, trx);
  });
}
