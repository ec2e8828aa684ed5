import { parse } from 'csv-parse/sync';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { type CalendarDayBody, calendarDayBody } from '../../common/schemas/calendar.js';

/** Column names as the State Council's list is usually retyped: English or Chinese headers. */
const HEADERS: Record<string, keyof CalendarDayBody> = {
  date: 'date',
  日期: 'date',
  type: 'type',
  类型: 'type',
  name: 'name',
  名称: 'name',
  节日: 'name',
  节假日: 'name',
};
/** 休 / 放假 = a rest day, 班 / 上班 / 调休上班 = a swapped working day. */
const TYPES: Record<string, string> = {
  holiday: 'holiday',
  休: 'holiday',
  放假: 'holiday',
  假: 'holiday',
  workday: 'workday',
  班: 'workday',
  上班: 'workday',
  调休上班: 'workday',
};

function normalizeDate(raw: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : raw.trim();
}

function validate(records: Record<string, unknown>[], where: (i: number, field?: string) => Partial<ErrorDetail>): CalendarDayBody[] {
  const days: CalendarDayBody[] = [];
  const details: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    const raw = {
      date: normalizeDate(String(rec.date ?? '')),
      type: TYPES[String(rec.type ?? '').trim()] ?? String(rec.type ?? '').trim(),
      name: String(rec.name ?? '').trim(),
    };
    const r = calendarDayBody.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const field = String(issue.path[0] ?? '');
        details.push({
          ...where(i, field),
          message: field === 'type' ? `类型应为 holiday/休 或 workday/班 / type must be holiday or workday: “${raw.type}”` : issue.message,
        });
      }
      return;
    }
    if (seen.has(r.data.date)) {
      details.push({ ...where(i, 'date'), message: `日期 ${r.data.date} 重复（另见第 ${seen.get(r.data.date)} 条） / date listed twice` });
      return;
    }
    seen.set(r.data.date, i + 1);
    days.push(r.data);
  });
  if (details.length) throw new AppError('VALIDATION_FAILED', details.slice(0, 100));
  if (!days.length) throw new AppError('VALIDATION_FAILED', [{ path: 'content', message: '文件中没有日期 / the file lists no days' }]);
  return days;
}

/** Parses the list; any bad row rejects the whole file with every problem located by row and column. */
export function parseCalendarFile(format: 'csv' | 'json', content: string): CalendarDayBody[] {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (err) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'content', message: `不是有效的 JSON / not valid JSON: ${(err as Error).message}` },
      ]);
    }
    const list = Array.isArray(data) ? data : (data as { days?: unknown })?.days;
    if (!Array.isArray(list))
      throw new AppError('VALIDATION_FAILED', [
        { path: 'content', message: '应为数组 [{date,type,name}] / expected an array of {date,type,name}' },
      ]);
    return validate(list as Record<string, unknown>[], (i, field) => ({
      path: `content[${i}]${field ? `.${field}` : ''}`,
      row: i + 1,
      ...(field ? { column: field } : {}),
    }));
  }
  let rows: string[][];
  try {
    rows = parse(content.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'content', message: `CSV 无法解析 / unreadable CSV: ${(err as Error).message}` }]);
  }
  const header = (rows[0] ?? []).map((h) => HEADERS[h.toLowerCase()] ?? HEADERS[h]);
  const missing = (['date', 'type', 'name'] as const).filter((f) => !header.includes(f));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'content', row: 1, message: `表头缺少 ${missing.join(', ')} / header lacks ${missing.join(', ')} (expected date,type,name)` },
    ]);
  const records = rows.slice(1).map((cells) => Object.fromEntries(header.map((h, c) => [h ?? `_${c}`, cells[c] ?? ''])));
  // Row numbers count the header as row 1, as a spreadsheet shows them.
  return validate(records, (i, field) => ({
    path: `content:row ${i + 2}${field ? `:${field}` : ''}`,
    row: i + 2,
    ...(field ? { column: field } : {}),
  }));
}
