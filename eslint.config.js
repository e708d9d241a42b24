// Lint: TypeScript rules plus the layer arrows of the architecture.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'test/e2e/__screenshots__/**', '.tmp/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Chinese text (fixtures, messages) legitimately holds the ideographic space U+3000
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(['**/main/**', 'electron', 'node:*', 'better-sqlite3'], 'The renderer reaches the core only through its api module.'),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(['**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'node:*'], 'shared imports nothing of the app.'),
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/workers/**/*.ts', 'src/main/harness/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**'], 'The core is plain Node: never electron, never the renderer.'),
  },
);
