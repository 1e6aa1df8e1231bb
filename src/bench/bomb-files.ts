import zlib from 'node:zlib';

/**
 * Hostile spreadsheets for the upload benchmark: small .xlsx files whose XML unpacks into hundreds of megabytes or
 * more, written the way an attacker would (a valid workbook around one enormous, highly repetitive sheet), optionally
 * with a central directory that lies about the unpacked size.
 */

interface BombEntry {
  name: string;
  /** The entry's content, produced chunk by chunk so a gigabyte never sits in memory. */
  chunks: () => Iterable<string>;
  /** The uncompressed size written in the ZIP headers instead of the true one. */
  declaredSize?: number;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A row of one cell holding 30,000 letters: long runs of one byte are what deflate packs best (about 1,000 to 1). */
const ROW = `<row><c t="inlineStr"><is><t>${'x'.repeat(30_000)}</t></is></c></row>`;
const CHUNK_ROWS = 32;

async function deflated(chunks: Iterable<string>): Promise<{ data: Buffer; size: number; crc: number }> {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => z.once('end', resolve).once('error', reject));
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8');
    size += bytes.length;
    crc = zlib.crc32(bytes, crc);
    if (!z.write(bytes)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

/** A ZIP of deflated entries (no data descriptors), each entry's headers carrying `declaredSize` when given. */
async function zipOf(entries: BombEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { data, size, crc } = await deflated(e.chunks());
    const name = Buffer.from(e.name, 'utf8');
    const header = (sig: number, len: number) => {
      const h = Buffer.alloc(len);
      h.writeUInt32LE(sig, 0);
      return h;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(e.declaredSize ?? size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const dir = header(0x02014b50, 46);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(Math.min(e.declaredSize ?? size, 0xffffffff), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += local.length + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const text = (s: string) => () => [s];

/**
 * `bytes` of sheet XML in all: rows of one long inline-string cell, or with `padding` blank space instead of rows,
 * which no row limit catches.
 */
function* hugeSheet(bytes: number, padding = false): Iterable<string> {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;
  yield head;
  const chunk = padding ? ' '.repeat(CHUNK_ROWS * ROW.length) : ROW.repeat(CHUNK_ROWS);
  for (let written = head.length; written < bytes; written += chunk.length) yield chunk;
  yield '</sheetData></worksheet>';
}

function smallSheet(rows: string[][]): string {
  const cells = rows.map((r, i) => `<row r="${i + 1}">${r.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>${cells}</sheetData></worksheet>`;
}

/** A workbook whose sheets are given as entries (the first sheet's XML may be enormous). */
function workbook(sheets: { name: string; entry: Omit<BombEntry, 'name'> }[]): Promise<Buffer> {
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const overrides = sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return zipOf([
    { name: '[Content_Types].xml', chunks: text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`) },
    { name: '_rels/.rels', chunks: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', chunks: text(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${list}</sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', chunks: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, ...s.entry })),
  ]);
}

const MB = 1024 * 1024;

/** About 400 KB holding 400 MB of sheet XML (or `bytes`), sizes declared truthfully; blank space with `padding`. */
export function xmlBomb(sheetName = 'Renaksi', bytes = 400 * MB, padding = false): Promise<Buffer> {
  return workbook([{ name: sheetName, entry: { chunks: () => hugeSheet(bytes, padding) } }]);
}

/** About 1 MB whose ZIP headers declare 4,000 bytes for a sheet that unpacks into 1 GB (or `bytes`). */
export function lyingBomb(sheetName = 'Pengguna', bytes = 1024 * MB): Promise<Buffer> {
  return workbook([{ name: sheetName, entry: { chunks: () => hugeSheet(bytes), declaredSize: 4000 } }]);
}

/**
 * An offline questionnaire as a narahubung could send it: a Metadata sheet naming the period and unit, and a
 * Kuesioner sheet of 400 MB.
 */
export function questionnaireBomb(periodId: number, unitId: number, unitCode: string, bytes = 400 * MB): Promise<Buffer> {
  const meta = smallSheet([['format', 'sp4n-kuesioner-luring-1'], ['periodId', String(periodId)], ['periodName', 'x'], ['unitId', String(unitId)], ['unitCode', unitCode]]);
  return workbook([
    { name: 'Kuesioner', entry: { chunks: () => hugeSheet(bytes) } },
    { name: 'Metadata', entry: { chunks: text(meta) } },
  ]);
}
