import { londonDateOf } from './calendar';

export interface SandboxClock {
  now(): Date;
  /** The London calendar date of `now()`. */
  today(): string;
  set(date: Date): void;
  advance(ms: number): void;
}

/** The bank's clock is the base clock plus an offset, so tests can move time while the base keeps ticking. */
export function createSandboxClock(base: () => Date): SandboxClock {
  let offsetMs = 0;
  const now = () => new Date(base().getTime() + offsetMs);
  return {
    now,
    today: () => londonDateOf(now()),
    set: (date) => {
      offsetMs = date.getTime() - base().getTime();
    },
    advance: (ms) => {
      offsetMs += ms;
    },
  };
}
