import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The auth state that must survive a restart of the embedded sandbox (codes are short-lived and are not kept). */
export type StoredAuthState = {
  connections: {
    credentialsId: string;
    user: string;
    scopes: string[];
    createdAtMs: number;
    authenticatedAtMs: number;
    expiresAtMs: number;
    profile?: string;
  }[];
  refreshTokens: [token: string, credentialsId: string][];
  accessTokens: [token: string, entry: { credentialsId: string; expiresAtMs: number; epoch: number }][];
  epoch: number;
};

const storedAuthStateSchema = z.object({
  connections: z.array(
    z.object({
      credentialsId: z.string(),
      user: z.string(),
      scopes: z.array(z.string()),
      createdAtMs: z.number(),
      authenticatedAtMs: z.number(),
      expiresAtMs: z.number(),
      // Absent in files written before provider profiles: the standard bank.
      profile: z.string().optional(),
    }),
  ),
  refreshTokens: z.array(z.tuple([z.string(), z.string()])),
  accessTokens: z.array(
    z.tuple([
      z.string(),
      z.object({ credentialsId: z.string(), expiresAtMs: z.number(), epoch: z.number() }),
    ]),
  ),
  epoch: z.number(),
});

export function readStoredAuthState(file: string): StoredAuthState | null {
  if (!existsSync(file)) return null;
  const parsed = storedAuthStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null; // an unreadable file means starting afresh, as a new bank would
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a state. */
export function writeStoredAuthState(file: string, state: StoredAuthState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  renameSync(temporary, file);
}
