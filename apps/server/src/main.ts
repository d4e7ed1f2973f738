// Placeholder until the API lands: proves the product starts on the embedded default and answers.
import http from 'node:http';
import { createDb, defaultDatabaseUrl } from '@app/db';

const port = Number(process.env.PORT ?? 3000);
const db = createDb(process.env.DATABASE_URL ?? defaultDatabaseUrl);

const server = http.createServer(async (_req, res) => {
  const users = await db.user.count();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, users }));
});
server.listen(port, () => console.log(`listening on http://localhost:${port}`));
