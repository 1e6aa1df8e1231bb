// `node -r ./test/swc-register.js src/server.ts`: runs the TypeScript sources in a child process, each file
// compiled by swc on load with the options jest uses, so the integration tests need no `tsc` build of dist/.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
const options = require('./swc-options');

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });
  module._compile(code, filename);
};
