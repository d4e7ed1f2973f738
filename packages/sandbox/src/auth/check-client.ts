import type { IncomingMessage } from 'node:http';
import type { SandboxContext } from '../sandbox-context';

/** Client credentials from the body, or from HTTP Basic auth as OAuth also allows. */
export function isKnownClient(
  ctx: SandboxContext,
  req: IncomingMessage,
  fields: Record<string, string>,
): boolean {
  let clientId = fields.client_id;
  let clientSecret = fields.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId ??= decodeURIComponent(decoded.slice(0, colon));
    clientSecret ??= decodeURIComponent(decoded.slice(colon + 1));
  }
  return clientId === ctx.options.clientId && clientSecret === ctx.options.clientSecret;
}
