import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage, type QuestionLevel, WORKLIST_LIMITS } from '../../../common/schemas/worklists.js';
import type { ImportedItemRow, KindField } from '../worklists.types.js';

/** The kind-specific columns (problem, question, case lists, see KIND_FIELDS) and tags, and how a cell becomes a value. */
export type KindFields = Pick<ImportedItemRow, KindField | 'tags'>;

const LEVELS: Record<string, QuestionLevel> = {
  市级: 'city',
  市: 'city',
  city: 'city',
  县级: 'county',
  旗县区: 'county',
  旗县区级: 'county',
  县: 'county',
  county: 'county',
};
export const LEVEL_LABELS: Record<QuestionLevel, string> = { city: '市级', county: '旗县区级' };

function stageOf(text: string): CaseStage | undefined {
  return CASE_STAGES.find((s) => s === text || CASE_STAGE_LABELS[s].zh === text);
}

type Result = { value: Partial<KindFields> } | { message: string };

function score(text: string, raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : Number(text.replace(/分$/, ''));
  return Number.isFinite(n) && n >= 0 && n <= 1000 ? n : null;
}

export function readKindField(field: keyof KindFields, cell: { text: string; raw: unknown }): Result {
  const text = cell.text.normalize('NFKC').trim();
  if (!text) return { value: {} };
  switch (field) {
    case 'level': {
      const level = LEVELS[text];
      return level ? { value: { level } } : { message: `层级“${text}”应为“市级”或“旗县区级” / level must be city or county` };
    }
    case 'maxScore':
    case 'selfScore': {
      const n = score(text, cell.raw);
      return n === null ? { message: `分值“${text}”不是 0–1000 之间的数 / not a score between 0 and 1000` } : { value: { [field]: n } };
    }
    case 'stage': {
      const stage = stageOf(text);
      return stage ? { value: { stage } } : { message: `阶段“${text}”应为申报、培育、入选或推广 / unknown stage` };
    }
    case 'tags': {
      const tags = [...new Set(text.split(/[、，,；;\s]+/).filter(Boolean))];
      if (tags.length > WORKLIST_LIMITS.tags || tags.some((t) => t.length > WORKLIST_LIMITS.tag)) {
        return { message: `标签最多 ${WORKLIST_LIMITS.tags} 个、每个不超过 ${WORKLIST_LIMITS.tag} 字 / too many or too long tags` };
      }
      return { value: { tags } };
    }
    default: {
      const max = field === 'sourceEvaluation' ? 200 : WORKLIST_LIMITS.text;
      return text.length > max ? { message: `内容超过 ${max} 字 / longer than ${max} characters` } : { value: { [field]: text } };
    }
  }
}
