import type { ConnectionStore } from './auth/connection-store';
import type { SampleBank } from './bank/sample-bank';
import type { FaultDice } from './data/fault-dice';
import type { RequestStats } from './data/request-stats';
import type { UnattendedLedger } from './data/unattended-ledger';
import type { FaultKnobs, ResolvedSandboxOptions } from './options';
import type { SandboxClock } from './sandbox-clock';

/** Everything the request handlers share. `faults` is replaced by `setFaults`, so handlers read it per request. */
export type SandboxContext = {
  options: ResolvedSandboxOptions;
  faults: FaultKnobs;
  clock: SandboxClock;
  bank: SampleBank;
  store: ConnectionStore;
  ledger: UnattendedLedger;
  dice: FaultDice;
  stats: RequestStats;
  /** With `idChurn`, a new value per request that changes every `transaction_id`; otherwise null. */
  nextChurn(): string | null;
};
