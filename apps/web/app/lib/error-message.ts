/** A message for people from a failed call: the API writes its messages to be shown. */
export function errorMessageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}
