// Lint keeps the house's dependency direction and determinism rules (see README, "How it is built").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Math functions ECMAScript lets engines approximate: results could differ between browsers.
const APPROXIMATED_MATH = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
];
const useDmath = 'is approximated differently by each JavaScript engine; use src/core/dmath.ts';

// Spread arguments land on the stack: `push(...rows)` or `Math.max(...values)` throw a RangeError
// above ~125,000 items in V8 (issue 18). Loops, `concat`, `reduce` or core/arrays.ts instead.
const noSpreadArguments = {
  selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
  message: 'No spread into arguments: it overflows the stack on large arrays; use a loop (see src/core/arrays.ts).',
};

const deterministic = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: "Core draws randomness from the run's Rng streams." },
    { object: 'Date', property: 'now', message: 'Core never reads a clock: time is the tick.' },
    { object: 'performance', property: 'now', message: 'Core never reads a clock: time is the tick.' },
    ...APPROXIMATED_MATH.map((property) => ({ object: 'Math', property, message: `Math.${property} ${useDmath}.` })),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "BinaryExpression[operator='**']", message: `** ${useDmath} (pow).` },
    { selector: "AssignmentExpression[operator='**=']", message: `**= ${useDmath} (pow).` },
    { selector: "NewExpression[callee.name='Date']", message: 'Core never reads a clock: time is the tick.' },
    noSpreadArguments,
  ],
  'no-restricted-globals': [
    'error',
    ...[
      'window',
      'document',
      'self',
      'postMessage',
      'navigator',
      'localStorage',
      'performance',
      'structuredClone',
      'process',
    ].map((name) => ({
      name,
      message: 'Core and models run unchanged in the worker, Node and tests: no host globals.',
    })),
  ],
  'no-console': 'error',
};

// The libraries bench:peers races against: dev dependencies of the benchmark, never in the app.
const benchPeers = {
  group: ['agentscript', 'agentscript/*', 'flocc', 'flocc/*'],
  message: 'Benchmark peers stay in bench/peers.',
};

const pureImports = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['react', 'react-*', 'react/*', 'pixi.js', 'pixi.js/*', '@pixi/*', 'zustand', 'zustand/*', 'recharts'],
          message: 'Core and models import no UI code.',
        },
        {
          group: ['**/ui/**', '**/worker/**', '**/cli/**', '../ui', '../worker', '../cli'],
          message: 'Core and models depend on nothing above them.',
        },
        {
          group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
          message: 'Core and models run in browsers too.',
        },
        benchPeers,
      ],
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.reports/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  // The rules of hooks, and the React Compiler's checks of what components may do while rendering.
  { files: ['src/ui/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**'], rules: { 'no-restricted-syntax': ['error', noSpreadArguments] } },
  { files: ['src/core/**', 'src/models/**', 'src/i18n/**'], rules: { ...deterministic, ...pureImports } },
  {
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/cli/**', '../ui', '../cli', 'react', 'pixi.js', 'recharts'],
              message: 'The worker depends only on core and models.',
            },
            benchPeers,
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', '../cli'], message: 'The UI does not depend on the CLI.' }, benchPeers] },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
