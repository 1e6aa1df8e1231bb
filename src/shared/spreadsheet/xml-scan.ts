/**
 * A small streaming scanner for the XML parts of an .xlsx: text goes in chunk by chunk, tags and text come out as
 * events, and nothing but the unfinished tail of a chunk is kept. It knows elements, attributes, text, comments,
 * CDATA and processing instructions; it never expands entities beyond the five predefined ones and character
 * references, and refuses a DOCTYPE (which no spreadsheet part has), so a billion-laughs file has nothing to expand.
 */

export interface XmlHandler {
  /** An element starts; `attrs` is its raw attribute text. Names lose their namespace prefix (`x:row` → `row`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, with entities still encoded (decode it with decodeXmlText when it is kept). */
  text(raw: string): void;
}

/** The XML cannot be read (malformed, a DOCTYPE, or a single tag longer than the scanner keeps). */
export class XmlFormatError extends Error {}

const TAG = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
/** The longest tag kept while waiting for the rest of it (attributes of a spreadsheet part are short). */
const MAX_TAG = 64 * 1024;

const SKIPPED: readonly (readonly [string, string])[] = [['<!--', '-->'], ['<?', '?>']];

export class XmlScanner {
  private tail = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of text; events for every complete tag in it are delivered before it returns. */
  push(chunk: string): void {
    const buf = this.tail + chunk;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (pos < buf.length) this.handler.text(buf.slice(pos));
        pos = buf.length;
        break;
      }
      if (lt > pos) this.handler.text(buf.slice(pos, lt));
      pos = lt;
      const next = this.special(buf, lt) ?? this.tag(buf, lt);
      if (next < 0) break;
      pos = next;
    }
    this.tail = buf.slice(pos);
    if (this.tail.length > MAX_TAG) throw new XmlFormatError('tag too long');
  }

  /** The input has ended: anything left unfinished is an error. */
  end(): void {
    if (this.tail.trim() !== '') throw new XmlFormatError('unfinished tag at the end');
  }

  /** Comments, processing instructions and CDATA: the position after them, -1 when unfinished, null when not one. */
  private special(buf: string, lt: number): number | null {
    for (const [open, close] of SKIPPED) {
      if (!buf.startsWith(open, lt)) continue;
      const end = buf.indexOf(close, lt + open.length);
      return end < 0 ? -1 : end + close.length;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(encodeXmlText(buf.slice(lt + 9, end)));
      return end + 3;
    }
    if (buf.startsWith('<!', lt) && buf.length - lt >= 9) throw new XmlFormatError('DOCTYPE or unknown declaration');
    if (buf.startsWith('<!', lt) || buf.length - lt < 2) return -1;
    return null;
  }

  /** An element tag: the position after it, or -1 when it is not complete yet. */
  private tag(buf: string, lt: number): number {
    TAG.lastIndex = lt;
    const m = TAG.exec(buf);
    if (!m) {
      // Unfinished (the rest comes with the next chunk) unless a '>' outside quotes already ended it.
      if (buf.length - lt > MAX_TAG || /^<[^<>"']*(?:"[^"]*"[^<>"']*|'[^']*'[^<>"']*)*>/.test(buf.slice(lt, lt + MAX_TAG))) {
        throw new XmlFormatError(`malformed tag at ${lt}`);
      }
      return -1;
    }
    const [whole, closing, , name, attrs, selfClosing] = m as unknown as [string, string, string | undefined, string, string, string];
    if (closing) this.handler.close(name);
    else {
      this.handler.open(name, attrs, selfClosing === '/');
      if (selfClosing === '/') this.handler.close(name);
    }
    return lt + whole.length;
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function encodeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * Decodes entities and character references, then the `_xHHHH_` escapes Office writes for control characters
 * (a carriage return is stored as `_x000D_`).
 */
export function decodeXmlText(raw: string): string {
  const text = raw.includes('&')
    ? raw.replace(/&(#x[0-9A-Fa-f]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
        if (ref.startsWith('#')) {
          const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        }
        return NAMED[ref] ?? whole;
      })
    : raw;
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const ATTR_PATTERNS = new Map<string, RegExp>();

/** The value of one attribute in a tag's raw attribute text, decoded; undefined when absent. */
export function xmlAttr(attrs: string, name: string): string | undefined {
  let pattern = ATTR_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  if (!m) return undefined;
  return decodeXmlText(m[1] ?? m[2] ?? '');
}
