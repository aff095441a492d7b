import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Modules meet only at their index.ts (architecture.md): a file in
// modules/<a>/ may import another module only through modules/<b>/index.ts.
const moduleBoundary = {
  files: ['server/src/modules/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.ts$).+',
            message: 'Import another module only through its index.ts.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      '.tmp/**',
      'test-results/**',
      'web/src/app/api-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  moduleBoundary,
  {
    // Rules of hooks (and the React Compiler's checks) for the web app.
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The web app may import the API's zod schemas (ADR 0004), nothing else of the server.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@server/(?!.*/(schema|settings|zod-messages|audit-names)\\.ts$)',
              message:
                'The web app imports only schema.ts, settings.ts, zod-messages.ts and audit-names.ts of the server (ADR 0004).',
            },
            {
              regex: '^(\\.\\./)+server/',
              message: 'Import server schemas through the @server alias (ADR 0004).',
            },
          ],
        },
      ],
    },
  },
  {
    // Platform is below modules: it never imports them (except the typed table registry).
    files: ['server/src/platform/**/*.ts'],
    // Tests may build whole organisations with module services.
    ignores: ['server/src/platform/db/database.ts', 'server/src/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/modules/**'], message: 'platform must not depend on modules' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
