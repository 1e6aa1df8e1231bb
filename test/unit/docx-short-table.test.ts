import { Document, Packer } from 'docx';
import { dataTable, SHORT_TABLE_ROWS, type TableSpec } from '../../src/renaksi-narrative/docx-parts';
import { readDocx } from '../helpers/docx';

/** A table of `n` one-line rows, packed alone into a .docx; returns each table row's XML. */
async function tableRows(n: number): Promise<string[]> {
  const spec: TableSpec = { widths: [1, 3], header: ['No', 'Kondisi'], rows: Array.from({ length: n }, (_, i) => [String(i + 1), `K${i + 1}`]), align: ['center', 'left'], width: 9000 };
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [dataTable(spec)] }] }));
  const { xml } = await readDocx(bytes);
  return xml.split('</w:tr>').slice(0, -1);
}

describe('a short table stays on one page', () => {
  it('keeps the header and every row but the last with the next, so Tabel 2.4 (5 rows) never breaks after its first row', async () => {
    const rows = await tableRows(5);

    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.includes('<w:keepNext'))).toEqual([true, true, true, true, true, false]);
    expect(rows.every((r) => r.includes('<w:cantSplit'))).toBe(true);
  });

  it('lets a table longer than SHORT_TABLE_ROWS break between rows (its header repeats on the next page)', async () => {
    const rows = await tableRows(SHORT_TABLE_ROWS + 1);

    expect(rows.some((r) => r.includes('<w:keepNext'))).toBe(false);
    expect(rows[0]).toContain('<w:tblHeader');
  });
});
