import type { SandboxBank } from '@app/sandbox';
import { createTrueLayerClient, hostsFor, truelayerConfigSchema, type TrueLayerClient } from '@app/truelayer';
import type { ServerConfig } from './server-config';

/** The TrueLayer client, pointed at TrueLayer (live or its sandbox) or at the embedded sandbox bank. */
export function createBankClient(
  config: ServerConfig,
  publicUrl: string,
  sandbox: SandboxBank | null,
): TrueLayerClient {
  const redirectUri = `${publicUrl}/connections/callback`;
  const target =
    config.bank.kind === 'truelayer'
      ? {
          ...hostsFor(config.bank.environment),
          clientId: config.bank.clientId,
          clientSecret: config.bank.clientSecret,
          redirectUri: config.bank.redirectUri ?? redirectUri,
        }
      : sandbox
        ? {
            authUrl: sandbox.authUrl,
            apiUrl: sandbox.apiUrl,
            clientId: sandbox.clientId,
            clientSecret: sandbox.clientSecret,
            redirectUri,
          }
        : null;
  if (!target) throw new Error('the embedded sandbox bank must be started before its client');
  return createTrueLayerClient(truelayerConfigSchema.parse({ ...target, ...config.truelayerTuning }));
}
