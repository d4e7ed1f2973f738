// Small HTTP helpers for talking to a running sandbox bank in tests.
import { createSandboxBank, type SandboxBank, type SandboxOptions } from '../src/index';

/** A fixed base clock so dates, windows and SCA ages are the same on every run. */
export const FIXED_NOW = new Date('2026-06-03T10:00:00Z');

export async function startBank(options: SandboxOptions = {}): Promise<SandboxBank> {
  return createSandboxBank({ now: () => FIXED_NOW, ...options }).listen(0, '127.0.0.1');
}

export type ErrorFields = {
  error?: string;
  error_description?: string;
  error_details?: Record<string, unknown>;
};
export type Envelope<T> = { results: T[]; status: string } & ErrorFields;
export type DataResponse<T> = { status: number; headers: Headers; body: Envelope<T> };

/** The token endpoint's and the extend endpoint's answers (or their errors). */
export type AuthAnswer = ErrorFields &
  Partial<{
    access_token: string;
    refresh_token: string;
    expires_in: number;
    token_type: string;
    scope: string;
    action_needed: string;
    consent_expires_at: string;
  }>;

/** GET a Data API path; `psuIp` marks the call attended. */
export async function getData<T = Record<string, unknown>>(
  bank: SandboxBank,
  token: string,
  path: string,
  init: { psuIp?: string; signal?: AbortSignal } = {},
): Promise<DataResponse<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (init.psuIp) headers['X-PSU-IP'] = init.psuIp;
  const response = await fetch(`${bank.apiUrl}${path}`, { headers, signal: init.signal });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Envelope<T> };
}

export async function postForm(
  url: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: AuthAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as AuthAnswer };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: AuthAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as AuthAnswer };
}

/** The user's first current account, savings account and card ids. */
export function idsOf(bank: SandboxBank, user = 'john'): { current: string; savings: string; card: string } {
  const { accounts, cards } = bank.accountsOf(user);
  const current = accounts.find((account) => account.account_type === 'TRANSACTION')?.account_id;
  const savings = accounts.find((account) => account.account_type === 'SAVINGS')?.account_id;
  const card = cards[0]?.account_id;
  if (!current || !savings || !card) throw new Error(`user ${user} lacks the default accounts`);
  return { current, savings, card };
}

export const REDIRECT = 'https://app.example/callback?from=bank';

/** An auth link as the application builds it, with `extra` parameters on top. */
export function authLinkFor(bank: SandboxBank, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: bank.clientId,
    redirect_uri: REDIRECT,
    scope: 'info accounts balance cards transactions offline_access',
    providers: 'uk-cs-mock uk-ob-all',
    state: 'state-123',
    ...extra,
  });
  return `${bank.authUrl}/?${params.toString()}`;
}
