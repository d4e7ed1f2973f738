import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Where `process.env` may be read: the modules that turn the environment into configuration (parsed with zod and
// handed on), build and tool configuration, scripts, and tests (which configure the processes they start).
const configurationModules = [
  '**/src/env.ts',
  '**/*.config.{ts,js,mjs,cjs}',
  'scripts/**',
  'packages/db/scripts/**',
  'packages/db/src/testing.ts',
  'packages/sandbox/src/cli.ts',
  '**/test/**',
  '**/*.test.{ts,tsx}',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/generated/**',
      '**/build/**',
      '**/dist/**',
      '**/.turbo/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-undef': 'off', // TypeScript reports undefined names; the few .mjs/.cjs scripts run under Node
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read the environment in a configuration module (src/env.ts) and pass the parsed value on.',
        },
      ],
    },
  },
  {
    files: configurationModules,
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Type-aware: a promise nobody awaits or catches, or one handed where a plain callback is expected, is an
    // unhandled rejection waiting to happen.
    files: ['**/*.{ts,tsx}'],
    ignores: ['packages/db/scripts/**', 'vitest.workspace.ts'], // files outside any tsconfig
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React event attributes may return a promise: React ignores it, and our handlers report their own errors
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
);
