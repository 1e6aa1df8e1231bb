const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values (as EJS's `<%= %>` does). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * The message under a form field when it was refused (the field's input points to it with aria-describedby
 * "err-<id>", the name unless several forms on one page need their own ids). NOTE: a function rather than a partial: the questionnaire shows four per indicator, and each EJS
 * include checks the file system and copies every local, which made a page render take twice as long.
 */
export function fieldError(errors: Record<string, string> | undefined, name: string, id: string = name): string {
  const message = errors?.[name];
  return message ? `<p class="field-error" id="err-${escapeHtml(id)}">${escapeHtml(message)}</p>` : '';
}
