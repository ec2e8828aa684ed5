import { parse } from 'csv-parse/sync';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import type { Method } from './method.js';
import { type ComponentInput, type ComponentResult, type TopicInput, scoreOverall, scoreTopic } from './scoring.js';

/**
 * Scores a CSV laid out like the publisher's own export (the method's `fileLayout`): rows with
 * component value columns are scored topic by topic; rows with only topic scores are aggregated
 * to the overall score. The output is the CLI's `{"results": [...]}` document.
 */

export interface FileResult {
  economy: string;
  topic: string;
  score: number;
  components: Record<string, unknown>;
  published?: number;
  warnings?: string[];
}

const MAX_ERRORS = 50;

/** Reads a number cell; `decimals` records how far the source rounded it. */
function readNumber(raw: string | undefined, where: string, errors: ErrorDetail[]): { value: number; decimals: number } | undefined {
  const text = (raw ?? '').trim();
  if (text === '') {
    errors.push({ path: where, message: '缺少数值 / missing value' });
    return undefined;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    errors.push({ path: where, message: `不是数字 / not a number: "${text}"` });
    return undefined;
  }
  const dot = text.replace(/[eE].*$/, '').split('.')[1];
  return { value: Number(text), decimals: dot ? dot.length : 0 };
}

function presentComponent(c: ComponentResult): Record<string, unknown> {
  const ids = Object.keys(c.variants);
  const single = ids.length === 1 && ids[0] === '';
  return {
    score: c.score,
    ...(single
      ? { value: c.variants[''].value }
      : {
          values: Object.fromEntries(ids.map((id) => [id, c.variants[id].value])),
          variantScores: Object.fromEntries(ids.map((id) => [id, c.variants[id].score])),
        }),
    unit: c.unit,
    bounds: c.bounds,
    transform: c.transform,
    formula: c.formula,
    ...(Object.values(c.variants).some((v) => v.basis === 'published_score') ? { basis: 'published_score_within_rounding' } : {}),
  };
}

export function scoreExportCsv(method: Method, text: string, file: string, opts: { valuesOnly?: boolean } = {}): { results: FileResult[] } {
  const layout = method.fileLayout;
  if (!layout)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'method', message: `方法 ${method.id} 未定义文件格式 / the method defines no file layout` },
    ]);
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: true });
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', [{ path: file, message: `CSV 格式错误 / malformed CSV: ${(err as Error).message}` }]);
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('VALIDATION_FAILED', [{ path: file, message: '文件为空 / the file is empty' }]);
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  if (!col.has(layout.economyColumn))
    throw new AppError('VALIDATION_FAILED', [{ path: `${file}:row 1`, message: `缺少列 ${layout.economyColumn} / missing column` }]);

  // Topics whose every value column is present are scored from components.
  const componentTopics = method.topics.filter((t) => {
    const tl = layout.topics[t.id];
    return tl && Object.values(tl.components).every((vs) => Object.values(vs).every((p) => col.has(p.value)));
  });
  const topicColumn = (id: string) =>
    [layout.topicScoreColumnPattern?.replace('{topic}', id), layout.topics[id]?.topicScoreColumn].find(
      (c) => c !== undefined && col.has(c),
    );
  const overallFromTopics = method.topics.every((t) => topicColumn(t.id));
  if (!componentTopics.length && !overallFromTopics) {
    throw new AppError('VALIDATION_FAILED', [
      {
        path: `${file}:row 1`,
        message: '文件中既没有成分数值列，也没有全部主题得分列 / the file has neither component value columns nor all topic score columns',
      },
    ]);
  }

  const results: FileResult[] = [];
  const errors: ErrorDetail[] = [];
  const cell = (row: string[], name: string) => row[col.get(name)!];
  rows.forEach((row, i) => {
    if (errors.length >= MAX_ERRORS) return;
    const line = i + 2;
    const at = (column: string) => `${file}:row ${line}, column ${column}`;
    const economy = cell(row, layout.economyColumn).trim();
    for (const t of componentTopics) {
      const components: Record<string, ComponentInput> = {};
      for (const [cid, variants] of Object.entries(layout.topics[t.id].components)) {
        components[cid] = { variants: {} };
        for (const [vid, pair] of Object.entries(variants)) {
          const v = readNumber(cell(row, pair.value), at(pair.value), errors);
          // A published score is optional: an empty cell simply means there is none to compare with.
          const publishedText = !opts.valuesOnly && pair.score && col.has(pair.score) ? cell(row, pair.score).trim() : '';
          const published = publishedText ? readNumber(publishedText, at(pair.score!), errors) : undefined;
          components[cid].variants[vid] = v
            ? { value: v.value, decimals: v.decimals, publishedScore: published?.value, where: at(pair.value) }
            : { value: Number.NaN, where: at(pair.value) }; // already reported; keeps the scorer's report at the same place
        }
      }
      try {
        const r = scoreTopic(method, t, { components }, `${file}:row ${line}`);
        const publishedCol = layout.topics[t.id].topicScoreColumn;
        const published = publishedCol && col.has(publishedCol) ? Number(cell(row, publishedCol)) : undefined;
        results.push({
          economy,
          topic: t.id,
          score: r.score,
          components: Object.fromEntries(Object.values(r.components).map((c) => [c.id, presentComponent(c)])),
          ...(published !== undefined && Number.isFinite(published) ? { published } : {}),
          ...(r.warnings.length ? { warnings: r.warnings } : {}),
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'INDICATOR_BAD_VALUE') errors.push(...(err.details ?? []));
        else throw err;
      }
    }
    if (!componentTopics.length && overallFromTopics) {
      const before = errors.length;
      const inputs: Record<string, TopicInput> = {};
      for (const t of method.topics) {
        const name = topicColumn(t.id)!;
        const v = readNumber(cell(row, name), at(name), errors);
        if (v) inputs[t.id] = { score: v.value, where: at(name) };
      }
      if (errors.length > before) return;
      try {
        const r = scoreOverall(method, inputs, `${file}:row ${line}`);
        const published =
          layout.overallScoreColumn && col.has(layout.overallScoreColumn) ? Number(cell(row, layout.overallScoreColumn)) : undefined;
        results.push({
          economy,
          topic: method.overall.id,
          score: r.score,
          components: Object.fromEntries(Object.values(r.topics).map((t) => [t.topic, { score: t.score, weight: t.weight }])),
          ...(published !== undefined && Number.isFinite(published) ? { published } : {}),
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'INDICATOR_BAD_VALUE') errors.push(...(err.details ?? []));
        else throw err;
      }
    }
  });
  // A cell that is not a number is also "missing" to the scorer: report each place once.
  const unique = errors.filter((e, i) => errors.findIndex((x) => x.path === e.path) === i);
  if (unique.length) throw new AppError('INDICATOR_BAD_VALUE', unique.slice(0, MAX_ERRORS));
  return { results };
}
