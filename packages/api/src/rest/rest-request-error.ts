/** A request the REST adapter refuses before it reaches the router (unreadable body, wrong media type). */
export class RestRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
