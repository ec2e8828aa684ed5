import { AppError } from '../../common/errors.js';
import { type EnterpriseInput, type ImportView, enterpriseInput } from '../../common/schemas/policies.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { readSheetRows } from '../reports/sheet-rows.js';
import { assertEditor } from './access.js';
import { type EnterpriseValues, normalizeEnterprise } from './enterprises.js';
import { findEnterprisesByUscc, insertEnterprises, updateEnterprise } from './enterprises.repository.js';

/** Column headers a registry workbook may use (Chinese or the API's field names), normalised. */
const HEADERS: Record<string, string> = {
  统一社会信用代码: 'uscc',
  企业名称: 'name',
  企业类型: 'legalForm',
  成立日期: 'registeredOn',
  注册资本: 'capital',
  旗县区: 'county',
  所在旗县区: 'county',
  行业代码: 'industryCode',
  国民经济行业代码: 'industryCode',
  从业人数: 'employees',
  营业收入: 'revenue',
  资产总额: 'assets',
  研发费用: 'rdSpending',
  纳税信用等级: 'taxGrade',
  数据年度: 'figuresYear',
  资质: 'qualifications',
  标签: 'tags',
  上年营业收入: 'history.revenue.0',
  前年营业收入: 'history.revenue.1',
  上年从业人数: 'history.employees.0',
  前年从业人数: 'history.employees.1',
  上年资产总额: 'history.assets.0',
  前年资产总额: 'history.assets.1',
  上年研发费用: 'history.rdSpending.0',
  前年研发费用: 'history.rdSpending.1',
  联系人: 'contactName',
  联系电话: 'contactPhone',
  手机号码: 'contactPhone',
  联系邮箱: 'contactEmail',
  电子邮箱: 'contactEmail',
  法定代表人: 'legalRepresentative',
  法人代表: 'legalRepresentative',
  股东: 'shareholders',
  股东名单: 'shareholders',
};
const API_FIELDS = [
  'uscc',
  'name',
  'legalForm',
  'registeredOn',
  'capital',
  'county',
  'industryCode',
  'employees',
  'revenue',
  'assets',
  'rdSpending',
  'taxGrade',
  'figuresYear',
  'qualifications',
  'tags',
  'contactName',
  'contactPhone',
  'contactEmail',
  'legalRepresentative',
  'shareholders',
];
for (const f of API_FIELDS) HEADERS[f.toLowerCase()] = f;
const NUMERIC = new Set(['capital', 'employees', 'revenue', 'assets', 'rdSpending', 'figuresYear']);

const normHeader = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/\(.*?\)|\s/g, '')
    .toLowerCase();
const HEADER_INDEX = new Map(Object.entries(HEADERS).map(([k, v]) => [normHeader(k), v]));

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A typed date, or an Excel date cell as the sheet reader gives it (its time of day dropped). */
function normaliseDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?:日|\s\d{2}:\d{2}:\d{2})?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

interface ParsedRow {
  row: number;
  values?: EnterpriseValues;
}

/**
 * Reads a registry workbook and validates every row; problems are located by row, column and
 * field. Nothing is written.
 */
export async function parseRegistryFile(
  buffer: Buffer,
  filename: string,
): Promise<{ rows: ParsedRow[]; problems: ImportView['problems']; columns: Set<string> }> {
  const table = await readSheetRows(buffer, filename);
  const problems: ImportView['problems'] = [];
  const header = table[0] ?? [];
  const fieldAt = header.map((h) => HEADER_INDEX.get(normHeader(h)));
  const columns = new Set(fieldAt.filter((f): f is string => !!f));
  for (const need of ['uscc', 'name']) {
    if (!fieldAt.includes(need))
      problems.push({
        row: 1,
        column: null,
        field: need,
        message: `缺少“${need === 'uscc' ? '统一社会信用代码' : '企业名称'}”列 / missing column ${need}`,
      });
  }
  if (problems.length) return { rows: [], problems, columns };
  const colOf = (field: string) => {
    const k = fieldAt.findIndex((f) => f === field || f?.startsWith(`${field}.`));
    return k >= 0 ? columnLetter(k + 1) : null;
  };
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c)) continue;
    const rowNo = r + 1;
    const raw: Record<string, unknown> = { history: {} };
    const rowProblems: ImportView['problems'] = [];
    fieldAt.forEach((field, k) => {
      const text = cells[k] ?? '';
      if (!field || !text) return;
      const at = (message: string) => rowProblems.push({ row: rowNo, column: columnLetter(k + 1), field, message });
      if (field.startsWith('history.')) {
        const [, f, idx] = field.split('.');
        const n = Number(text.replace(/,/g, ''));
        if (Number.isNaN(n)) return at(`“${text}”不是数值 / not a number`);
        const h = raw.history as Record<string, (number | null)[]>;
        (h[f!] ??= [null, null])[Number(idx)] = n;
      } else if (NUMERIC.has(field)) {
        const n = Number(text.replace(/,/g, ''));
        if (Number.isNaN(n)) return at(`“${text}”不是数值 / not a number`);
        raw[field] = n;
      } else if (field === 'qualifications') {
        // 高新技术企业:2024-12-01~2027-11-30;专精特新中小企业:2025-01-01~
        raw.qualifications = text
          .split(/[;；]/)
          .filter(Boolean)
          .map((part) => {
            const [kind, period = ''] = part.split(/[:：]/);
            const [from = '', to = ''] = period.split(/[~～至]/);
            return { kind: kind!.trim(), from: normaliseDate(from.trim()), to: to.trim() ? normaliseDate(to.trim()) : null };
          });
      } else if (field === 'shareholders')
        // 张三；91150105MA0000000X；某某投资有限公司 — names or credit codes
        raw.shareholders = text
          .split(/[;；,，、\n]/)
          .map((t) => t.trim())
          .filter(Boolean);
      else if (field === 'tags')
        raw.tags = text
          .split(/[;；,，]/)
          .map((t) => t.trim())
          .filter(Boolean);
      else if (field === 'registeredOn') raw[field] = normaliseDate(text);
      else raw[field] = text;
    });
    const parsed = enterpriseInput.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '');
        rowProblems.push({ row: rowNo, column: colOf(field), field, message: i.message });
      }
    } else {
      const { values, problems: p } = normalizeEnterprise(parsed.data as EnterpriseInput);
      for (const x of p) rowProblems.push({ row: rowNo, column: colOf(x.field.split('.')[0]!), field: x.field, message: x.message });
      if (values) {
        const dup = seen.get(values.uscc);
        if (dup)
          rowProblems.push({
            row: rowNo,
            column: colOf('uscc'),
            field: 'uscc',
            message: `与第 ${dup} 行的统一社会信用代码重复 / same USCC as row ${dup}`,
          });
        else seen.set(values.uscc, rowNo);
        if (!rowProblems.length) rows.push({ row: rowNo, values });
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      rows.push({ row: rowNo });
    }
  }
  return { rows, problems, columns };
}

/**
 * Fields a registry export often lacks: an update keeps the stored value unless the file has the
 * column (an empty cell in a present column clears it), so a re-import of an older sheet does not
 * wipe what the office entered by hand.
 */
const KEPT_WHEN_ABSENT = [
  ['legalRepresentative', 'legal_representative'],
  ['shareholders', 'shareholders_json'],
] as const;

function keepAbsent(values: EnterpriseValues, before: EnterpriseValues, columns: Set<string>): EnterpriseValues {
  const out = { ...values };
  for (const [field, column] of KEPT_WHEN_ABSENT) if (!columns.has(field)) out[column] = before[column];
  return out;
}

/**
 * Imports a registry file: a preview without `commit`; with it, one transaction that writes every
 * row (refused while any row has a problem) or, with `keepValid`, only the rows without problems.
 * Enterprises already registered (same USCC) are updated.
 */
export async function importRegistry(
  ctx: AppContext,
  actor: Actor,
  buffer: Buffer,
  filename: string,
  opts: { commit: boolean; keepValid: boolean },
): Promise<ImportView> {
  assertEditor(actor);
  const { rows, problems, columns } = await parseRegistryFile(buffer, filename);
  const valid = rows.filter((r) => r.values);
  const view: ImportView = { rows: rows.length, valid: valid.length, problems, committed: false, created: 0, updated: 0 };
  if (!opts.commit) return view;
  if ((problems.length && !opts.keepValid) || !valid.length) {
    throw new AppError(
      'IMPORT_HAS_PROBLEMS',
      (problems.length ? problems : [{ row: 1, column: null, field: null, message: '没有可导入的行 / no row to import' }]).map((p) => ({
        path: `row ${p.row}${p.column ? ` column ${p.column}` : ''}`,
        ...p,
      })),
    );
  }
  const at = ctx.clock().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const existing = await findEnterprisesByUscc(
      trx,
      valid.map((r) => r.values!.uscc),
    );
    const fresh: EnterpriseValues[] = [];
    for (const r of valid) {
      const before = existing.get(r.values!.uscc);
      if (before) {
        await updateEnterprise(trx, before.id, null, { ...keepAbsent(r.values!, before, columns), synthetic: before.synthetic }, at);
        view.updated++;
      } else fresh.push(r.values!);
    }
    await insertEnterprises(trx, fresh, at);
    view.created = fresh.length;
    view.committed = true;
    await audit(ctx, trx, actor, {
      action: 'enterprise.import',
      entity: 'enterprise',
      entityId: null,
      after: {
        file: filename,
        created: view.created,
        updated: view.updated,
        skippedRows: problems.length ? [...new Set(problems.map((p) => p.row))] : [],
      },
    });
    return view;
  });
}
