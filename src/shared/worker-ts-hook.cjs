/*
 * Loaded into each worker thread (node --require) only when the application runs from its TypeScript sources, as
 * under jest, and into the server and CLI processes the integration tests start (test/helpers/server-process.ts):
 * teaches require() to compile .ts files with swc, the compiler the tests already use. The built application (dist/)
 * never loads this file; its workers require the compiled .js modules.
 */
'use strict';
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
