/**
 * Types shared inside the worklists module — in particular the contract between the Excel importer
 * (`import/`) and the service that writes items (`upsertImportedItems`).
 */
import type { CaseStage, ItemKind, QuestionLevel } from '../../common/schemas/worklists.js';
import type { ItemTable } from './worklists.tables.js';

/**
 * The kind-specific fields: the list kind each belongs to and the item column that stores it. The
 * service refuses them on items of another kind; the importer ignores their columns in such lists.
 */
export const KIND_FIELDS = {
  sourceEvaluation: { kind: 'problem', column: 'source_evaluation' },
  rectification: { kind: 'problem', column: 'rectification' },
  level: { kind: 'question', column: 'level' },
  maxScore: { kind: 'question', column: 'max_score' },
  selfScore: { kind: 'question', column: 'self_score' },
  scoringRule: { kind: 'question', column: 'scoring_rule' },
  stage: { kind: 'case', column: 'stage' },
} as const satisfies Record<string, { kind: ItemKind; column: keyof ItemTable }>;
export type KindField = keyof typeof KIND_FIELDS;

/** One validated row of an imported workbook, with unit names already resolved to unit ids. */
export interface ImportedItemRow {
  /** 1-based row number in the sheet, kept for located errors and the history entry. */
  row: number;
  /** 序号 — unique within the list; re-import updates the item with the same code. */
  code: string;
  /** indicator area (指标/领域), if the sheet has one */
  area: string | null;
  content: string;
  measures: string | null;
  leadUnitIds: number[];
  coopUnitIds: number[];
  /** 'YYYY-MM-DD' or null (then `ongoing` says whether it is 长期坚持) */
  deadline: string | null;
  ongoing: boolean;
  tags?: string[];
  // problem
  sourceEvaluation?: string | null;
  rectification?: string | null;
  // question
  level?: QuestionLevel | null;
  maxScore?: number | null;
  selfScore?: number | null;
  scoringRule?: string | null;
  // case
  stage?: CaseStage | null;
}

export interface UpsertImportedItemsOptions {
  listId: number;
  kind: ItemKind;
  rows: ImportedItemRow[];
}

export interface UpsertImportedItemsResult {
  created: number;
  updated: number;
  /** item id per row, in the order of `rows` */
  itemIds: number[];
}

export interface FindOrCreateListOptions {
  name: string;
  kind: ItemKind;
}
