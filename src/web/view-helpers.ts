const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values (as EJS's `<%= %>` does). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * The message under a form field when it was refused (the field's input points to it with aria-describedby
 * "err-<id>", the name unless several forms on one page need their own ids). NOTE: a function rather than a
 * partial: the questionnaire shows four per indicator, and each EJS include checks the file system and copies every
 * local, which made a page render take twice as long.
 */
export function fieldError(errors: Record<string, string> | undefined, name: string, id: string = name): string {
  const message = errors?.[name];
  return message ? `<p class="field-error" id="err-${escapeHtml(id)}">${escapeHtml(message)}</p>` : '';
}

/** A submitted form value to show again in its field: the text sent, or '' (absent, or sent more than once). */
export function fieldValue(values: Record<string, unknown> | null | undefined, name: string): string {
  const x = values?.[name];
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '';
}

/**
 * The attributes that mark a refused field and point to its message (see fieldError, with the same `id`); '' when it
 * was not refused.
 */
export function invalidAttrs(errors: Record<string, string> | undefined, name: string, id: string = name): string {
  return errors?.[name] ? `aria-invalid="true" aria-describedby="err-${escapeHtml(id)}"` : '';
}

/** The form helpers every view may call (registered once on app.locals): `<%- invalidAttrs(errors, 'code') %>`. */
export const FORM_HELPERS = { fieldError, fieldValue, invalidAttrs };
