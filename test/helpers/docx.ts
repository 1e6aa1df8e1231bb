import { entryChunks, ooxmlKind, zipEntries } from '../../src/shared/zip-read';

export interface DocxParts {
  kind: ReturnType<typeof ooxmlKind>;
  names: string[];
  /** word/document.xml as stored. */
  xml: string;
  /** Every paragraph's text (the w:t runs joined, a tab as a space), one paragraph or line break per line, entities decoded. */
  text: string;
  entry(name: string): Promise<Buffer>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e] as string);

/** Unzips a .docx held in memory and reads its main document part. */
export async function readDocx(buf: Buffer): Promise<DocxParts> {
  const entries = zipEntries(buf);
  if (!entries) throw new Error('not a zip');
  const entry = async (name: string): Promise<Buffer> => {
    const e = entries.find((x) => x.name === name);
    if (!e) throw new Error(`no ${name} in the archive`);
    const chunks: Buffer[] = [];
    for await (const c of entryChunks(buf, e, { limit: 64 * 1024 * 1024, remaining: 64 * 1024 * 1024 })) chunks.push(c);
    return Buffer.concat(chunks);
  };
  const xml = (await entry('word/document.xml')).toString('utf8');
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) => (m[0] === '<w:tab/>' ? ' ' : m[0] === '<w:br/>' ? '\n' : decode(m[1] ?? ''))).join(''))
    .filter((l) => l !== '')
    .join('\n');
  const names = entries.map((e) => e.name);
  return { kind: ooxmlKind(names), names, xml, text, entry };
}
