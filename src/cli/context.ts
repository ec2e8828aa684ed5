import { createContext } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { migrateToLatest } from '../db/migrate.js';

/** Reads the configuration, opens the database and migrates it: the start of every command. */
export async function openCliContext(opts: { migrate?: boolean } = {}): Promise<AppContext> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const ctx = createContext({ ...config, logLevel: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  if (opts.migrate !== false) await migrateToLatest(ctx.db);
  return ctx;
}

/** Runs a command body and turns coded errors into a readable line and a non-zero exit. */
export async function runCommand(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const e = err as {
      code?: string;
      messages?: { zh: string; en: string };
      details?: { path?: string; message: string }[];
      toBody?: (l: 'zh') => { message: string; details?: { path?: string; message: string }[] };
    };
    if (e.toBody) {
      const body = e.toBody('zh');
      console.error(`错误 / error ${e.code}: ${body.message}`);
      for (const d of body.details ?? []) console.error(`  - ${d.path ? `${d.path}: ` : ''}${d.message}`);
    } else {
      console.error(err instanceof Error ? err.message : String(err));
    }
    process.exitCode = 1;
  }
}
