/**
 * The house rules on how src/ hangs together (README: "Peta folder" and "Modul dengan dependensi eksplisit"). Run by
 * `npm run lint:deps`, which `npm test` runs first. A feature is a folder of src/ with a module entry (index.ts:
 * create<Feature>Module).
 */
const FEATURES = [
  'assessments', 'audit', 'auth', 'board', 'dashboard', 'evidence', 'exports', 'home', 'instrument', 'monitoring', 'offline',
  'kabupaten', 'lapor', 'monev-documents', 'period-setup', 'periods', 'progress', 'questionnaire', 'renaksi', 'renaksi-narrative', 'scoring', 'seed',
  'units', 'users', 'verification',
].join('|');
const FEATURE = `^src/(${FEATURES})/`;
const ENTRY = `^src/(${FEATURES})/index\\.ts$`;

/**
 * The only files one feature may import from another without going through its entry, each with its reason.
 * - exports/recap-sheets.ts: the recap sheets' pure builder, which the Renaksi workbook adds; that workbook is built
 *   in a worker thread, which should not load the exports module's routes and services with the entry.
 * - renaksi/renaksi-lampiran.ts: the lampiran form's pure helpers (block, closing, page setup), which the monev
 *   workbook (Lampiran III) shares with Lampiran I and II; it is built in a worker thread too.
 */
const NAMED_EXCEPTIONS = ['^src/exports/recap-sheets\\.ts$', '^src/renaksi/renaksi-lampiran\\.ts$'];

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
      comment: 'One feature reaches another only through its module entry (index.ts), which names what it offers (or a NAMED_EXCEPTION).',
      from: { path: FEATURE },
      to: { path: FEATURE, pathNot: ['^src/$1/', ENTRY, ...NAMED_EXCEPTIONS] },
    },
    {
      name: 'composition-uses-entries',
      severity: 'error',
      comment: 'app.ts, server, CLI, bootstrap and the benchmark assemble modules through their entries too.',
      from: { path: ['^src/[^/]+\\.ts$', '^src/bench/'] },
      to: { path: FEATURE, pathNot: ENTRY },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
  },
};
