import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = ['electron', 'better-sqlite3', 'socket.io', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'util'];
const nodePatterns = ['node:*', 'electron/*', 'fs/*'];

export default tseslint.config(
  { ignores: ['dist-web', 'dist-node', 'release', 'node_modules', 'reports', 'test-results', 'playwright-report', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Boundaries: the renderer and the contract run in a browser; they never see Node or Electron.
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'renderer/ and shared/ run in the browser: no Node, Electron or SQLite.' })),
          patterns: [{ group: nodePatterns, message: 'renderer/ and shared/ run in the browser: no Node or Electron.' }],
        },
      ],
    },
  },
  // The core runs headless: it must never import Electron.
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'electron/core runs without Electron (npm run serve).' }] },
      ],
    },
  },
);
