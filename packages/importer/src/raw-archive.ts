import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { Db, DbTx } from '@app/db';
import type { BankTransaction } from '@app/truelayer';

const dayMs = 86_400_000;

export type ArchivedResponse = {
  jobId: string;
  accountId: string;
  endpoint: 'transactions' | 'pending';
  /** The window's index; the pending list comes after the last window. */
  window: number;
  range: { from: string; to: string } | null;
  /** The response's items, packed by `packRawItems`. */
  body: string;
};

const gzipAsync = promisify(gzip);

/**
 * The bank's items exactly as received (`BankTransaction.raw`: no tokens, no headers), gzipped on the thread pool,
 * before the transaction that keeps them: compressing a window's thousands of items there held the database.
 */
export async function packRawItems(items: BankTransaction[]): Promise<string> {
  return (await gzipAsync(JSON.stringify(items.map((item) => item.raw)))).toString('base64');
}

export function unpackRawItems(body: string): unknown[] {
  const parsed: unknown = JSON.parse(gunzipSync(Buffer.from(body, 'base64')).toString('utf8'));
  return Array.isArray(parsed) ? parsed : [];
}

/** Keeps one response of a job, in the transaction that ingests it; a resumed window overwrites its copy. */
export async function archiveResponse(tx: DbTx, response: ArchivedResponse): Promise<void> {
  const { jobId, accountId, endpoint, window } = response;
  const fields = {
    fromDate: response.range?.from ?? null,
    toDate: response.range?.to ?? null,
    bodyGzip: response.body,
  };
  await tx.rawResponse.upsert({
    where: { jobId_accountId_endpoint_window: { jobId, accountId, endpoint, window } },
    create: { jobId, accountId, endpoint, window, ...fields },
    update: fields,
  });
}

/** Drops raw responses older than the retention period; returns how many. */
export async function purgeRawArchive(db: Db, input: { now: Date; days: number }): Promise<number> {
  const { count } = await db.rawResponse.deleteMany({
    where: { createdAt: { lt: new Date(input.now.getTime() - input.days * dayMs) } },
  });
  return count;
}
