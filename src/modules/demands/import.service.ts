import type { ErrorDetail } from '../../common/errors.js';
import { AppError } from '../../common/errors.js';
import type { DemandType } from '../../common/schemas/demands.js';
import { isRealDate } from '../../common/schemas/date.js';
import { chinaDate } from '../../common/dates.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { audit } from '../org/audit.service.js';
import { loadUnitResolver } from '../org/units.service.js';
import { readSheetRows } from '../reports/sheet-rows.js';
import { findDemandBy, insertDemand, insertEvent, insertRating, listSubjects, setDemandCode, updateDemand } from './demands.repository.js';
import { loadDeadlines } from './settings.service.js';
import { dueAfterWorkdays } from './sla.js';

/** The columns of the city 12345 platform's export, as its header row names them. */
export const IMPORT_COLUMNS = [
  '工单编号',
  '来电时间',
  '诉求人',
  '联系电话',
  '诉求内容',
  '诉求类型',
  '承办单位',
  '办理状态',
  '答复内容',
  '满意度',
] as const;
const TYPE_BY_NAME: Record<string, DemandType> = { 咨询: 'consult', 求助: 'help', 投诉: 'complaint', 建议: 'suggestion', 举报: 'report' };
const STATUS_BY_NAME: Record<string, string> = {
  待签收: 'dispatched',
  已派单: 'dispatched',
  办理中: 'in_progress',
  已签收: 'in_progress',
  已答复: 'answered',
  待回访: 'answered',
  已回访: 'answered',
  已办结: 'closed',
  办结: 'closed',
};
const RATING_BY_NAME: Record<string, number> = { 非常满意: 5, 满意: 4, 基本满意: 3, 不满意: 2, 非常不满意: 1 };

interface Row {
  row: number;
  externalCode: string;
  receivedAt: Date;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
  type: DemandType;
  unitId: number;
  status: string;
  answer: string | null;
  rating: number | null;
}

/** '2026-02-28 09:15', '2026/2/28 9:15:00' (China time) → the instant; undefined for an impossible date or time. */
function parseCallTime(s: string): Date | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const [h, min, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isRealDate(date) || h > 23 || min > 59 || sec > 59) return undefined;
  return new Date(`${date}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')}+08:00`);
}

async function parseExport(ctx: AppContext, data: Buffer, filename: string): Promise<Row[]> {
  const rows = await readSheetRows(data, filename);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof IMPORT_COLUMNS)[number], number>;
  const missing = IMPORT_COLUMNS.filter((c) => col[c] < 0 && ['工单编号', '来电时间', '诉求内容', '诉求类型', '承办单位'].includes(c));
  if (missing.length)
    throw new AppError('DEMAND_IMPORT_INVALID', [
      { path: 'file', row: 1, message: `缺少列：${missing.join('、')} / missing columns: ${missing.join(', ')}` },
    ]);
  const units = await loadUnitResolver(ctx.db);
  const problems: ErrorDetail[] = [];
  const out: Row[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((c) => !c)) continue;
    const n = i + 1;
    const cell = (c: (typeof IMPORT_COLUMNS)[number]) => (col[c] >= 0 ? (r[col[c]] ?? '').trim() : '');
    const bad = (column: string, message: string) => problems.push({ path: `file.row${n}.${column}`, row: n, column, message });
    const code = cell('工单编号');
    if (!code || code.length > 64) bad('工单编号', '工单编号为空或过长 / missing or too long');
    else if (seen.has(code)) bad('工单编号', `工单编号 ${code} 在文件中重复 / repeated in the file`);
    seen.add(code);
    const at = parseCallTime(cell('来电时间'));
    if (!at) bad('来电时间', `“${cell('来电时间')}”不是有效的日期时间 / not a real date and time`);
    const description = cell('诉求内容');
    if (description.length < 2 || description.length > 4000)
      bad('诉求内容', '诉求内容为空或超过 4000 字 / empty or longer than 4000 characters');
    const type = TYPE_BY_NAME[cell('诉求类型')];
    if (!type) bad('诉求类型', `“${cell('诉求类型')}”应为 咨询/求助/投诉/建议/举报 / unknown type`);
    const unit = units.resolve(cell('承办单位'));
    if (!unit) bad('承办单位', `找不到单位“${cell('承办单位')}” / unknown unit`);
    const statusName = cell('办理状态');
    const status = statusName ? STATUS_BY_NAME[statusName] : 'dispatched';
    if (!status) bad('办理状态', `“${statusName}”不是可识别的办理状态 / unknown status`);
    const ratingName = cell('满意度');
    const rating = ratingName ? RATING_BY_NAME[ratingName] : null;
    if (rating === undefined) bad('满意度', `“${ratingName}”应为 非常满意/满意/基本满意/不满意/非常不满意 / unknown rating`);
    const phone = cell('联系电话').replace(/[\s-]/g, '');
    if (phone && !/^\+?\d{5,20}$/.test(phone)) bad('联系电话', '电话号码格式有误 / not a phone number');
    if (at && type && unit && status && rating !== undefined && code && description.length >= 2) {
      out.push({
        row: n,
        externalCode: code,
        receivedAt: at,
        contactName: cell('诉求人') || null,
        contactPhone: phone || null,
        description,
        type,
        unitId: unit.id,
        status,
        answer: cell('答复内容') || null,
        rating,
      });
    }
  }
  if (problems.length) throw new AppError('DEMAND_IMPORT_INVALID', problems.slice(0, 200));
  return out;
}

/**
 * Imports the 12345 platform's export: every row is checked first (errors located by row and
 * column, nothing written); with `commit` all rows are written in one transaction, a 工单编号
 * already imported updating its ticket instead of adding another.
 */
export async function import12345(ctx: AppContext, actor: Actor, data: Buffer, filename: string, commit: boolean) {
  const rows = await parseExport(ctx, data, filename);
  const subjects = await listSubjects(ctx.db);
  const subjectId = (subjects.find((s) => s.name === '其他' && s.parent_id === null) ?? subjects[0])?.id;
  if (!subjectId) throw new AppError('DEMAND_IMPORT_INVALID', [{ path: 'file', message: '尚未配置业务事项 / no subjects configured' }]);
  const cal = await getWorkCalendar(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const deadlines = await loadDeadlines(trx);
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const existing = await findDemandBy(trx, 'external_code', r.externalCode);
      const at = ctx.clock().toISOString();
      const received = r.receivedAt.toISOString();
      const done = r.status === 'closed';
      const answered = r.status === 'answered' || done;
      const fields = {
        type: r.type,
        unit_id: r.unitId,
        status: r.status,
        description: r.description,
        contact_name: r.contactName,
        contact_phone: r.contactPhone,
        answer: r.answer,
        rating: r.rating,
        // the platform's export has no rating time: a rating first seen in this import is dated now
        rated_at: r.rating === null ? null : existing && existing.rating === r.rating ? (existing.rated_at ?? at) : at,
        received_at: received,
        month: chinaDate(r.receivedAt).slice(0, 7),
        due_at: dueAfterWorkdays(cal, r.receivedAt, deadlines.days[r.type]).toISOString(),
        answered_at: answered ? (existing?.answered_at ?? at) : null,
        closed_at: done ? (existing?.closed_at ?? at) : null,
        updated_at: at,
      };
      if (existing) {
        if (commit) {
          await updateDemand(trx, existing.id, existing.version, fields);
          await insertEvent(trx, {
            demand_id: existing.id,
            action: 'import',
            actor_id: actor.id,
            actor_name: actor.displayName,
            unit_id: r.unitId,
            note: `row ${r.row}`,
            at,
          });
          if (r.rating !== null && r.rating !== existing.rating)
            await insertRating(trx, {
              demand_id: existing.id,
              rating_code_id: null,
              unit_id: r.unitId,
              month: fields.month,
              level: r.rating,
              comment: null,
              code_hash: null,
              at,
            });
        }
        updated++;
        continue;
      }
      created++;
      if (!commit) continue;
      const id = await insertDemand(trx, {
        ...fields,
        code: `I${r.externalCode}`.slice(0, 32),
        external_code: r.externalCode,
        channel: 'import',
        subject_id: subjectId,
        dispatched_at: received,
        created_by: actor.id > 0 ? actor.id : null,
        created_at: at,
      });
      await setDemandCode(trx, id, `QY${chinaDate(r.receivedAt).replaceAll('-', '')}${String(id).padStart(6, '0')}`);
      await insertEvent(trx, {
        demand_id: id,
        action: 'import',
        actor_id: actor.id,
        actor_name: actor.displayName,
        unit_id: r.unitId,
        note: `row ${r.row}`,
        at,
      });
      if (r.rating !== null)
        await insertRating(trx, {
          demand_id: id,
          rating_code_id: null,
          unit_id: r.unitId,
          month: fields.month,
          level: r.rating,
          comment: null,
          code_hash: null,
          at,
        });
    }
    if (commit)
      await audit(ctx, trx, actor, { action: 'demands.import', entity: 'demand', entityId: null, after: { filename, created, updated } });
    return { rows: rows.length, created, updated, committed: commit };
  });
}
