import { AppError, type ErrorDetail } from '../../common/errors.js';
import {
  type EscalationSettings,
  type ScoreSettings,
  type SettingsView,
  escalationSettings,
  scoreSettings,
} from '../../common/schemas/supervision.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { DEFAULT_ESCALATION, DEFAULT_SCORE, scoreFormula } from './score.js';
import { findSetting, saveSetting } from './supervision.repository.js';

async function load<T>(
  db: Executor,
  key: string,
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  fallback: T,
): Promise<{ value: T; version: number }> {
  const row = await findSetting(db, key);
  if (!row) return { value: fallback, version: 1 };
  const parsed = schema.safeParse(JSON.parse(row.value_json));
  // A value stored by an older version that no longer validates falls back to the defaults.
  return { value: parsed.success ? parsed.data! : fallback, version: row.version };
}

export async function loadSettings(
  db: Executor,
): Promise<{ escalation: EscalationSettings; score: ScoreSettings; versions: { escalation: number; score: number } }> {
  const e = await load(db, 'escalation', escalationSettings, DEFAULT_ESCALATION);
  const s = await load(db, 'score', scoreSettings, DEFAULT_SCORE);
  return { escalation: e.value, score: s.value, versions: { escalation: e.version, score: s.version } };
}

export async function getSettings(ctx: AppContext): Promise<SettingsView> {
  const s = await loadSettings(ctx.db);
  return {
    escalation: s.escalation,
    escalationVersion: s.versions.escalation,
    score: s.score,
    scoreVersion: s.versions.score,
    formula: scoreFormula(s.score),
  };
}

/** The ladder must climb: each enabled step after the deadline comes later than the one before it. */
function checkLadder(e: EscalationSettings): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<number>();
  for (const [i, d] of e.reminders.daysBefore.entries()) {
    if (seen.has(d))
      details.push({ path: `body.escalation.reminders.daysBefore.${i}`, message: `重复的提醒天数 ${d} / duplicate reminder day` });
    seen.add(d);
  }
  let last = 0;
  let lastName = '';
  for (const name of ['notice', 'bulletin', 'summons'] as const) {
    const step = e[name];
    if (!step.enabled) continue;
    if (step.daysAfter <= last) {
      details.push({
        path: `body.escalation.${name}.daysAfter`,
        message: `应晚于${lastName}（${last} 个工作日） / must come after ${lastName} (${last} working days)`,
      });
    }
    last = step.daysAfter;
    lastName = name;
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
}

async function save(ctx: AppContext, actor: Actor, key: 'escalation' | 'score', value: unknown, version: number): Promise<SettingsView> {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findSetting(trx, key);
    if (!(await saveSetting(trx, key, JSON.stringify(value), version, ctx.clock().toISOString()))) throw new AppError('VERSION_CONFLICT');
    await audit(ctx, trx, actor, {
      action: `supervision.settings.${key}`,
      entity: 'supervision_setting',
      entityId: key,
      before: before ? JSON.parse(before.value_json) : null,
      after: value,
    });
  });
  return getSettings(ctx);
}

export async function updateEscalationSettings(
  ctx: AppContext,
  actor: Actor,
  body: { version: number; escalation: EscalationSettings },
): Promise<SettingsView> {
  checkLadder(body.escalation);
  const escalation = {
    ...body.escalation,
    reminders: { ...body.escalation.reminders, daysBefore: [...body.escalation.reminders.daysBefore].sort((a, b) => b - a) },
  };
  return save(ctx, actor, 'escalation', escalation, body.version);
}

export function updateScoreSettings(ctx: AppContext, actor: Actor, body: { version: number; score: ScoreSettings }): Promise<SettingsView> {
  return save(ctx, actor, 'score', body.score, body.version);
}
