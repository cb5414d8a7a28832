// One jest run for the whole workspace: fast domain unit tests, then API and browser end-to-end tests
// that boot the built app (see libs/testing).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' }, module: { type: 'commonjs' } }];
const moduleNameMapper = {
  '^@ggsm/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@ggsm/testing$': '<rootDir>/libs/testing/src/index.ts',
  '^@ggsm/migrations$': '<rootDir>/migrations/index.ts',
};
const common = { transform: { '^.+\\.tsx?$': swc }, moduleNameMapper, testEnvironment: 'node' };
// oidc-provider (the OpenID provider test/api/sso.e2e.ts runs) and its jose are ESM-only, and jest's own
// module system cannot load ESM on Node 20 (its require ignores Node's require(esm)): swc compiles just
// these two packages to CommonJS for the api tests.
const ESM_ONLY = '(oidc-provider|jose)';
const api = {
  ...common,
  transform: { ...common.transform, [`/node_modules/${ESM_ONLY}/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
};
module.exports = {
  // End-to-end tests boot real PostgreSQL clusters and a real browser.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'] },
    { ...api, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.e2e.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.e2e.ts'] },
  ],
};
