import { TRPCClientError, type AppRouter } from '@app/api/client';

/** The API's input fields as the options that fill them, so a refusal names what to change. */
const optionOf: Record<string, string> = {
  connectionId: '--connection',
  fromDate: '--from',
  toDate: '--to',
  accountIds: '--accounts',
  autoEnrich: '--enrich',
  batchSize: '--batch-size',
  status: '--status',
  limit: '--limit',
  email: '--email',
  password: '--password',
  jobId: 'job id',
};

/** Why a request got no answer: the system error code (ECONNREFUSED, ENOTFOUND…) or the innermost message. */
function transportReasonOf(error: Error): string {
  let reason = error.message;
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ('code' in current && typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code))
      return current.code;
    reason = current.message;
  }
  return reason;
}

function describeClientError(error: TRPCClientError<AppRouter>, url: string): string {
  const data = error.data;
  if (!data) {
    return `Could not reach the server at ${url} (${transportReasonOf(error)}). Is it running? Pass --url or set SPENDING_URL.`;
  }
  if (data.zodError) {
    const { formErrors, fieldErrors } = data.zodError;
    const fields = Object.entries<string[] | undefined>(fieldErrors).flatMap(([field, messages]) =>
      (messages ?? []).map((message) => `${optionOf[field] ?? field}: ${message}`),
    );
    return [...formErrors, ...fields].join('\n');
  }
  if (data.code === 'UNAUTHORIZED' && data.path !== 'auth.signIn')
    return `${error.message} Run \`spending login\`.`;
  return error.message;
}

/** What to tell the person: server messages are written for people; a stack only ever shows with --debug. */
export function describeError(error: unknown, url: string): string {
  if (error instanceof TRPCClientError) return describeClientError(error, url);
  if (error instanceof Error) return error.message;
  return String(error);
}
