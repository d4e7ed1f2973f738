import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NotSignedInError } from './errors';

const SessionSchema = z.object({
  url: z.string(),
  email: z.string(),
  sessionToken: z.string().min(1),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof SessionSchema>;

const sessionFile = (configDir: string) => join(configDir, 'session.json');

/** The stored session, or null when there is none (or it cannot be read as one). */
export async function readSession(configDir: string): Promise<Session | null> {
  let text: string;
  try {
    text = await readFile(sessionFile(configDir), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  const parsed = SessionSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // a damaged file reads as no session: signing in again rewrites it
  }
}

/** The session to call `url` with; a token is never sent to a server other than the one that issued it. */
export async function requireSession(configDir: string, url: string, now: Date): Promise<Session> {
  const session = await readSession(configDir);
  if (!session) throw new NotSignedInError('Not signed in: run `spending login --email … --password …`.');
  if (session.url !== url)
    throw new NotSignedInError(
      `Signed in to ${session.url}, not ${url}: run \`spending login\` with --url ${url}.`,
    );
  if (Date.parse(session.expiresAt) <= now.getTime())
    throw new NotSignedInError('Your session has expired: run `spending login` again.');
  return session;
}

export async function writeSession(configDir: string, session: Session): Promise<string> {
  const file = sessionFile(configDir);
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
  // `mode` only applies when the file is created: tighten one left by an older login too
  await chmod(file, 0o600);
  return file;
}

export async function removeSession(configDir: string): Promise<void> {
  await rm(sessionFile(configDir), { force: true });
}
