// Test tiers by suffix: *.spec.ts (no services), *.int-spec.ts (real PostgreSQL/PGlite/Redis/LiveKit),
// test/e2e/*.e2e.ts (headless Chromium against the built product on its embedded default),
// test/net/*.net-spec.ts (the product and browsers on separate machines: Linux network namespaces, root only).
const preset = require('./jest.preset');

module.exports = {
  projects: [
    {
      ...preset,
      displayName: 'unit',
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
      // Component tests (*.spec.tsx in jsdom) import the components' style sheets.
      moduleNameMapper: { ...preset.moduleNameMapper, '\\.css$': '<rootDir>/test/support/style-stub.js' },
    },
    {
      ...preset,
      displayName: 'int',
      roots: ['<rootDir>/apps', '<rootDir>/test/int'],
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
    },
    {
      ...preset,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
    },
    {
      ...preset,
      displayName: 'net',
      roots: ['<rootDir>/test/net'],
      testMatch: ['**/*.net-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
    },
  ],
};
