import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const PSU = { psuIp: '203.0.113.9' };
let bank: SandboxBank;

beforeAll(async () => {
  bank = await startBank();
});
afterAll(() => bank.close());

describe('error users', () => {
  test.each([
    ['account_permanently_locked', 403],
    ['account_temporarily_locked', 403],
    ['user_input_required', 403],
    ['internal_error', 500],
    ['provider_error', 503],
  ])('error.%s logs in fine and every Data call fails with %i', async (code, status) => {
    const user = `error.${code}`;
    const token = bank.issueTokens(user).access_token;
    const { current, card } = idsOf(bank, user);
    for (const path of [
      '/me',
      '/info',
      '/accounts',
      `/accounts/${current}/transactions`,
      '/cards',
      `/cards/${card}/balance`,
    ]) {
      const response = await getData(bank, token, path, PSU);
      expect(response.status).toBe(status);
      expect(response.body).toEqual({
        error: code,
        error_description: expect.any(String),
        // TrueLayer's error body (IError) has no error_details (issue #16; the sandbox used to add one).
      });
    }
  });

  test('an error user also gets through the auth link', async () => {
    const link = new URL(`${bank.authUrl}/`);
    link.search = new URLSearchParams({
      response_type: 'code',
      client_id: bank.clientId,
      redirect_uri: 'https://app.example/cb',
      user: 'error.provider_error',
      sandbox_auto: '1',
    }).toString();
    const response = await fetch(link, { redirect: 'manual' });
    expect(response.status).toBe(302);
  });
});

describe('a bank without cards', () => {
  test('answers 501 endpoint_not_supported on /cards and lists no cards', async () => {
    const cardless = await startBank({ cardless: true });
    const token = cardless.issueTokens().access_token;
    const { status, body } = await getData(cardless, token, '/cards', PSU);
    expect(status).toBe(501);
    expect(body.error).toBe('endpoint_not_supported');
    expect(cardless.accountsOf('john').cards).toEqual([]);
    expect((await getData(cardless, token, '/accounts', PSU)).status).toBe(200);
    await cardless.close();
  });
});

describe('account counts', () => {
  test('follow the accounts option', async () => {
    const many = await startBank({ accounts: { current: 2, savings: 0, cards: 3 } });
    const { accounts, cards } = many.accountsOf('john');
    expect(accounts.map((account) => account.display_name)).toEqual([
      'TRANSACTION ACCOUNT 1',
      'TRANSACTION ACCOUNT 2',
    ]);
    expect(cards).toHaveLength(3);
    expect(new Set([...accounts, ...cards].map((account) => account.account_id)).size).toBe(5);
    await many.close();
  });
});
