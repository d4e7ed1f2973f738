import { gunzipSync, gzipSync } from 'node:zlib';
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
  /** The bank's items exactly as received (`BankTransaction.raw`): no tokens, no headers. */
  items: BankTransaction[];
};

function pack(items: unknown[]): string {
  return gzipSync(JSON.stringify(items)).toString('base64');
}

export function unpackRawItems(body: string): unknown[] {
  const parsed: unknown = JSON.parse(gunzipSync(Buffer.from(body, 'base64')).toString('utf8'));
  return Array.isArray(parsed) ? parsed : [];
}

/** Keeps one response of a job, in the transaction that ingests it; a resumed window overwrites its copy. */
export async function archiveResponse(tx: DbTx, response: ArchivedResponse): Promise<void> {
  const { jobId, accountId, endpoint, window } = response;
  const fields = { fromDate: response.range?.from ?? null, toDate: response.range?.to ?? null, bodyGzip: pack(response.items.map((i) => i.raw)) };
  await tx.rawResponse.upsert({
    where: { jobId_accountId_endpoint_window: { jobId, accountId, endpoint, window } },
    create: { jobId, accountId, endpoint, window, ...fields },
    update: fields,
  });
}

/** Drops raw responses older than the retention period; returns how many. */
export async function purgeRawArchive(db: Db, input: { now: Date; days: number }): Promise<number> {
  const { count } = await db.rawResponse.deleteMany({ where: { createdAt: { lt: new Date(input.now.getTime() - input.days * dayMs) } } });
  return count;
}
