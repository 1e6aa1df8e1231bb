import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Files that each break one house rule, planted in a copy of src/. */
const PLANTED: Record<string, string> = {
  // A feature reaching into another's repository instead of its module entry.
  'src/units/planted-entry.ts': "import { createAssessmentsRepo } from '../assessments/assessments.repo';\nexport const planted = createAssessmentsRepo;\n",
  // shared/ knowing a feature.
  'src/shared/planted-infra.ts': "import type { UnitsService } from '../units';\nexport type Planted = UnitsService;\n",
  // A route file holding a repository and the database.
  'src/units/planted.routes.ts': "import type { UnitsRepo } from './units.repo';\nimport type { Db } from '../db/database';\nexport type Planted = [UnitsRepo, Db];\n",
  // Two files that need each other's types only.
  'src/units/planted-cycle-a.ts': "import type { B } from './planted-cycle-b';\nexport interface A { b?: B }\n",
  'src/units/planted-cycle-b.ts': "import type { A } from './planted-cycle-a';\nexport interface B { a?: A }\n",
  // A feature offering something that needs a feature above it (units ← assessments): the entries close a cycle.
  'src/units/planted-upward.ts': "import type { AssessmentsService } from '../assessments';\nexport type Planted = AssessmentsService;\n",
};
/** Lines added to copied files so the planted ones are part of the tree. */
const APPENDED: Record<string, string> = { 'src/units/index.ts': "export type { Planted } from './planted-upward';\n" };

/** Runs dependency-cruiser with the project's own config on a copy of src/ with the planted files added. */
function cruisePlanted(): { status: number | null; violations: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-depcruise-'));
  try {
    fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
    for (const f of ['tsconfig.json', 'tsconfig.build.json', '.dependency-cruiser.cjs']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    for (const [file, text] of Object.entries(PLANTED)) fs.writeFileSync(path.join(dir, file), text);
    for (const [file, text] of Object.entries(APPENDED)) fs.appendFileSync(path.join(dir, file), text);
    // NOTE: cruising from the planted files is enough: their imports are followed into the copied tree.
    // The `err` output is what `npm run lint:deps` prints: one "error <rule>: <from> → <to>" line per violation.
    const r = spawnSync(process.execPath, [DEPCRUISE, ...Object.keys(PLANTED), '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
    const violations = [...r.stdout.matchAll(/^\s*error ([a-z-]+): (\S+) →/gm)].map((m) => `${m[1]} ${m[2]}`);
    return { status: r.status, violations };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('fails on planted violations, naming the rule each one breaks', () => {
    const { status, violations } = cruisePlanted();
    const cycles = violations.filter((v) => v.startsWith('no-cycles '));
    const others = new Set(violations.filter((v) => !v.startsWith('no-cycles ')));

    expect(status).not.toBe(0);
    expect(others).toEqual(
      new Set([
        'features-meet-at-their-entry src/units/planted-entry.ts',
        'infrastructure-imports-no-feature src/shared/planted-infra.ts',
        'routes-go-through-services src/units/planted.routes.ts',
      ]),
    );
    // A cycle is reported once, from whichever of its files the cruise met first.
    expect(cycles.filter((c) => /planted-cycle-[ab]\.ts$/.test(c))).toHaveLength(1);
    // units offering what needs assessments (which needs units) closes a cycle through the two module entries.
    expect(cycles.some((c) => c.startsWith('no-cycles src/assessments/'))).toBe(true);
  });
});
