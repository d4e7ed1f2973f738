import { addDays } from '@app/domain';

/** Pending items are recent: a range ending within this many days of today also fetches the pending list. */
const pendingDays = 7;

export function reachesPending(toDate: string, today: string): boolean {
  return toDate >= addDays(today, -pendingDays);
}
