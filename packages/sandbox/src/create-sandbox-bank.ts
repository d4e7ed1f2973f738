import { z } from 'zod';
import { createConnectionStore, type TokenResponse } from './auth/connection-store';
import type { ApiAccount, ApiCard } from './bank/account-json';
import { toAccountJson, toCardJson } from './bank/account-json';
import { listBookedTransactions } from './bank/list-transactions';
import { createSampleBank } from './bank/sample-bank';
import type { ApiTransaction } from './bank/transaction-json';
import { addMonths } from './calendar';
import { clipToHistory, readRequestedRange } from './data/date-window';
import { createFaultDice } from './data/fault-dice';
import { createRequestStats, type SandboxStats } from './data/request-stats';
import { createUnattendedLedger } from './data/unattended-ledger';
import { SandboxUsageError } from './errors';
import { createHttpServer } from './http/create-http-server';
import { FaultKnobsSchema, SandboxOptionsSchema, type FaultKnobsInput, type SandboxOptions } from './options';
import { routeRequest } from './route-request';
import { createSandboxClock } from './sandbox-clock';
import type { SandboxContext } from './sandbox-context';

const FULL_SCOPES = ['info', 'accounts', 'balance', 'cards', 'transactions', 'offline_access'];

export type IssuedTokens = TokenResponse & { refresh_token: string };

export interface SandboxBank {
  /** e.g. `http://127.0.0.1:54321`; throws before `listen`. */
  readonly url: string;
  /** TrueLayer's auth host: `${url}/auth`. */
  readonly authUrl: string;
  /** TrueLayer's data host: `${url}/data/v1`. */
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  listen(port?: number, host?: string): Promise<SandboxBank>;
  /** The OAuth round trip in one call: a new connection for `user` and its tokens. */
  issueTokens(user?: string): IssuedTokens;
  /** Merged into the current fault knobs; `failingAccounts` is replaced as a whole when given. */
  setFaults(partial: FaultKnobsInput): void;
  setClock(date: Date): void;
  advanceClock(ms: number): void;
  now(): Date;
  /** Every access token issued so far answers 401 from now on. */
  expireAccessTokens(): void;
  /** The consent of `user` (or everyone) ends now: refresh gives 400 invalid_grant, data calls 403 access_denied. */
  expireConsent(user?: string): void;
  stats(): SandboxStats;
  resetStats(): void;
  accountsOf(user: string): { accounts: ApiAccount[]; cards: ApiCard[] };
  /** The fault-free booked items of an account as the API would return them for `from`/`to` (no SCA check). */
  expectedTransactions(
    user: string,
    accountId: string,
    range?: { from?: string; to?: string },
  ): ApiTransaction[];
  close(): Promise<void>;
}

function parseOptions(options: SandboxOptions) {
  const parsed = SandboxOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new SandboxUsageError(`invalid sandbox options: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function createSandboxBank(options: SandboxOptions = {}): SandboxBank {
  const resolved = parseOptions(options);
  const clock = createSandboxClock(resolved.now ?? (() => new Date()));
  let baseUrl: string | null = null;
  const requireUrl = () => {
    if (baseUrl === null)
      throw new SandboxUsageError('the sandbox bank is not listening yet: await bank.listen() first');
    return baseUrl;
  };
  let churnCounter = 0;

  const ctx: SandboxContext = {
    options: resolved,
    faults: resolved.faults,
    clock,
    bank: createSampleBank({
      seed: resolved.seed,
      counts: resolved.accounts,
      transactionsPerMonth: resolved.transactionsPerMonth,
      pendingDays: resolved.pendingDays,
      cardless: resolved.cardless,
      // Opening balances apply at the start of the first history month, so both banks of a test agree.
      anchorDate: `${addMonths(clock.today(), -resolved.historyMonths).slice(0, 7)}-01`,
    }),
    store: createConnectionStore({
      clock,
      clientId: resolved.clientId,
      tokenTtlSeconds: resolved.tokenTtlSeconds,
      consentDays: resolved.consentDays,
      refreshTokens: resolved.refreshTokens,
      issuer: () => `${baseUrl ?? 'http://sandbox.invalid'}/auth`,
      stateFile: resolved.stateFile,
    }),
    ledger: createUnattendedLedger(),
    dice: createFaultDice(resolved.seed),
    stats: createRequestStats(),
    nextChurn: () => (resolved.idChurn ? String((churnCounter += 1)) : null),
  };
  const server = createHttpServer((req, res) => routeRequest(ctx, req, res));

  const requireSpec = (user: string, accountId: string) => {
    const spec = ctx.bank.findSpec(user, accountId);
    if (!spec) throw new SandboxUsageError(`user ${user} has no account ${accountId}`);
    return spec;
  };

  const bank: SandboxBank = {
    get url() {
      return requireUrl();
    },
    get authUrl() {
      return `${requireUrl()}/auth`;
    },
    get apiUrl() {
      return `${requireUrl()}/data/v1`;
    },
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    listen: async (port = 0, host = '127.0.0.1') => {
      const address = await server.listen(port, host);
      const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      baseUrl = `http://${hostname}:${address.port}`;
      return bank;
    },
    issueTokens: (user = 'john') => {
      const { refresh_token: refreshToken, ...tokens } = ctx.store.issueTokens(
        ctx.store.createConnection(user, FULL_SCOPES),
      );
      // offline_access is among the scopes, so a refresh token is always issued.
      if (refreshToken === undefined) throw new SandboxUsageError('no refresh token was issued');
      return { ...tokens, refresh_token: refreshToken };
    },
    setFaults: (partial) => {
      ctx.faults = FaultKnobsSchema.parse({ ...ctx.faults, ...partial });
    },
    setClock: (date) => clock.set(date),
    advanceClock: (ms) => clock.advance(ms),
    now: () => clock.now(),
    expireAccessTokens: () => ctx.store.expireAccessTokens(),
    expireConsent: (user) => ctx.store.expireConsent(user),
    stats: () => ctx.stats.snapshot(),
    resetStats: () => ctx.stats.reset(),
    accountsOf: (user) => {
      const now = clock.now();
      const specs = ctx.bank.specsOf(user);
      return {
        accounts: specs.flatMap((spec) => (spec.kind === 'account' ? [toAccountJson(spec, now)] : [])),
        cards: specs.flatMap((spec) => (spec.kind === 'card' ? [toCardJson(spec, now)] : [])),
      };
    },
    expectedTransactions: (user, accountId, range = {}) => {
      const spec = requireSpec(user, accountId);
      const params = new URLSearchParams();
      if (range.from !== undefined) params.set('from', range.from);
      if (range.to !== undefined) params.set('to', range.to);
      const requested = readRequestedRange(params);
      if (!requested) throw new SandboxUsageError(`invalid date range ${JSON.stringify(range)}`);
      const today = clock.today();
      const settings = {
        today,
        historyMonths: resolved.historyMonths,
        scaMaxDays: resolved.scaMaxDays,
        withinScaGrace: true,
      };
      const window = clipToHistory(
        requested.from ?? addMonths(today, -resolved.historyMonths),
        requested.to,
        settings,
      );
      return listBookedTransactions(ctx.bank.bookOf(spec), window.from, window.to, today, null);
    },
    close: () => server.close(),
  };
  return bank;
}
