// Runs the sandbox bank on its own: `pnpm --filter @app/sandbox start [-- --port 4010 --seed 42]`.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createSandboxBank } from './create-sandbox-bank';

const CliSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(4010),
  host: z.string().min(1).default('127.0.0.1'),
  seed: z.coerce.number().int().default(42),
});

// `pnpm start -- --port 1` forwards the `--` too; drop it so both spellings work.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const { values } = parseArgs({
  args,
  options: { port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' } },
});
const parsed = CliSchema.safeParse({
  port: values.port ?? process.env.PORT,
  host: values.host,
  seed: values.seed,
});
if (!parsed.success) {
  console.error(`sandbox: ${z.prettifyError(parsed.error)}`);
  process.exit(1);
}

const bank = await createSandboxBank({ seed: parsed.data.seed }).listen(parsed.data.port, parsed.data.host);
const demoLink = new URL(`${bank.authUrl}/`);
demoLink.search = new URLSearchParams({
  response_type: 'code',
  client_id: bank.clientId,
  redirect_uri: 'http://localhost:3000/callback',
  scope: 'info accounts balance cards transactions offline_access',
  providers: 'uk-cs-mock',
  state: 'demo',
}).toString();

console.log(`Sandbox bank (TrueLayer Data API v1 imitation) listening on ${bank.url}
  auth host      ${bank.authUrl}   (token: POST ${bank.authUrl}/connect/token)
  data host      ${bank.apiUrl}
  providers      ${bank.authUrl}/api/providers
  client         ${bank.clientId} / ${bank.clientSecret}
  auth link      ${demoLink.toString()}
Press Ctrl+C to stop.`);

const stop = () => {
  bank.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
