// One jest run for the whole workspace: fast domain unit tests, then API and browser end-to-end tests
// that boot the built app (see libs/testing).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' }, module: { type: 'commonjs' } }];
const moduleNameMapper = {
  '^@ggsm/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@ggsm/testing$': '<rootDir>/libs/testing/src/index.ts',
};
const common = { transform: { '^.+\\.tsx?$': swc }, moduleNameMapper, testEnvironment: 'node' };
module.exports = {
  // End-to-end tests boot real PostgreSQL clusters and a real browser.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.e2e.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.e2e.ts'] },
  ],
};
