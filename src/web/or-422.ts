import { AppError } from '../errors/app-error';

/**
 * Runs a form's write. A 422 re-renders the form (the caller's rerender keeps the typed values) with the refusal's
 * summary on top (`_form`) and its message per field, and answers false; anything else propagates to the error
 * handler. The errors have the shape the verification, kabupaten and monev forms build by hand.
 */
export function or422(action: () => void, rerender: (errors: Record<string, string>) => void): boolean {
  try {
    action();
    return true;
  } catch (err) {
    if (err instanceof AppError && err.status === 422) {
      rerender({ _form: err.message, ...err.fields });
      return false;
    }
    throw err;
  }
}
