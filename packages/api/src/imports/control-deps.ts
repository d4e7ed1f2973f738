import type { ApiServices } from '../services';

/** What the importer's start / pause / resume / cancel functions need. */
export function controlDepsOf(services: ApiServices) {
  const { db, progress, transport, now } = services;
  return { db, progress, transport, now };
}
