import { z } from 'zod';

/**
 * Keyset cursors: the sort key and id of the last row of a page, opaque to clients. Unlike offsets they do not
 * skip or repeat rows when new ones arrive between pages.
 */
export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
    return null;
  } catch {
    return null;
  }
}

export const CursorSchema = z
  .string()
  .max(512)
  .transform((value, ctx) => {
    const cursor = decodeCursor(value);
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: 'This page cursor is not one we gave out.' });
      return z.NEVER;
    }
    return cursor;
  });
