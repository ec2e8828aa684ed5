import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import bizenv from './scripts/eslint/module-boundaries.mjs';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'data', 'coverage', 'e2e/screenshots', '.tmp', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Modules extend the platform's tables by declaration merging: `interface X extends Y {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Prettier (printWidth 140) does not break strings, template literals or comments.
      'max-len': ['error', { code: 140 }],
    },
  },
  {
    // Generated (schema.ts) and frozen (migrations) files keep their lines.
    files: ['src/db/migrations/**', 'web/src/api/schema.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    // Plain Node scripts that run before dependencies are installed.
    files: ['scripts/**/*.mjs', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Config must be read once, in src/config.ts; everything else receives it.
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts', 'src/test/**', 'src/cli/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts' }],
    },
  },
  {
    // Module boundaries: another module's data only through its public functions (src/modules/<m>/index.ts),
    // and only repositories touch Kysely (type imports are fine everywhere).
    files: ['src/modules/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.fixtures.ts', 'src/**/*.repository.ts'],
    plugins: { bizenv },
    rules: {
      'bizenv/module-boundaries': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', allowTypeImports: true, message: 'Only *.repository.ts files use Kysely.' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'Only *.repository.ts files query the database; call a repository function.',
        },
      ],
    },
  },
);
