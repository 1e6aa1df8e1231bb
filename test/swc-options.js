// How the tests compile TypeScript: swc, type annotations stripped, CommonJS out, as tsconfig.json's target.
// Used by jest (jest.config.js) and by the child processes the integration tests start (test/swc-register.js).
// NOTE: no type check here; `npm test` runs `tsc --noEmit` over src and test first.
module.exports = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
};
