/** Why a run stops before its end: a person's cancel or pause, or the process shutting down. */
export type StopReason = 'cancel' | 'pause' | 'shutdown';

/** How one account's part of one run ended (a stop is an outcome too). */
export type AccountOutcome = 'completed' | 'failed' | 'deferred' | StopReason;
