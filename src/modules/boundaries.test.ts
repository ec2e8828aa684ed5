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
    const refused = ['bizenv/module-boundaries'];
    const fromRoot = "import { listAssignments } from '../worklists/worklists.repository.js';\nexport const f = listAssignments;\n";
    expect(await ruleIds(fromRoot, 'src/modules/supervision/probe.ts')).toEqual(refused);
    const fromSubfolder = "export { findUnit } from '../../org/units.repository.js';\n";
    expect(await ruleIds(fromSubfolder, 'src/modules/worklists/import/probe.ts')).toEqual(refused);
    const dynamic = "export const load = () => import('../org/users.repository.js');\n";
    expect(await ruleIds(dynamic, 'src/modules/policies/probe.ts')).toEqual(refused);
  });

  it("allows the module's own repository and another module's public index", async () => {
    expect(await ruleIds("export { listAssignments } from './worklists.repository.js';\n", 'src/modules/worklists/probe.ts')).toEqual([]);
    const own = "export { findWorklistByName } from '../worklists.repository.js';\n";
    expect(await ruleIds(own, 'src/modules/worklists/import/probe.ts')).toEqual([]);
    expect(await ruleIds("export { findUnit } from '../org/index.js';\n", 'src/modules/supervision/probe.ts')).toEqual([]);
  });

  it('keeps Kysely inside repositories: a query in a service is refused, type imports are fine', async () => {
    const query =
      "import type { Executor } from '../../db/database.js';\n" +
      "export const f = (db: Executor) => db.selectFrom('unit').selectAll().execute();\n";
    expect(await ruleIds(query, 'src/modules/org/probe.service.ts')).toEqual(['no-restricted-syntax']);
    expect(await ruleIds(query, 'src/modules/org/probe.repository.ts')).toEqual([]);
    const valueImport = "import { sql } from 'kysely';\nexport const q = sql`1`;\n";
    expect(await ruleIds(valueImport, 'src/modules/org/probe.service.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
    const typeImport = "import type { Transaction } from 'kysely';\nexport type T = Transaction<unknown>;\n";
    expect(await ruleIds(typeImport, 'src/modules/org/probe.service.ts')).toEqual([]);
  });
});
