import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `file` (relative to the repository). */
async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('module boundaries (the lint rule npm test runs)', () => {
  it("refuses another module's repository, from the module root and from a subfolder", async () => {
    expect(await ruleIds("import { listAssignments } from '../worklists/worklists.repository.js';\nexport const f = listAssignments;\n", 'src/modules/supervision/probe.ts')).toEqual([
      'bizenv/module-boundaries',
    ]);
    expect(await ruleIds("export { findUnit } from '../../org/units.repository.js';\n", 'src/modules/worklists/import/probe.ts')).toEqual(['bizenv/module-boundaries']);
    expect(await ruleIds("export const load = () => import('../org/users.repository.js');\n", 'src/modules/policies/probe.ts')).toEqual(['bizenv/module-boundaries']);
  });

  it("allows the module's own repository and another module's public index", async () => {
    expect(await ruleIds("export { listAssignments } from './worklists.repository.js';\n", 'src/modules/worklists/probe.ts')).toEqual([]);
    expect(await ruleIds("export { findWorklistByName } from '../worklists.repository.js';\n", 'src/modules/worklists/import/probe.ts')).toEqual([]);
    expect(await ruleIds("export { findUnit } from '../org/index.js';\n", 'src/modules/supervision/probe.ts')).toEqual([]);
  });

  it('keeps Kysely inside repositories: a query in a service is refused, type imports are fine', async () => {
    const query = "import type { Executor } from '../../db/database.js';\nexport const f = (db: Executor) => db.selectFrom('unit').selectAll().execute();\n";
    expect(await ruleIds(query, 'src/modules/org/probe.service.ts')).toEqual(['no-restricted-syntax']);
    expect(await ruleIds(query, 'src/modules/org/probe.repository.ts')).toEqual([]);
    expect(await ruleIds("import { sql } from 'kysely';\nexport const q = sql`1`;\n", 'src/modules/org/probe.service.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await ruleIds("import type { Transaction } from 'kysely';\nexport type T = Transaction<unknown>;\n", 'src/modules/org/probe.service.ts')).toEqual([]);
  });
});
