import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
// patch the better-sqlite3 instance that @app/db's adapter loads
const require = createRequire(new URL('../../packages/db/node_modules/@prisma/adapter-better-sqlite3/package.json', import.meta.url));
const Database = require('better-sqlite3');
const stats = new Map<string, { n: number; ms: number; prep: number }>();
const proto = Database.prototype;
const origPrepare = proto.prepare;
proto.prepare = function (sql: string) {
  const t0 = performance.now();
  const stmt = origPrepare.call(this, sql);
  const prepMs = performance.now() - t0;
  const key = sql.replace(/\s+/g, ' ').slice(0, 70);
  const s = stats.get(key) ?? { n: 0, ms: 0, prep: 0 };
  s.prep += prepMs;
  stats.set(key, s);
  for (const m of ['run', 'all', 'get']) {
    const orig = stmt[m];
    stmt[m] = function (...args: unknown[]) {
      const t = performance.now();
      try { return orig.apply(this, args); } finally { s.n += 1; s.ms += performance.now() - t; }
    };
  }
  return stmt;
};
export function printSqlStats() {
  let total = 0;
  for (const [k, v] of [...stats].sort((a, b) => b[1].ms + b[1].prep - a[1].ms - a[1].prep).slice(0, 25)) {
    total += v.ms + v.prep;
    console.log(String(v.n).padStart(6), `${(v.ms / Math.max(v.n, 1)).toFixed(3)} ms/run`.padStart(14), `run ${Math.round(v.ms)} ms`.padStart(12), `prepare ${Math.round(v.prep)} ms`.padStart(14), k);
  }
  console.log('top total', Math.round(total));
}
