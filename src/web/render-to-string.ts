import type { Response } from 'express';

/** Renders a view with the response's locals into a string (for JSON bodies that carry HTML, and caches). */
export function renderToString(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.render(view, locals, (err: Error | null, html: string) => (err ? reject(err) : resolve(html)));
  });
}
