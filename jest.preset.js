// Shared Jest settings: TypeScript through SWC (decorator metadata on, for NestJS), workspace aliases.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // ESM-only packages are compiled to CommonJS for Jest (Node itself loads them with require(esm)).
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  moduleNameMapper: {
    '^@hallbridge/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@hallbridge/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@hallbridge/domain/testing$': path.join(root, 'libs/domain/src/testing.ts'),
    '^@hallbridge/i18n$': path.join(root, 'libs/i18n/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
