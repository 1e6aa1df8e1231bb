/**
 * Anything escapeXml has to look at: markup characters, characters XML 1.0 forbids (C0 controls other than tab,
 * line feed and carriage return; U+FFFE, U+FFFF) and surrogates, which may be unpaired.
 */
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text made safe for XML element content and double-quoted attributes: markup characters become entities and
 * characters no XML 1.0 document may contain (control characters pasted from other programs, unpaired surrogates)
 * are dropped, since a reader stops at them (Excel then offers to repair the file).
 */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(ILLEGAL, '').replace(MARKUP, (ch) => ENTITIES[ch] as string);
}
