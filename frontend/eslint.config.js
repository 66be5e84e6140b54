import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = ['auth', 'posts', 'editor', 'revisions', 'users', 'status', 'media'];

// The import direction of bulletproof-react: app -> features -> shared (components, lib, types), never back, and no
// feature imports another (what two features share moves to lib/ or components/).
const noImportsFrom = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**', 'src/lib/**', 'src/types/**'],
    rules: noImportsFrom(['@/app/*', '@/features/*', '../features/*', '../../features/*'],
      'Shared code must not depend on app/ or features/.'),
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: noImportsFrom(
      ['@/app/*', ...features.filter((f) => f !== feature).flatMap((f) => [`@/features/${f}/*`, `../../${f}/*`, `../../../${f}/*`])],
      'A feature must not import app/ or another feature; move shared code to lib/ or components/.',
    ),
  })),
);
