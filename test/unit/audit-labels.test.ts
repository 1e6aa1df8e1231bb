import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_LABELS, auditLabel } from '../../src/audit/audit-labels';

const SRC = path.resolve(__dirname, '../../src');
const CODE = /'([a-z]+(?:_[a-z]+)*(?:\.[a-z]+(?:_[a-z]+)*)+)'/g;

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * The action codes the code writes to the audit log: the dotted string literals on a line that sets an `action`
 * (`action: 'export.board'`, `action: active ? 'unit.activate' : 'unit.deactivate'`) or inserts into audit_log.
 */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (!/\baction\s*:|audit_log/.test(line)) return;
      for (const m of line.matchAll(CODE)) found.set(m[1] as string, `${path.relative(SRC, file)}:${i + 1}`);
    });
  }
  return found;
}

describe('audit action labels', () => {
  it('gives every action code written anywhere in src/ an Indonesian label', () => {
    const written = writtenActions();

    const unlabelled = [...written].filter(([code]) => !(code in AUDIT_ACTION_LABELS)).map(([code, where]) => `${code} (${where})`);

    expect(written.size).toBeGreaterThan(40);
    expect(unlabelled).toEqual([]);
  });

  it.each([
    ['export.board', 'Status pengisian unit diunduh (Excel)'],
    ['renaksi.row.priority', 'Prioritas baris Renaksi diubah'],
    ['snapshot.create', 'Snapshot presentasi dibuat'],
  ])('shows %s as "%s"', (code, label) => {
    expect(auditLabel(code)).toBe(label);
  });
});
