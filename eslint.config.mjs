// ESLint for the JavaScript of the product (web/, shim/), the tools and the tests: the
// recommended rules, plus the few that catch what review keeps finding.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  {
    files: ['web/**/*.js', 'shim/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, ...globals.worker } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'no eval: encart runs under a strict CSP' },
        { selector: "NewExpression[callee.name='Function']", message: 'no new Function: encart runs under a strict CSP' },
      ],
    },
  },
  {
    files: ['web/node.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    // Emscripten --pre-js: runs inside the glue, where Module, require and __dirname exist.
    files: ['bench/ratio/node_pre.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.node, Module: 'writable' } },
  },
  {
    files: ['**/*.mjs', 'tools/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Pages and their scripts (demo, browser benchmarks, e2e fixtures) run in browsers.
    // e2e tests and browser benchmarks also pass functions to page.evaluate().
    files: ['demo/**/*.js', 'bench/browser/*.js', 'bench/browser/*.mjs', 'tests/e2e/*.mjs', 'tests/fixtures/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser, ...globals.worker, Encart: 'readonly' } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
];
