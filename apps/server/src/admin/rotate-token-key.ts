import { TokenDecryptionError, type Db, type TokenCipher } from '@app/db';

export type RotationReport = {
  connections: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Connections whose tokens no configured key opens (their key was removed too early). */
  failed: { connectionId: string; reason: string }[];
};

const pageSize = 200;
const tokenFields = { id: true, accessTokenEnc: true, refreshTokenEnc: true, tokenVersion: true } as const;
type Stored = { id: string; accessTokenEnc: string; refreshTokenEnc: string | null; tokenVersion: number };

const reencrypt = (cipher: TokenCipher, ciphertext: string) =>
  cipher.isCurrent(ciphertext) ? ciphertext : cipher.encrypt(cipher.decrypt(ciphertext));

/**
 * One connection's tokens under the current key. A worker refreshing the same tokens meanwhile wins: the swap
 * only happens if the row still holds what was read (tokenVersion and ciphertext), else it is read again.
 * tokenVersion is left alone, so a refresher that read before the swap still completes its own swap.
 */
async function rotateConnection(
  db: Db,
  cipher: TokenCipher,
  first: Stored,
): Promise<'reencrypted' | 'current'> {
  let row: Stored | null = first;
  while (row) {
    const current =
      cipher.isCurrent(row.accessTokenEnc) && (!row.refreshTokenEnc || cipher.isCurrent(row.refreshTokenEnc));
    if (current) return 'current';
    const { count } = await db.bankConnection.updateMany({
      where: { id: row.id, tokenVersion: row.tokenVersion, accessTokenEnc: row.accessTokenEnc },
      data: {
        accessTokenEnc: reencrypt(cipher, row.accessTokenEnc),
        refreshTokenEnc: row.refreshTokenEnc === null ? null : reencrypt(cipher, row.refreshTokenEnc),
      },
    });
    if (count === 1) return 'reencrypted';
    row = await db.bankConnection.findUnique({ where: { id: row.id }, select: tokenFields });
  }
  return 'current'; // deleted meanwhile: nothing left to rotate
}

/**
 * Re-encrypts every stored bank token with the cipher's current key, while the server keeps running. The
 * procedure: configure both keys everywhere (TOKEN_ENCRYPTION_KEYS=old:…,new:…) with the new one current
 * (TOKEN_ENCRYPTION_KEY_ID=new), run this, then drop the old key. Safe to run again.
 */
export async function rotateTokenKey(db: Db, cipher: TokenCipher): Promise<RotationReport> {
  const report: RotationReport = { connections: 0, reencrypted: 0, alreadyCurrent: 0, failed: [] };
  let cursor: string | undefined;
  for (;;) {
    const page = await db.bankConnection.findMany({
      select: tokenFields,
      orderBy: { id: 'asc' },
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of page) {
      report.connections += 1;
      try {
        const outcome = await rotateConnection(db, cipher, row);
        if (outcome === 'reencrypted') report.reencrypted += 1;
        else report.alreadyCurrent += 1;
      } catch (error) {
        if (!(error instanceof TokenDecryptionError)) throw error;
        report.failed.push({ connectionId: row.id, reason: error.message });
      }
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return report;
    cursor = last.id;
  }
}
