import type { ServerResponse } from 'node:http';

/**
 * Waits `ms` before answering; resolves false as soon as the client goes away instead, and clears its timer
 * then, so held responses never keep the process (or a closing server) alive.
 */
export function waitUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed || res.socket?.destroyed) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}
