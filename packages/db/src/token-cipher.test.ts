import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createTokenCipher, TokenDecryptionError } from './token-cipher';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('the token cipher', () => {
  test('a token round-trips and the ciphertext does not contain it', () => {
    const cipher = createTokenCipher({ a: keyA }, 'a');
    const sealed = cipher.encrypt('access-token-secret');
    expect(sealed).not.toContain('access-token-secret');
    expect(cipher.decrypt(sealed)).toBe('access-token-secret');
  });

  test('a tampered ciphertext is refused', () => {
    const cipher = createTokenCipher({ a: keyA }, 'a');
    const parts = cipher.encrypt('secret').split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow(TokenDecryptionError);
  });

  test('after rotation old tokens still decrypt and new ones use the new key', () => {
    const old = createTokenCipher({ a: keyA }, 'a');
    const rotated = createTokenCipher({ a: keyA, b: keyB }, 'b');
    const sealedOld = old.encrypt('t1');
    expect(rotated.decrypt(sealedOld)).toBe('t1');
    expect(rotated.isCurrent(sealedOld)).toBe(false);
    const sealedNew = rotated.encrypt('t1');
    expect(rotated.isCurrent(sealedNew)).toBe(true);
    expect(() => old.decrypt(sealedNew)).toThrow(TokenDecryptionError);
  });

  test('a key of the wrong length is refused at start', () => {
    expect(() => createTokenCipher({ a: Buffer.alloc(16).toString('base64') }, 'a')).toThrow(/32 bytes/);
  });
});
