// The Phase-1 REST API spoke snake_case; the router speaks camelCase. Names are translated both ways here.

const camelBySnake: Record<string, string> = {
  connection_id: 'connectionId',
  job_type: 'jobType',
  from_date: 'fromDate',
  to_date: 'toDate',
  account_ids: 'accountIds',
  auto_enrich: 'autoEnrich',
  batch_size: 'batchSize',
  job_id: 'jobId',
};
const snakeByCamel = Object.fromEntries(Object.entries(camelBySnake).map(([snake, camel]) => [camel, snake]));

/** The body's known snake_case fields under their router names; `user_id` and unknown fields are dropped. */
export function toRouterInput(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const camel = camelBySnake[key];
    if (camel) input[camel] = value;
  }
  return input;
}

/** A validation issue's path as the REST client named it, e.g. `batch_size` or `account_ids.0`. */
export function toRestPath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'string' ? (snakeByCamel[part] ?? part) : String(part)))
    .join('.');
}
