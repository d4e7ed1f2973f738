import { performance } from 'node:perf_hooks';
import { createBenchDatabase } from './bench-database';

const database = await createBenchDatabase('sqlite');
const db = database.db;
const user = await db.user.create({ data: { email: 'x@y', passwordHash: 'x' } });
for (let round = 0; round < 6; round++) {
  const t = performance.now();
  const n = 300;
  for (let i = 0; i < n; i++) await db.user.findUnique({ where: { id: user.id } });
  console.log('round', round, ((performance.now() - t) / n).toFixed(3), 'ms/findUnique');
}
const t = performance.now();
for (let i = 0; i < 300; i++) await db.$queryRawUnsafe('SELECT * FROM "User" WHERE id = ?', user.id);
console.log('queryRawUnsafe', ((performance.now() - t) / 300).toFixed(3));
await database.drop();
