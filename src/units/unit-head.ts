import type { Unit } from './units.repo';

/**
 * The position of a unit's head as a government document prints it: the one an admin stored, or the usual one for
 * the unit's kind — "Camat Busang" for a kecamatan, "Sekretaris Daerah" / "Sekretaris DPRD" for the secretariats,
 * "Inspektur Daerah" for the inspectorate, "Direktur RSUD Kudungga" for a hospital, otherwise "Kepala Dinas Kesehatan".
 */
export function unitHeadTitle(unit: Pick<Unit, 'name' | 'group' | 'headTitle'>): string {
  const stored = unit.headTitle.trim();
  if (stored) return stored;
  const name = unit.name.trim();
  if (unit.group === 'kecamatan') return `Camat ${name.replace(/^kecamatan\s+/i, '')}`;
  const secretariat = /^sekretariat\s+(.+)$/i.exec(name);
  if (secretariat) return `Sekretaris ${secretariat[1]}`;
  const inspectorate = /^inspektorat\b\s*(.*)$/i.exec(name);
  if (inspectorate) return `Inspektur${inspectorate[1] ? ` ${inspectorate[1]}` : ''}`;
  if (/^(rsud|rumah sakit)\b/i.test(name)) return `Direktur ${name}`;
  return `Kepala ${name}`;
}
