import type { z } from 'zod';
import { badInput } from '../errors/app-error';

/** How a validation failure reads. */
export interface ValidateOptions {
  /** The 422's overall message: a fixed text, the first field's message, or every field's message in one line. */
  summary?: string | 'first-field' | 'all-fields';
  /** Rewrites a field's message, given the field and the schema's message (e.g. to name the indicator). */
  message?: (field: string, schemaMessage: string) => string;
  /** The field an issue about the input as a whole is reported on ('_form' unless given). */
  rootField?: string;
}

/** The first message per field of a zod error, keyed by the top-level field name. */
export function fieldMessages(error: z.ZodError, opts: Omit<ValidateOptions, 'summary'> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? opts.rootField ?? '_form');
    out[field] ??= opts.message ? opts.message(field, issue.message) : issue.message;
  }
  return out;
}

function summaryOf(fields: Record<string, string>, summary: ValidateOptions['summary']): string | undefined {
  if (summary === 'first-field') return Object.values(fields)[0];
  if (summary === 'all-fields') return Object.values(fields).join(' ');
  return summary;
}

/**
 * The one way a request's input is checked: the schema's typed data, or a 422 `invalid-input` carrying a message per
 * field. The error handler answers it as JSON or an error page; a form route catches it to re-render the form with
 * the values kept and the messages beside their fields.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, opts: ValidateOptions = {}): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldMessages(parsed.error, opts);
  throw badInput(fields, summaryOf(fields, opts.summary));
}
