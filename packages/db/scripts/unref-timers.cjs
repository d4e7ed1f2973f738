// Prisma's WASM schema engine leaves a long timer armed after it finishes, so the CLI idles for 10-60 s.
// Preloaded into the CLI (NODE_OPTIONS=--require): long timers stop keeping the process alive.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref();
  return timer;
};
