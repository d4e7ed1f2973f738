import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) for bank tokens at rest. Ciphertexts carry the id of the key that
 * made them (`v1.<keyId>.<iv>.<tag>.<data>`), so keys can be rotated while old rows are re-encrypted.
 */
export type TokenCipher = {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** True when the ciphertext was made with the current key (rotation skips those). */
  isCurrent(ciphertext: string): boolean;
};

export class TokenDecryptionError extends Error {
  readonly code = 'TOKEN_DECRYPTION_FAILED';
}

/** `keys` maps key ids to 32-byte keys (base64); `currentKeyId` encrypts, every key decrypts. */
export function createTokenCipher(keys: Record<string, string>, currentKeyId: string): TokenCipher {
  const material = new Map(Object.entries(keys).map(([id, key]) => [id, Buffer.from(key, 'base64')]));
  for (const [id, key] of material) {
    if (key.length !== 32) throw new Error(`token key "${id}" must be 32 bytes, base64-encoded`);
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`token key id "${id}" must be [A-Za-z0-9_-]`);
  }
  const current = material.get(currentKeyId);
  if (!current) throw new Error(`the current token key "${currentKeyId}" is not among the configured keys`);

  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        'v1',
        currentKeyId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    decrypt(ciphertext) {
      const [version, keyId, iv, tag, data] = ciphertext.split('.');
      const key = keyId === undefined ? undefined : material.get(keyId);
      if (version !== 'v1' || !key || iv === undefined || tag === undefined || data === undefined) {
        throw new TokenDecryptionError(`token was encrypted with an unknown key "${keyId ?? '?'}"`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new TokenDecryptionError('token ciphertext failed authentication');
      }
    },
    isCurrent(ciphertext) {
      return ciphertext.split('.')[1] === currentKeyId;
    },
  };
}
