/**
 * The house rules on how src/ hangs together (README, "How the code is laid out"). Run by `npm run lint:deps`, which
 * `npm test` runs first. A feature is a folder of src/ with a module entry (index.ts: create<Feature>Module).
 */
const FEATURES = [
  'assessments', 'audit', 'auth', 'board', 'dashboard', 'evidence', 'exports', 'home', 'instrument', 'offline',
  'period-setup', 'periods', 'questionnaire', 'renaksi', 'scoring', 'seed', 'units', 'users', 'verification',
].join('|');
const FEATURE = `^src/(${FEATURES})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No file reaches itself again through its imports, type-only imports included: shared types go in their own files.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'infrastructure-imports-no-feature',
      severity: 'error',
      comment: 'shared/, db/, web/, errors/ and config/ serve every feature and know none of them.',
      from: { path: '^src/(shared|db|web|errors|config)/' },
      to: { path: FEATURE },
    },
    {
      name: 'routes-go-through-services',
      severity: 'error',
      comment: 'A route file calls services; it never imports a repository or the database (routes → services → repositories).',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['\\.repo\\.ts$', '^src/db/'] },
    },
    {
      name: 'features-meet-at-their-entry',
      severity: 'error',
      comment: 'One feature reaches another only through its module entry (index.ts), which names what it offers.',
      from: { path: FEATURE },
      to: { path: FEATURE, pathNot: ['^src/$1/', `^src/(${FEATURES})/index\\.ts$`] },
    },
    {
      name: 'composition-uses-entries',
      severity: 'error',
      comment: 'app.ts, server, CLI, bootstrap and the benchmark assemble modules through their entries too.',
      from: { path: ['^src/[^/]+\\.ts$', '^src/bench/'] },
      to: { path: FEATURE, pathNot: `^src/(${FEATURES})/index\\.ts$` },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
  },
};
