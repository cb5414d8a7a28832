// Lets `node -r ./bench/register.cjs` load TypeScript (benchmarks import the API's own source), compiled
// with the workspace's swc settings, the way the API build compiles it.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const swcrc = JSON.parse(readFileSync(join(__dirname, '..', '.swcrc'), 'utf8'));
delete swcrc.$schema;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false, sourceMaps: 'inline' });
  module._compile(code, filename);
};
