export type SandboxStats = {
  total: number;
  byEndpoint: Record<string, number>;
  /** HTTP status as a string, or `reset` / `timeout` / `aborted` when no normal response was sent. */
  byStatus: Record<string, number>;
  byAccount: Record<string, { attended: number; unattended: number }>;
};

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export function createRequestStats() {
  let stats: SandboxStats = { total: 0, byEndpoint: {}, byStatus: {}, byAccount: {} };
  return {
    record(endpoint: string, status: string, account: { accountId: string; attended: boolean } | null): void {
      stats.total += 1;
      bump(stats.byEndpoint, endpoint);
      bump(stats.byStatus, status);
      if (account) {
        const counts = (stats.byAccount[account.accountId] ??= { attended: 0, unattended: 0 });
        if (account.attended) counts.attended += 1;
        else counts.unattended += 1;
      }
    },
    /** A deep copy, so callers can keep snapshots while traffic continues. */
    snapshot: (): SandboxStats => structuredClone(stats),
    reset: () => {
      stats = { total: 0, byEndpoint: {}, byStatus: {}, byAccount: {} };
    },
  };
}

export type RequestStats = ReturnType<typeof createRequestStats>;
