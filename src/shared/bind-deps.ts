/** A service function with its dependencies bound: the arguments that follow them, the same result. */
export type Bound<D, F> = F extends (deps: D, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * Binds a feature's service functions to the dependencies its module was given, so routes and other modules call
 * `units.createUnit(user, body)` and never hold a repository or the database. The functions stay plain exported
 * functions taking `deps` first, which keeps them easy to read and to test.
 */
export function bindDeps<D, F extends Record<string, (deps: D, ...args: never[]) => unknown>>(deps: D, fns: F): { [K in keyof F]: Bound<D, F[K]> } {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(fns)) out[name] = (...args: never[]) => fn(deps, ...args);
  return out as { [K in keyof F]: Bound<D, F[K]> };
}
