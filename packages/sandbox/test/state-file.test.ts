import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { SandboxBank } from '../src/index';
import { getData, postForm, startBank } from './sandbox-client';

const refresh = (bank: SandboxBank, token: string) =>
  postForm(`${bank.authUrl}/connect/token`, {
    grant_type: 'refresh_token',
    client_id: bank.clientId,
    client_secret: bank.clientSecret,
    refresh_token: token,
  });

describe('when the sandbox bank keeps its state in a file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-state-'));
  const stateFile = path.join(dir, 'auth.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a restarted bank honours the tokens the previous one issued, and still rotates refresh tokens', async () => {
    const first = await startBank({ stateFile });
    const issued = first.issueTokens('john');
    await first.close();

    const second = await startBank({ stateFile });
    try {
      expect((await getData(second, issued.access_token, '/accounts')).status).toBe(200);
      const refreshed = await refresh(second, issued.refresh_token);
      expect(refreshed.status).toBe(200);
      const reused = await refresh(second, issued.refresh_token);
      expect(reused.body.error).toBe('invalid_grant');
    } finally {
      await second.close();
    }
  });

  test('without a state file a restarted bank knows no tokens', async () => {
    const first = await startBank();
    const issued = first.issueTokens('john');
    await first.close();
    const second = await startBank();
    try {
      expect((await getData(second, issued.access_token, '/accounts')).status).toBe(401);
    } finally {
      await second.close();
    }
  });
});
