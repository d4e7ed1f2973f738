// Our own shapes for what TrueLayer returns. Responses are parsed into these by zod inside this package;
// nothing outside it sees TrueLayer's JSON (except `raw`, kept verbatim for the archive).

export type AccountKind = 'account' | 'card';

export type BankAccount = {
  kind: AccountKind;
  /** TrueLayer's `account_id` (cards too). */
  accountId: string;
  /** TRANSACTION / SAVINGS / BUSINESS_* for accounts; the card_type (CREDIT, CHARGE, ...) for cards. */
  accountType: string;
  displayName: string;
  currency: string;
  /** Last 4 of the IBAN / account number / card number, or null. */
  maskedNumber: string | null;
  /** The item's `provider`, which TrueLayer's docs show without a display name (and some answers leave out). */
  providerId: string | null;
  providerName: string | null;
};

export type Balance = {
  currency: string;
  availableMinor: number | null;
  currentMinor: number;
  overdraftMinor: number | null;
  creditLimitMinor: number | null;
  /** Cards: the last statement's balance and calendar date, the payment due and its date, when the bank sends them. */
  lastStatementBalanceMinor: number | null;
  lastStatementDate: string | null;
  paymentDueMinor: number | null;
  paymentDueDate: string | null;
  /** As sent, or null when the bank left it out. */
  updatedAt: string | null;
};

export type DirectionRule = 'transaction_type' | 'amount_sign';

export type TransactionMeta = {
  /** `meta.provider_transaction_category` or `meta.provider_category` (the bank's own code: DEB, DD, FPI...). */
  providerCategory: string | null;
  /** `meta.counter_party_preferred_name`. */
  counterparty: string | null;
  /** `meta.provider_reference`. */
  reference: string | null;
  /** `meta.provider_merchant_name`. */
  providerMerchantName: string | null;
  /** Every scalar entry of `meta` as sent (objects and lists are left in `raw`). */
  entries: Record<string, string | number | boolean>;
};

export type BankTransaction = {
  /** TrueLayer's `transaction_id`: may change between requests and when a pending item books. */
  transactionId: string;
  /** `normalised_provider_transaction_id`: stable where present, the preferred dedup key. */
  normalisedProviderId: string | null;
  /** `provider_transaction_id`. */
  providerTransactionId: string | null;
  status: 'booked' | 'pending';
  /** The timestamp exactly as the bank sent it. */
  timestamp: string;
  /** The calendar date as the bank wrote it (the date part of `timestamp`), never shifted by time zones. */
  bookingDate: string;
  /** Signed minor units from the holder's point of view: money out is negative, for accounts and cards. */
  amountMinor: number;
  currency: string;
  direction: 'DEBIT' | 'CREDIT';
  description: string;
  merchantName: string | null;
  /** Who was paid or paid: `merchant_name`, then `meta.provider_merchant_name`, then the description. */
  payee: string;
  /**
   * Which rule decided `direction` (and so the sign): the item's `transaction_type` when it has one, else the
   * amount's sign by TrueLayer's convention for the endpoint (see `directionOf`). Stored so a receipt can say so.
   */
  directionRule: DirectionRule;
  /** `transaction_category` (PURCHASE, DIRECT_DEBIT, ...). */
  category: string;
  classification: string[];
  runningBalanceMinor: number | null;
  /** The provider's `meta` as sent (provider category, counterparty, references...), plus the fields read from it. */
  meta: TransactionMeta;
  /** The item exactly as received, for the raw archive and replay. */
  raw: unknown;
};

export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
};

/** From `/me`: who and which bank the token belongs to. */
export type ConnectionInfo = {
  credentialsId: string | null;
  providerId: string;
  providerName: string;
  /** `consent_expires_at` when the API sends it (unconfirmed field); null otherwise. */
  consentExpiresAt: Date | null;
};

/** Inclusive calendar dates, YYYY-MM-DD. */
export type DateRange = { from: string; to: string };

/** Every HTTP call to the Data API is reported, for the unattended-call ledger and metrics. */
export type CallRecord = {
  endpoint: string;
  /** The bank account the call was about, or null for /accounts, /cards, /me. */
  accountId: string | null;
  /** True when sent with X-PSU-IP (the user is present): such calls do not count against the PSD2 budget. */
  attended: boolean;
  /** HTTP status, or 0 when no response arrived (timeout, reset). */
  status: number;
  rateLimited: boolean;
  /** 1 for the first try, 2+ for retries. */
  attempt: number;
  durationMs: number;
};

/**
 * Where the data client gets its bearer token. `refresh(stale)` is called once after a 401: it must return a
 * fresh token (refreshing at most once however many callers saw the same stale token).
 */
export interface AccessTokenSource {
  current(): Promise<string>;
  refresh(staleToken: string): Promise<string>;
}

export type DataClientOptions = {
  tokens: AccessTokenSource;
  /** The user's IP when they are present; marks calls attended. Omit for background work. */
  psuIp?: string;
  onCall?: (call: CallRecord) => void;
  signal?: AbortSignal;
};

export interface TrueLayerDataClient {
  me(): Promise<ConnectionInfo>;
  accounts(): Promise<BankAccount[]>;
  /** A bank without cards (501 endpoint_not_supported) answers an empty list. */
  cards(): Promise<BankAccount[]>;
  /**
   * The lists, or null when the bank does not offer the endpoint at all (501 endpoint_not_supported, or 404 on
   * the list: cards-only providers such as charge cards have no /accounts). A capability, not a failure.
   */
  accountsIfOffered(): Promise<BankAccount[] | null>;
  cardsIfOffered(): Promise<BankAccount[] | null>;
  /** Pending items, or null when the bank answers 501: it does not report pending, and the account still completes. */
  pendingIfOffered(kind: AccountKind, accountId: string): Promise<BankTransaction[] | null>;
  /** The balance, or null when the bank answers 501. */
  balanceIfOffered(kind: AccountKind, accountId: string): Promise<Balance | null>;
  balance(kind: AccountKind, accountId: string): Promise<Balance>;
  /** One call for one window; callers split long ranges with `splitDateRange`. */
  transactions(kind: AccountKind, accountId: string, range: DateRange): Promise<BankTransaction[]>;
  pendingTransactions(kind: AccountKind, accountId: string): Promise<BankTransaction[]>;
}
