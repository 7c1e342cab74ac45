// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only,
// no type information, so a lint stays a few seconds), with every rule that
// Prettier settles turned off (eslint-config-prettier). Formatting itself is
// Prettier's: `npm run format`, `npm run format:check`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Node's CommonJS globals, for the few plain .js files (scripts/, jest.config.js). */
const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  process: 'readonly',
  console: 'readonly',
  performance: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-web/', 'test-artifacts/', 'node_modules/', '.data/', 'coverage/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // A closure (a signal handler, say) may read a `let` that is assigned after it is made: const cannot express that.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_` marks an argument or binding kept on purpose (a callback's position, a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests and benchmarks read GraphQL JSON bodies whose shape is what they assert; `any` is that body's honest type.
      '@typescript-eslint/no-explicit-any': 'off',
      // In a test, a TypeError from a missing value fails the test, which is what an assertion would do.
      'no-unsafe-optional-chaining': 'off',
    },
  },
  prettier,
);
